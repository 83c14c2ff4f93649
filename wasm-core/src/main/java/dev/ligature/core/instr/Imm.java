package dev.ligature.core.instr;

/**
 * The shape of an instruction's immediate operands, in binary order. The reader, writer, text
 * parser and validator switch over this to handle every instruction of a shape the same way.
 */
public enum Imm {
    /** No immediates. */
    NONE,
    /** A block type: empty (0x40), a value type, or a type index (s33). */
    BLOCK_TYPE,
    /** A label index (branch depth). */
    LABEL,
    /** A vector of label indices followed by the default label. */
    LABEL_TABLE,
    /** A function index. */
    FUNC,
    /** A type index. */
    TYPE,
    /** {@code call_indirect}: type index, then table index. */
    CALL_INDIRECT,
    LOCAL,
    GLOBAL,
    TABLE,
    TAG,
    /** A memory index (memory.size, memory.grow, memory.fill). */
    MEMORY,
    /** A data segment index. */
    DATA,
    /** An element segment index. */
    ELEM,
    /**
     * A memory argument: alignment exponent (bit 6 set means a memory index follows), optional memory
     * index, then offset (u64 for memory64).
     */
    MEMARG,
    /** A memory argument followed by a lane index byte. */
    MEMARG_LANE,
    I32,
    I64,
    F32,
    F64,
    /** 16 bytes. */
    V128,
    /** One lane index byte. */
    LANE,
    /** 16 lane index bytes. */
    SHUFFLE,
    /** {@code select t*}: a vector of value types. */
    SELECT_TYPES,
    /** A heap type (ref.null, ref.test, ref.cast). */
    HEAP_TYPE,
    /** {@code memory.init}: data index, then memory index. */
    MEMORY_INIT,
    /** {@code memory.copy}: destination memory, then source memory. */
    MEMORY_COPY,
    /** {@code table.init}: element index, then table index. */
    TABLE_INIT,
    /** {@code table.copy}: destination table, then source table. */
    TABLE_COPY,
    /** {@code try_table}: block type, then a vector of catch clauses. */
    TRY_TABLE,
    /** Type index, then field index. */
    TYPE_FIELD,
    /** Type index, then data index. */
    TYPE_DATA,
    /** Type index, then element index. */
    TYPE_ELEM,
    /** Two type indices (array.copy: destination, source). */
    TYPE_TYPE,
    /** Type index, then a length (array.new_fixed). */
    TYPE_LEN,
    /** Cast flags byte, label index, source heap type, target heap type. */
    BR_ON_CAST
}
