package dev.ligature.core.binary;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.ast.CustomSection;
import dev.ligature.core.ast.DataSegment;
import dev.ligature.core.ast.ElementSegment;
import dev.ligature.core.ast.Export;
import dev.ligature.core.ast.Func;
import dev.ligature.core.ast.Global;
import dev.ligature.core.ast.Import;
import dev.ligature.core.ast.Module;
import dev.ligature.core.ast.Table;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.RecType;
import dev.ligature.core.types.TagType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes the binary format into a {@link Module}.
 *
 * <p>Every function body and constant expression is walked instruction by instruction, so any
 * encoding fault anywhere in the module is reported here, as a {@link MalformedModuleException}
 * whose message starts with the phrase the official test suite expects (the reference
 * interpreter's), followed by the byte offset. Nothing else escapes on bad input.
 */
public final class ModuleDecoder {
    /** Binary magic number "\0asm", little-endian. */
    public static final int MAGIC = 0x6D736100;
    public static final int VERSION = 1;

    /** Known section ids in the order they must appear, and each id's place in that order. */
    static final int[] SECTION_ORDER = {
        Module.SEC_TYPE, Module.SEC_IMPORT, Module.SEC_FUNCTION, Module.SEC_TABLE, Module.SEC_MEMORY,
        Module.SEC_TAG, Module.SEC_GLOBAL, Module.SEC_EXPORT, Module.SEC_START, Module.SEC_ELEMENT,
        Module.SEC_DATA_COUNT, Module.SEC_CODE, Module.SEC_DATA,
    };
    private static final int[] RANK = new int[14];

    static {
        for (int i = 0; i < SECTION_ORDER.length; i++) {
            RANK[SECTION_ORDER[i]] = i + 1;
        }
    }

    private final byte[] bytes;
    private final WasmReader r;
    private final SectionReader sections;

    private List<RecType> types = List.of();
    private List<Import> imports = List.of();
    private int[] functionTypes = new int[0];
    private int functionCount;
    private List<Table> tables = List.of();
    private List<MemoryType> memories = List.of();
    private List<TagType> tags = List.of();
    private List<Global> globals = List.of();
    private List<Export> exports = List.of();
    private int start = -1;
    private List<ElementSegment> elements = List.of();
    private long dataCount = -1;
    private List<Func> functions = List.of();
    private List<DataSegment> data = List.of();
    private final List<CustomSection> customs = new ArrayList<>();

    private ModuleDecoder(byte[] bytes) {
        this.bytes = bytes;
        this.r = new WasmReader(bytes);
        this.sections = new SectionReader(r);
    }

    /** Decodes a whole module; every encoding fault is a {@link MalformedModuleException}. */
    public static Module decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new ModuleDecoder(bytes).module();
    }

    private Module module() {
        header();
        r.eofMessage("unexpected end of section or function");
        int lastId = 0;
        while (r.hasMore()) {
            int at = r.pos();
            int id = r.u8();
            if (id >= RANK.length) {
                throw r.errorAt("malformed section id", at);
            }
            long size = sections.len32();
            int contentStart = r.pos();
            if (id == Module.SEC_CUSTOM) {
                custom(size, contentStart, lastId);
                continue;
            }
            if (lastId != 0 && RANK[id] <= RANK[lastId]) {
                // The reference reads the sections in their fixed order and stops at the first one out of place.
                throw r.errorAt("unexpected content after last section", at);
            }
            section(id);
            if (r.pos() != contentStart + size) {
                throw r.errorAt("section size mismatch", contentStart);
            }
            lastId = id;
        }
        return finish();
    }

    private void header() {
        if (bytes.length >= 4 && word(0) != MAGIC) {
            throw MalformedModuleException.atOffset("magic header not detected", 0);
        }
        if (bytes.length < 8) {
            throw MalformedModuleException.atOffset("unexpected end", bytes.length);
        }
        if (word(4) != VERSION) {
            throw MalformedModuleException.atOffset("unknown binary version", 4);
        }
        r.pos(8);
    }

    private int word(int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
                | (bytes[at + 3] & 0xFF) << 24;
    }

    private void section(int id) {
        switch (id) {
            case Module.SEC_TYPE -> types = sections.types();
            case Module.SEC_IMPORT -> imports = sections.imports();
            case Module.SEC_FUNCTION -> {
                functionTypes = sections.functionTypes();
                functionCount = functionTypes.length;
            }
            case Module.SEC_TABLE -> tables = sections.tables();
            case Module.SEC_MEMORY -> memories = sections.memories();
            case Module.SEC_TAG -> tags = sections.tags();
            case Module.SEC_GLOBAL -> globals = sections.globals();
            case Module.SEC_EXPORT -> exports = sections.exports();
            case Module.SEC_START -> start = sections.index();
            case Module.SEC_ELEMENT -> elements = sections.elements();
            case Module.SEC_DATA_COUNT -> dataCount = r.u32L();
            case Module.SEC_CODE -> functions = sections.code(functionTypes, functionCount);
            case Module.SEC_DATA -> data = sections.data();
            default -> throw new AssertionError(id);
        }
    }

    /**
     * A custom section: its name, then the rest of its declared size as payload. As in the
     * reference, the name's length is bounded by the input, and a name that runs past the section's
     * end leaves a negative payload length: the section ends before it could.
     */
    private void custom(long size, int contentStart, int lastId) {
        String name = sections.name();
        long payload = contentStart + size - r.pos();
        if (payload < 0) {
            throw r.errorAt("unexpected end", r.limit());
        }
        customs.add(new CustomSection(name, r.bytes(payload), lastId));
    }

    private Module finish() {
        long end = bytes.length;
        if (functionCount != functions.size()) {
            throw MalformedModuleException.atOffset("function and code section have inconsistent lengths", end);
        }
        if (dataCount >= 0 && dataCount != data.size()) {
            throw MalformedModuleException.atOffset("data count and data section have inconsistent lengths", end);
        }
        if (dataCount < 0 && sections.usesDataIndex()) {
            throw MalformedModuleException.atOffset("data count section required", end);
        }
        return new Module(types, imports, functions, tables, memories, tags, globals, exports, start, elements,
                (int) dataCount, data, customs);
    }
}
