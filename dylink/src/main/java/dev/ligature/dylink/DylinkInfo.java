package dev.ligature.dylink;

import dev.ligature.core.runtime.WasmModule;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dynamic-linking metadata of an Emscripten main or side module: its {@code dylink.0} custom
 * section (or the legacy {@code dylink} one of emcc before 2.0.30). It says how much memory and how
 * many table slots the module's static data and functions need, which libraries must be loaded
 * before it, which of its exports are thread-local and which of its imports are weak.
 *
 * @param memorySize bytes of static data to place in linear memory
 * @param memoryAlignment log2 of the alignment of that data (4 means 16 bytes)
 * @param tableSize function table slots the module's element segment fills
 * @param tableAlignment log2 of the alignment of those slots (always 0 from wasm-ld)
 * @param neededDynlibs file names of the libraries to load first, in order
 * @param exportFlags symbol flags of the exports wasm-ld marks (thread-local data), by name
 * @param importFlags symbol flags of the imports wasm-ld marks (undefined weak symbols), by
 *     {@code module + "." + field}
 * @param runtimePaths RPATH/RUNPATH entries to search for needed libraries ({@code $ORIGIN} is the module's directory)
 */
public record DylinkInfo(long memorySize, int memoryAlignment, long tableSize, int tableAlignment,
        List<String> neededDynlibs, Map<String, Integer> exportFlags, Map<String, Integer> importFlags,
        List<String> runtimePaths) {
    /** The name of the current section. */
    public static final String SECTION = "dylink.0";
    /** The name of the section emcc wrote before 2.0.30 (a flat record, no subsections). */
    public static final String LEGACY_SECTION = "dylink";
    /** Symbol flag: weak binding ({@code flags & 3 == 1}). */
    public static final int SYM_BINDING_WEAK = 0x1;
    /** Symbol flag: an undefined symbol. */
    public static final int SYM_UNDEFINED = 0x10;
    /** Symbol flag: thread-local data. */
    public static final int SYM_TLS = 0x100;

    private static final int MEM_INFO = 1;
    private static final int NEEDED = 2;
    private static final int EXPORT_INFO = 3;
    private static final int IMPORT_INFO = 4;
    private static final int RUNTIME_PATH = 5;

    /** Copies the collections, so a {@code DylinkInfo} is immutable. */
    public DylinkInfo {
        neededDynlibs = List.copyOf(neededDynlibs);
        exportFlags = Map.copyOf(exportFlags);
        importFlags = Map.copyOf(importFlags);
        runtimePaths = List.copyOf(runtimePaths);
    }

    /**
     * The metadata of {@code module}: its {@code dylink.0} section, else its legacy {@code dylink}
     * section, else nothing (a module not built for dynamic linking).
     *
     * @param module the module
     * @return the metadata, if the module has any
     * @throws MalformedDylinkException if the section does not follow its format
     */
    public static Optional<DylinkInfo> of(WasmModule module) {
        List<byte[]> current = module.customSections(SECTION);
        if (!current.isEmpty()) {
            return Optional.of(parse(current.get(0)));
        }
        List<byte[]> legacy = module.customSections(LEGACY_SECTION);
        return legacy.isEmpty() ? Optional.empty() : Optional.of(parseLegacy(legacy.get(0)));
    }

    /**
     * {@return whether the symbol {@code name} is imported weakly, from whichever module: IMPORT_INFO
     * names the {@code env} import, while the module reaches the symbol's address through
     * {@code GOT.mem}/{@code GOT.func}, so the linker asks by symbol}
     *
     * @param name the symbol
     */
    public boolean isWeakSymbol(String name) {
        for (Map.Entry<String, Integer> e : importFlags.entrySet()) {
            String key = e.getKey();
            if (key.length() > name.length() && key.endsWith(name) && key.charAt(key.length() - name.length() - 1) == '.'
                    && (e.getValue() & 3) == SYM_BINDING_WEAK) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return whether the import {@code module}.{@code field} is weak: it may stay undefined}
     *
     * @param module the import's module name
     * @param field the import's field name
     */
    public boolean isWeakImport(String module, String field) {
        Integer f = importFlags.get(module + "." + field);
        return f != null && (f & 3) == SYM_BINDING_WEAK;
    }

    /**
     * {@return whether the export {@code name} is thread-local data (relocated by the thread's TLS base)}
     *
     * @param name the export's name
     */
    public boolean isTlsExport(String name) {
        Integer f = exportFlags.get(name);
        return f != null && (f & SYM_TLS) != 0;
    }

    /** {@return the alignment of the static data in bytes} */
    public long memoryAlignmentBytes() {
        return 1L << memoryAlignment;
    }

    /**
     * Reads the body of a {@code dylink.0} section (the bytes after its name): subsections of a type
     * byte, a length and a payload; unknown types are skipped; an absent memory subsection means zeros.
     *
     * @param body the section's contents
     * @return the metadata
     * @throws MalformedDylinkException if a subsection overruns the section or its payload, or a count or string is bad
     */
    public static DylinkInfo parse(byte[] body) {
        Reader r = new Reader(body, 0, body.length);
        long memorySize = 0;
        long tableSize = 0;
        int memoryAlignment = 0;
        int tableAlignment = 0;
        List<String> needed = new ArrayList<>();
        Map<String, Integer> exports = new LinkedHashMap<>();
        Map<String, Integer> imports = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        while (r.pos < r.end) {
            int type = r.u8("subsection type");
            long len = r.u32("subsection length");
            if (len > r.end - r.pos) {
                throw new MalformedDylinkException("dylink.0 subsection " + type + " of " + len
                        + " bytes overruns the section (" + (r.end - r.pos) + " left)");
            }
            Reader p = new Reader(body, r.pos, r.pos + (int) len);
            r.pos += (int) len;
            switch (type) {
                case MEM_INFO -> {
                    memorySize = p.u32("memorysize");
                    memoryAlignment = p.alignment("memoryalignment");
                    tableSize = p.u32("tablesize");
                    tableAlignment = p.alignment("tablealignment");
                }
                case NEEDED -> p.strings(needed, "needed library");
                case EXPORT_INFO -> {
                    long n = p.count("export info");
                    for (long i = 0; i < n; i++) {
                        String name = p.string("export name");
                        exports.put(name, (int) p.u32("export flags"));
                    }
                }
                case IMPORT_INFO -> {
                    long n = p.count("import info");
                    for (long i = 0; i < n; i++) {
                        String module = p.string("import module");
                        String field = p.string("import field");
                        imports.put(module + "." + field, (int) p.u32("import flags"));
                    }
                }
                case RUNTIME_PATH -> p.strings(paths, "runtime path");
                default -> {
                    continue; // unknown subsections are skipped, as Emscripten's loader does
                }
            }
            if (p.pos != p.end) {
                throw new MalformedDylinkException("dylink.0 subsection " + type + " has " + (p.end - p.pos)
                        + " bytes past its contents");
            }
        }
        return new DylinkInfo(memorySize, memoryAlignment, tableSize, tableAlignment, needed, exports, imports, paths);
    }

    /**
     * Reads the body of a legacy {@code dylink} section: memory size and alignment, table size and
     * alignment, then the needed libraries; no export or import flags exist in this format.
     *
     * @param body the section's contents
     * @return the metadata
     * @throws MalformedDylinkException if the record is truncated or has bytes past its end
     */
    public static DylinkInfo parseLegacy(byte[] body) {
        Reader r = new Reader(body, 0, body.length);
        long memorySize = r.u32("memorysize");
        int memoryAlignment = r.alignment("memoryalignment");
        long tableSize = r.u32("tablesize");
        int tableAlignment = r.alignment("tablealignment");
        List<String> needed = new ArrayList<>();
        r.strings(needed, "needed library");
        if (r.pos != r.end) {
            throw new MalformedDylinkException("dylink section has " + (r.end - r.pos) + " bytes past its contents");
        }
        return new DylinkInfo(memorySize, memoryAlignment, tableSize, tableAlignment, needed, Map.of(), Map.of(), List.of());
    }

    /** Reads LEB128 numbers and length-prefixed UTF-8 strings in [pos, end) of a section. */
    private static final class Reader {
        final byte[] b;
        int pos;
        final int end;

        Reader(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        int u8(String what) {
            if (pos >= end) {
                throw truncated(what);
            }
            return b[pos++] & 0xFF;
        }

        /** An unsigned LEB128 of at most 32 bits; padded encodings (up to 5 bytes) are fine. */
        long u32(String what) {
            long v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int x = u8(what);
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    if (v > 0xFFFF_FFFFL) {
                        throw new MalformedDylinkException(what + " does not fit in 32 bits");
                    }
                    return v;
                }
            }
            throw new MalformedDylinkException(what + " is a LEB128 longer than 5 bytes");
        }

        int alignment(String what) {
            long a = u32(what);
            if (a > 31) {
                throw new MalformedDylinkException(what + " " + a + " is not a log2 alignment (at most 31)");
            }
            return (int) a;
        }

        /** A count, each item taking at least one byte. */
        long count(String what) {
            long n = u32(what + " count");
            if (n > end - pos) {
                throw new MalformedDylinkException(what + " count " + n + " exceeds the " + (end - pos) + " bytes left");
            }
            return n;
        }

        String string(String what) {
            long len = u32(what + " length");
            if (len > end - pos) {
                throw truncated(what);
            }
            try {
                String s = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, pos, (int) len)).toString();
                pos += (int) len;
                return s;
            } catch (CharacterCodingException e) {
                throw new MalformedDylinkException(what + " is not valid UTF-8");
            }
        }

        void strings(List<String> into, String what) {
            long n = count(what);
            for (long i = 0; i < n; i++) {
                into.add(string(what));
            }
        }

        private MalformedDylinkException truncated(String what) {
            return new MalformedDylinkException("dylink section ends inside the " + what);
        }
    }
}
