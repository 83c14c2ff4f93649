package dev.ligature.core.ast;

import dev.ligature.core.types.ExternKind;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.RecType;
import dev.ligature.core.types.SubType;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.TagType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The abstract syntax of a WebAssembly module, as the binary decoder and the text parser produce it
 * and the encoder consumes it. Immutable. Index spaces (functions, tables, memories, globals, tags)
 * start with the imports of that kind, followed by the module's own definitions.
 *
 * @param types recursion groups of the type section; see {@link #subTypes()} for the flat index space
 * @param start index of the start function, or -1
 * @param dataCount the value of the data count section, or -1 when the module has none
 * @param customs custom sections, each remembering where it stood
 */
public record Module(
        List<RecType> types,
        List<Import> imports,
        List<Func> functions,
        List<Table> tables,
        List<MemoryType> memories,
        List<TagType> tags,
        List<Global> globals,
        List<Export> exports,
        int start,
        List<ElementSegment> elements,
        int dataCount,
        List<DataSegment> data,
        List<CustomSection> customs) {

    /** Binary section ids. */
    public static final int SEC_CUSTOM = 0, SEC_TYPE = 1, SEC_IMPORT = 2, SEC_FUNCTION = 3, SEC_TABLE = 4,
            SEC_MEMORY = 5, SEC_GLOBAL = 6, SEC_EXPORT = 7, SEC_START = 8, SEC_ELEMENT = 9, SEC_CODE = 10,
            SEC_DATA = 11, SEC_DATA_COUNT = 12, SEC_TAG = 13;

    public Module {
        types = List.copyOf(types);
        imports = List.copyOf(imports);
        functions = List.copyOf(functions);
        tables = List.copyOf(tables);
        memories = List.copyOf(memories);
        tags = List.copyOf(tags);
        globals = List.copyOf(globals);
        exports = List.copyOf(exports);
        elements = List.copyOf(elements);
        data = List.copyOf(data);
        customs = List.copyOf(customs);
    }

    /** An empty module. */
    public static Module empty() {
        return new Module(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), -1,
                List.of(), -1, List.of(), List.of());
    }

    /** The type index space: every member of every recursion group, in order. Computed per call. */
    public List<SubType> subTypes() {
        List<SubType> out = new ArrayList<>();
        for (RecType r : types) {
            out.addAll(r.members());
        }
        return out;
    }

    /** Number of imports of the given kind: the offset of the module's own definitions in that index space. */
    public int importCount(ExternKind kind) {
        int n = 0;
        for (Import i : imports) {
            if (i.type().kind() == kind) {
                n++;
            }
        }
        return n;
    }

    /** The types of the imports of one kind, in order. */
    public <T extends ExternType> List<T> importTypes(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Import i : imports) {
            if (type.isInstance(i.type())) {
                out.add(type.cast(i.type()));
            }
        }
        return out;
    }

    /** The first custom section called {@code name}, or null. */
    public CustomSection custom(String name) {
        Objects.requireNonNull(name, "name");
        for (CustomSection c : customs) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
