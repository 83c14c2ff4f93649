package dev.ligature.core.types;

/**
 * The type of an import or of an external value: what an import descriptor declares. One record
 * per {@link ExternKind}; function and tag types refer to the module's type section by index, so
 * they mean something only together with their module.
 */
public sealed interface ExternType permits ExternType.Func, TableType, MemoryType, GlobalType, TagType {
    /** {@return the kind of entity this type describes} */
    ExternKind kind();

    /**
     * A function import, by the index of its type in the module's type index space.
     *
     * @param typeIndex index of the function type in the module's type index space
     */
    record Func(int typeIndex) implements ExternType {
        /** {@return {@link ExternKind#FUNC}} */
        @Override
        public ExternKind kind() {
            return ExternKind.FUNC;
        }
    }
}
