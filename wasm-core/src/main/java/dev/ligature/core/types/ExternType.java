package dev.ligature.core.types;

/** The type of an import or of an external value: what an import descriptor declares. */
public sealed interface ExternType permits ExternType.Func, TableType, MemoryType, GlobalType, TagType {
    ExternKind kind();

    /** A function, by the index of its type in the module's type index space. */
    record Func(int typeIndex) implements ExternType {
        @Override
        public ExternKind kind() {
            return ExternKind.FUNC;
        }
    }
}
