package dev.ligature.core.instr;

import dev.ligature.core.binary.BinaryTypes;
import dev.ligature.core.binary.WasmReader;
import dev.ligature.core.types.HeapType;
import dev.ligature.core.types.ValType;
import java.util.Arrays;

/**
 * Decodes an instruction sequence one instruction at a time, driven by the opcode table. After
 * {@link #next()} the accessors describe that instruction's immediates until the following call;
 * nothing is allocated per instruction except for the rare variable-length immediates that need it
 * ({@code select t*}). Bad encodings throw {@code MalformedModuleException}.
 */
public final class CodeReader {
    /** Catch clause kinds of {@code try_table}, as encoded. */
    public static final int CATCH = 0, CATCH_REF = 1, CATCH_ALL = 2, CATCH_ALL_REF = 3;

    private final WasmReader r;
    private int instrPos;
    private Opcode op;

    private long index;
    private long index2;
    private int align;
    private int memory;
    private long offset;
    private int lane;
    private long value;
    private final byte[] v128 = new byte[16];
    private int[] labels = new int[8];
    private int labelCount;
    private ValType blockValType;
    private ValType[] selectTypes = new ValType[0];
    private HeapType heapType;
    private HeapType heapType2;
    private int castFlags;
    private int[] catchKinds = new int[4];
    private long[] catchTags = new long[4];
    private long[] catchLabels = new long[4];
    private int catchCount;

    public CodeReader(WasmReader r) {
        this.r = r;
    }

    public WasmReader reader() {
        return r;
    }

    public boolean hasNext() {
        return r.hasMore();
    }

    /** Position in the backing array of the instruction last returned by {@link #next()}. */
    public int instrPos() {
        return instrPos;
    }

    /** The instruction last returned by {@link #next()}. */
    public Opcode op() {
        return op;
    }

    /** Decodes the next instruction and its immediates. */
    public Opcode next() {
        instrPos = r.pos();
        int b = r.u8();
        Opcode o;
        if (b == Opcode.GC || b == Opcode.MISC || b == Opcode.SIMD) {
            long code = r.u32L();
            o = Opcode.prefixed(b, code);
        } else {
            o = Opcode.plain(b);
        }
        if (o == null) {
            throw r.errorAt("illegal opcode", instrPos);
        }
        op = o;
        readImmediates(o.imm());
        return o;
    }

    private void readImmediates(Imm imm) {
        switch (imm) {
            case NONE -> { }
            case BLOCK_TYPE -> readBlockType();
            case LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, TAG, DATA, ELEM -> index = r.u32L();
            case MEMORY -> index = r.u32L();
            case LABEL_TABLE -> readLabelTable();
            case CALL_INDIRECT, TYPE_FIELD, TYPE_DATA, TYPE_ELEM, TYPE_TYPE, TYPE_LEN, MEMORY_INIT, MEMORY_COPY,
                 TABLE_INIT, TABLE_COPY -> {
                index = r.u32L();
                index2 = r.u32L();
            }
            case MEMARG -> readMemarg();
            case MEMARG_LANE -> {
                readMemarg();
                lane = r.u8();
            }
            case I32 -> value = r.s32();
            case I64 -> value = r.s64();
            case F32 -> value = r.f32Bits() & 0xFFFFFFFFL;
            case F64 -> value = r.f64Bits();
            case V128, SHUFFLE -> {
                for (int i = 0; i < 16; i++) {
                    v128[i] = (byte) r.u8();
                }
            }
            case LANE -> lane = r.u8();
            case SELECT_TYPES -> readSelectTypes();
            case HEAP_TYPE -> heapType = BinaryTypes.heapType(r);
            case TRY_TABLE -> readTryTable();
            case BR_ON_CAST -> {
                int at = r.pos();
                castFlags = r.u8();
                if ((castFlags & ~3) != 0) {
                    throw r.errorAt("malformed br_on_cast flags", at);
                }
                index = r.u32L();
                heapType = BinaryTypes.heapType(r);
                heapType2 = BinaryTypes.heapType(r);
            }
        }
    }

    private void readBlockType() {
        int b = r.peek();
        blockValType = null;
        index = -1;
        if (b == 0x40) {
            r.u8();
        } else if (BinaryTypes.startsValType(b)) {
            blockValType = BinaryTypes.valType(r);
        } else {
            int at = r.pos();
            long t = r.s33();
            if (t < 0) {
                throw r.errorAt("malformed block type", at);
            }
            index = t;
        }
    }

    private void readLabelTable() {
        long n = r.u32L();
        if (n > r.remaining()) {
            throw r.error("unexpected end of section or function");
        }
        if (labels.length < n) {
            labels = new int[(int) Math.max(n, labels.length * 2L)];
        }
        for (int i = 0; i < n; i++) {
            labels[i] = r.u32();
        }
        labelCount = (int) n;
        index = r.u32L();
    }

    private void readMemarg() {
        int at = r.pos();
        long flags = r.u32L();
        if (flags >= 128) {
            throw r.errorAt("malformed memop flags", at);
        }
        if ((flags & 0x40) != 0) {
            align = (int) (flags & ~0x40);
            memory = r.u32();
        } else {
            align = (int) flags;
            memory = 0;
        }
        offset = r.u64();
    }

    private void readSelectTypes() {
        long n = r.u32L();
        if (n > r.remaining()) {
            throw r.error("unexpected end of section or function");
        }
        if (selectTypes.length != n) {
            selectTypes = new ValType[(int) n]; // reused while the arity stays the same (almost always 1)
        }
        for (int i = 0; i < n; i++) {
            selectTypes[i] = BinaryTypes.valType(r);
        }
    }

    private void readTryTable() {
        readBlockType();
        long blockIndex = index;
        long n = r.u32L();
        if (n > r.remaining()) {
            throw r.error("unexpected end of section or function");
        }
        if (catchKinds.length < n) {
            int cap = (int) Math.max(n, catchKinds.length * 2L);
            catchKinds = Arrays.copyOf(catchKinds, cap);
            catchTags = Arrays.copyOf(catchTags, cap);
            catchLabels = Arrays.copyOf(catchLabels, cap);
        }
        for (int i = 0; i < n; i++) {
            int at = r.pos();
            int kind = r.u8();
            if (kind > CATCH_ALL_REF) {
                throw r.errorAt("malformed catch clause", at);
            }
            catchKinds[i] = kind;
            catchTags[i] = kind == CATCH || kind == CATCH_REF ? r.u32L() : -1;
            catchLabels[i] = r.u32L();
        }
        catchCount = (int) n;
        index = blockIndex;
    }

    /**
     * The first index immediate: label, function, type, local, global, table, tag, memory, data or
     * element index, the default label of br_table, or the type index of a block type (-1 if the
     * block type is not an index).
     */
    public long index() {
        return index;
    }

    /**
     * The second index immediate: table of call_indirect, field of struct ops, data or element of
     * array ops, source type of array.copy, length of array.new_fixed, memory of memory.init, table
     * of table.init, source of memory.copy / table.copy.
     */
    public long index2() {
        return index2;
    }

    /** Alignment exponent of a memory argument. */
    public int align() {
        return align;
    }

    /** Memory index of a memory argument. */
    public int memory() {
        return memory;
    }

    /** Offset of a memory argument (u64; the validator bounds it for 32-bit memories). */
    public long offset() {
        return offset;
    }

    /** Lane index of lane and memarg-lane instructions. */
    public int lane() {
        return lane;
    }

    /** i32.const value (sign-extended), i64.const value, or the raw bits of f32/f64 constants. */
    public long value() {
        return value;
    }

    /** The 16 bytes of v128.const or the lane indices of i8x16.shuffle; reused between calls. */
    public byte[] v128() {
        return v128;
    }

    /** The value type of a single-result block type, or null. */
    public ValType blockValType() {
        return blockValType;
    }

    /** br_table targets (without the default, which is {@link #index()}); reused between calls. */
    public int[] labels() {
        return labels;
    }

    public int labelCount() {
        return labelCount;
    }

    /** Types of {@code select t*}; reused between calls, so copy it to keep it. */
    public ValType[] selectTypes() {
        return selectTypes;
    }

    /** Heap type of ref.null, ref.test, ref.cast; source heap type of br_on_cast. */
    public HeapType heapType() {
        return heapType;
    }

    /** Target heap type of br_on_cast. */
    public HeapType heapType2() {
        return heapType2;
    }

    /** br_on_cast flags: bit 0 source nullable, bit 1 target nullable. */
    public int castFlags() {
        return castFlags;
    }

    public int catchCount() {
        return catchCount;
    }

    /** Kind of catch clause {@code i}: {@link #CATCH}, {@link #CATCH_REF}, {@link #CATCH_ALL}, {@link #CATCH_ALL_REF}. */
    public int catchKind(int i) {
        return catchKinds[i];
    }

    /** Tag index of catch clause {@code i}, or -1 for catch_all clauses. */
    public long catchTag(int i) {
        return catchTags[i];
    }

    public long catchLabel(int i) {
        return catchLabels[i];
    }
}
