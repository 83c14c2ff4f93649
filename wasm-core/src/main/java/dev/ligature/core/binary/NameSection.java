package dev.ligature.core.binary;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.ast.CustomSection;
import dev.ligature.core.ast.Export;
import dev.ligature.core.ast.Module;
import dev.ligature.core.types.ExternKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The contents of the {@code "name"} custom section: debug names for the module and its entities.
 * Maps go from index to name; the indirect ones (locals, labels, fields) from the owner's index
 * (function or type) to such a map. Missing subsections give empty maps and a null module name.
 *
 * <p>Decoding is best effort, as in engines: a malformed name section never makes the module
 * malformed; whatever was readable before the fault is kept (a broken subsection keeps its entries
 * read so far, and the following subsections are still read when the broken one's size was).
 */
public record NameSection(
        String moduleName,
        Map<Integer, String> functions,
        Map<Integer, Map<Integer, String>> locals,
        Map<Integer, Map<Integer, String>> labels,
        Map<Integer, String> types,
        Map<Integer, String> tables,
        Map<Integer, String> memories,
        Map<Integer, String> globals,
        Map<Integer, String> elements,
        Map<Integer, String> data,
        Map<Integer, Map<Integer, String>> fields,
        Map<Integer, String> tags) {

    /** The custom section's name. */
    public static final String SECTION_NAME = "name";

    /** Subsection ids of the extended name section. */
    public static final int MODULE = 0, FUNCTIONS = 1, LOCALS = 2, LABELS = 3, TYPES = 4, TABLES = 5, MEMORIES = 6,
            GLOBALS = 7, ELEMENTS = 8, DATA = 9, FIELDS = 10, TAGS = 11;

    public static final NameSection EMPTY = new NameSection(null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public NameSection {
        functions = freeze(functions);
        locals = freezeIndirect(locals);
        labels = freezeIndirect(labels);
        types = freeze(types);
        tables = freeze(tables);
        memories = freeze(memories);
        globals = freeze(globals);
        elements = freeze(elements);
        data = freeze(data);
        fields = freezeIndirect(fields);
        tags = freeze(tags);
    }

    private static Map<Integer, String> freeze(Map<Integer, String> m) {
        return Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(m)));
    }

    private static Map<Integer, Map<Integer, String>> freezeIndirect(Map<Integer, Map<Integer, String>> m) {
        TreeMap<Integer, Map<Integer, String>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, freeze(v)));
        return Collections.unmodifiableMap(out);
    }

    /** The names of {@code module}'s first {@code "name"} custom section, or {@link #EMPTY}. */
    public static NameSection of(Module module) {
        CustomSection c = module.custom(SECTION_NAME);
        return c == null ? EMPTY : decode(c.data());
    }

    /** The name of function {@code index}, or null. */
    public String functionName(int index) {
        return functions.get(index);
    }

    /**
     * The name to show for function {@code index} of {@code module} (whose name section this is) in
     * backtraces and messages: its name here, else the name it is exported under, else null.
     */
    public String displayName(Module module, int index) {
        String n = functionName(index);
        if (n != null) {
            return n;
        }
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.FUNC && e.index() == index) {
                return e.name();
            }
        }
        return null;
    }

    /** The name of local {@code local} of function {@code function}, or null. */
    public String localName(int function, int local) {
        Map<Integer, String> m = locals.get(function);
        return m == null ? null : m.get(local);
    }

    /** Decodes a name section's payload (what follows the section name), best effort. */
    public static NameSection decode(byte[] payload) {
        Builder b = new Builder();
        WasmReader r = new WasmReader(payload);
        try {
            int lastId = -1;
            while (r.hasMore()) {
                int id = r.u8();
                long size = r.u32L();
                if (size > r.remaining()) {
                    break;
                }
                int end = r.pos() + (int) size;
                // Subsections come once each, in increasing id order; later repeats are ignored.
                if (id > lastId) {
                    subsection(new WasmReader(payload, r.pos(), end, 0), id, b);
                    lastId = id;
                }
                r.pos(end);
            }
        } catch (MalformedModuleException e) {
            // A broken subsection header: keep what was read.
        }
        return b.build();
    }

    private static void subsection(WasmReader r, int id, Builder b) {
        try {
            switch (id) {
                case MODULE -> b.moduleName = name(r);
                case FUNCTIONS -> nameMap(r, b.functions);
                case LOCALS -> indirectNameMap(r, b.locals);
                case LABELS -> indirectNameMap(r, b.labels);
                case TYPES -> nameMap(r, b.types);
                case TABLES -> nameMap(r, b.tables);
                case MEMORIES -> nameMap(r, b.memories);
                case GLOBALS -> nameMap(r, b.globals);
                case ELEMENTS -> nameMap(r, b.elements);
                case DATA -> nameMap(r, b.data);
                case FIELDS -> indirectNameMap(r, b.fields);
                case TAGS -> nameMap(r, b.tags);
                default -> { } // unknown subsections are skipped
            }
        } catch (MalformedModuleException e) {
            // Best effort: the entries before the fault stay.
        }
    }

    private static String name(WasmReader r) {
        int at = r.pos();
        long n = r.u32L();
        if (n > r.remaining()) {
            throw r.error("length out of bounds");
        }
        int start = r.pos();
        r.skip((int) n);
        return SectionReader.utf8(r.array(), start, (int) n, r, at);
    }

    private static void nameMap(WasmReader r, Map<Integer, String> into) {
        long n = r.u32L();
        for (long i = 0; i < n; i++) {
            int index = r.u32();
            into.putIfAbsent(index, name(r));
        }
    }

    private static void indirectNameMap(WasmReader r, Map<Integer, Map<Integer, String>> into) {
        long n = r.u32L();
        for (long i = 0; i < n; i++) {
            int index = r.u32();
            Map<Integer, String> inner = new LinkedHashMap<>();
            into.putIfAbsent(index, inner);
            nameMap(r, into.get(index));
        }
    }

    /** Encodes this as a name section payload, subsections in id order, entries by ascending index. */
    public byte[] encode() {
        WasmWriter out = new WasmWriter();
        WasmWriter sub = new WasmWriter();
        if (moduleName != null) {
            sub.name(moduleName);
            out.u8(MODULE).sized(sub);
        }
        direct(out, sub, FUNCTIONS, functions);
        indirect(out, sub, LOCALS, locals);
        indirect(out, sub, LABELS, labels);
        direct(out, sub, TYPES, types);
        direct(out, sub, TABLES, tables);
        direct(out, sub, MEMORIES, memories);
        direct(out, sub, GLOBALS, globals);
        direct(out, sub, ELEMENTS, elements);
        direct(out, sub, DATA, data);
        indirect(out, sub, FIELDS, fields);
        direct(out, sub, TAGS, tags);
        return out.toByteArray();
    }

    /** This as a custom section placed after section {@code after}. */
    public CustomSection toCustomSection(int after) {
        return new CustomSection(SECTION_NAME, encode(), after);
    }

    private static void direct(WasmWriter out, WasmWriter sub, int id, Map<Integer, String> m) {
        if (!m.isEmpty()) {
            sub.reset();
            writeMap(sub, m);
            out.u8(id).sized(sub);
        }
    }

    private static void indirect(WasmWriter out, WasmWriter sub, int id, Map<Integer, Map<Integer, String>> m) {
        if (!m.isEmpty()) {
            sub.reset();
            sub.u32(m.size());
            m.forEach((k, v) -> writeMap(sub.u32(k), v));
            out.u8(id).sized(sub);
        }
    }

    private static void writeMap(WasmWriter w, Map<Integer, String> m) {
        w.u32(m.size());
        m.forEach((k, v) -> w.u32(k).name(v));
    }

    private static final class Builder {
        String moduleName;
        final Map<Integer, String> functions = new LinkedHashMap<>();
        final Map<Integer, Map<Integer, String>> locals = new LinkedHashMap<>();
        final Map<Integer, Map<Integer, String>> labels = new LinkedHashMap<>();
        final Map<Integer, String> types = new LinkedHashMap<>();
        final Map<Integer, String> tables = new LinkedHashMap<>();
        final Map<Integer, String> memories = new LinkedHashMap<>();
        final Map<Integer, String> globals = new LinkedHashMap<>();
        final Map<Integer, String> elements = new LinkedHashMap<>();
        final Map<Integer, String> data = new LinkedHashMap<>();
        final Map<Integer, Map<Integer, String>> fields = new LinkedHashMap<>();
        final Map<Integer, String> tags = new LinkedHashMap<>();

        NameSection build() {
            return new NameSection(moduleName, functions, locals, labels, types, tables, memories, globals, elements,
                    data, fields, tags);
        }
    }
}
