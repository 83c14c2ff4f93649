package dev.ligature.core.binary;

import dev.ligature.core.ast.DataSegment;
import dev.ligature.core.ast.ElementSegment;
import dev.ligature.core.ast.Export;
import dev.ligature.core.ast.Expr;
import dev.ligature.core.ast.Func;
import dev.ligature.core.ast.Global;
import dev.ligature.core.ast.Import;
import dev.ligature.core.ast.SegmentMode;
import dev.ligature.core.ast.Table;
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.ArrayType;
import dev.ligature.core.types.CompType;
import dev.ligature.core.types.ExternKind;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.FieldType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.PackedType;
import dev.ligature.core.types.RecType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.StorageType;
import dev.ligature.core.types.StructType;
import dev.ligature.core.types.SubType;
import dev.ligature.core.types.TableType;
import dev.ligature.core.types.TagType;
import dev.ligature.core.types.ValType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Readers for the entries of each known section. Like the reference interpreter, a section's
 * contents are read against the end of the whole input, not the section's declared end; the caller
 * compares the two afterwards ("section size mismatch"). That is what makes the suite's phrases
 * come out right when a count or a body disagrees with its size.
 */
final class SectionReader {
    /** Initial capacity cap for lists whose declared length is not yet backed by read entries. */
    private static final int MAX_PRESIZE = 1024;
    /** (ref func): the element type of the segment encodings that list function indices. */
    static final RefType REF_FUNC = BinaryTypes.refType(false, AbsHeapType.FUNC);

    private final WasmReader r;
    private final CodeWalker walker;

    SectionReader(WasmReader r) {
        this.r = r;
        this.walker = new CodeWalker(r);
    }

    boolean usesDataIndex() {
        return walker.usesDataIndex();
    }

    // ---- primitives ----

    /** A length or count: a u32 that cannot exceed what is left of the input (counted, as the reference does, from its own first byte). */
    long len32() {
        int at = r.pos();
        long n = r.u32L();
        if (n > r.limit() - at) {
            throw r.errorAt("length out of bounds", at);
        }
        return n;
    }

    /**
     * An index. Indices past 2^31-1 cannot name anything in a module that fits in memory; they are
     * kept as {@link Integer#MAX_VALUE} so that validation reports them as unknown rather than
     * seeing a negative int.
     */
    int index() {
        long v = r.u32L();
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    static <T> List<T> listFor(long n) {
        return new ArrayList<>((int) Math.min(n, MAX_PRESIZE));
    }

    String name() {
        int at = r.pos();
        int n = (int) len32();
        int start = r.pos();
        r.skip(n);
        return utf8(r.array(), start, n, r, at);
    }

    /** Strict UTF-8 (no overlongs, surrogates or values past U+10FFFF), with an ASCII fast path. */
    static String utf8(byte[] b, int start, int n, WasmReader r, int at) {
        boolean ascii = true;
        for (int i = start; i < start + n; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, start, n, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, start, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw r.errorAt("malformed UTF-8 encoding", at);
        }
    }

    byte[] byteVector() {
        return r.bytes(len32());
    }

    /** A constant expression or any instruction sequence through its final end, kept as bytes. */
    Expr expr() {
        int start = r.pos();
        walker.walk(false);
        return Expr.wrap(Arrays.copyOfRange(r.array(), start, r.pos()));
    }

    private boolean mutability() {
        int at = r.pos();
        int b = r.u8();
        if (b > 1) {
            throw r.errorAt("malformed mutability", at);
        }
        return b == 1;
    }

    /** Limits flags: bit 0 has maximum, bit 1 shared (memories only), bit 2 64-bit addresses. */
    private int limitsFlags(boolean memory) {
        int at = r.pos();
        int flags = r.u8();
        if ((flags & ~(memory ? 0x07 : 0x05)) != 0) {
            throw r.errorAt("malformed limits flags", at);
        }
        return flags;
    }

    private Limits limits(int flags) {
        long min = r.u64();
        long max = (flags & 1) != 0 ? r.u64() : Limits.NO_MAX;
        return new Limits(min, max);
    }

    TableType tableType() {
        RefType element = BinaryTypes.refType(r);
        int flags = limitsFlags(false);
        return new TableType(element, limits(flags), (flags & 4) != 0);
    }

    MemoryType memoryType() {
        int flags = limitsFlags(true);
        return new MemoryType(limits(flags), (flags & 2) != 0, (flags & 4) != 0);
    }

    GlobalType globalType() {
        ValType t = BinaryTypes.valType(r);
        return new GlobalType(t, mutability());
    }

    TagType tagType() {
        int at = r.pos();
        if (r.u8() != 0) {
            throw r.errorAt("zero byte expected", at);
        }
        return new TagType(index());
    }

    // ---- type section ----

    List<RecType> types() {
        long n = len32();
        List<RecType> out = listFor(n);
        for (long i = 0; i < n; i++) {
            if (r.peek() == RecType.CODE) {
                r.u8();
                long m = len32();
                List<SubType> members = listFor(m);
                for (long j = 0; j < m; j++) {
                    members.add(subType());
                }
                out.add(new RecType(members));
            } else {
                out.add(RecType.of(subType()));
            }
        }
        return out;
    }

    private SubType subType() {
        int b = r.peek();
        if (b == SubType.CODE_SUB || b == SubType.CODE_SUB_FINAL) {
            r.u8();
            long n = len32();
            List<Integer> supers = listFor(n);
            for (long i = 0; i < n; i++) {
                supers.add(index());
            }
            return new SubType(b == SubType.CODE_SUB_FINAL, supers, compType());
        }
        return SubType.of(compType());
    }

    private CompType compType() {
        int at = r.pos();
        int b = r.u8();
        switch (b) {
            case FuncType.CODE -> {
                List<ValType> params = valTypes();
                return new FuncType(params, valTypes());
            }
            case StructType.CODE -> {
                long n = len32();
                List<FieldType> fields = listFor(n);
                for (long i = 0; i < n; i++) {
                    fields.add(fieldType());
                }
                return new StructType(fields);
            }
            case ArrayType.CODE -> {
                return new ArrayType(fieldType());
            }
            default -> throw (b & 0x80) != 0
                    // The form is a one-byte signed LEB128 (s7): a continuation bit makes it too long.
                    ? r.errorAt("integer representation too long", at + 1)
                    : r.errorAt("malformed definition type", at);
        }
    }

    private List<ValType> valTypes() {
        long n = len32();
        List<ValType> out = listFor(n);
        for (long i = 0; i < n; i++) {
            out.add(BinaryTypes.valType(r));
        }
        return out;
    }

    private FieldType fieldType() {
        int b = r.peek();
        StorageType storage;
        if (b == PackedType.I8.code()) {
            r.u8();
            storage = PackedType.I8;
        } else if (b == PackedType.I16.code()) {
            r.u8();
            storage = PackedType.I16;
        } else if (b >= 0 && BinaryTypes.startsValType(b)) {
            storage = BinaryTypes.valType(r);
        } else {
            int at = r.pos();
            r.u8(); // reports the end of input when there is no byte at all
            throw r.errorAt("malformed storage type", at);
        }
        return new FieldType(storage, mutability());
    }

    // ---- imports, functions, tables, memories, tags, globals, exports ----

    List<Import> imports() {
        long n = len32();
        List<Import> out = listFor(n);
        for (long i = 0; i < n; i++) {
            String module = name();
            String field = name();
            int at = r.pos();
            int kind = r.u8();
            ExternType type = switch (kind) {
                case 0x00 -> new ExternType.Func(index());
                case 0x01 -> tableType();
                case 0x02 -> memoryType();
                case 0x03 -> globalType();
                case 0x04 -> tagType();
                default -> throw r.errorAt("malformed import kind", at);
            };
            out.add(new Import(module, field, type));
        }
        return out;
    }

    int[] functionTypes() {
        long n = len32();
        int[] out = new int[(int) Math.min(n, MAX_PRESIZE)];
        for (int i = 0; i < n; i++) {
            if (i == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(n, out.length * 2L));
            }
            out[i] = index();
        }
        return out;
    }

    List<Table> tables() {
        long n = len32();
        List<Table> out = listFor(n);
        for (long i = 0; i < n; i++) {
            if (r.peek() == 0x40) {
                int at = r.pos();
                r.u8();
                if (r.u8() != 0) {
                    // The reference falls back to reading a plain table type, which 0x40 cannot start.
                    throw r.errorAt("malformed reference type", at);
                }
                TableType type = tableType();
                out.add(new Table(type, expr()));
            } else {
                out.add(new Table(tableType(), null));
            }
        }
        return out;
    }

    List<MemoryType> memories() {
        long n = len32();
        List<MemoryType> out = listFor(n);
        for (long i = 0; i < n; i++) {
            out.add(memoryType());
        }
        return out;
    }

    List<TagType> tags() {
        long n = len32();
        List<TagType> out = listFor(n);
        for (long i = 0; i < n; i++) {
            out.add(tagType());
        }
        return out;
    }

    List<Global> globals() {
        long n = len32();
        List<Global> out = listFor(n);
        for (long i = 0; i < n; i++) {
            GlobalType type = globalType();
            out.add(new Global(type, expr()));
        }
        return out;
    }

    List<Export> exports() {
        long n = len32();
        List<Export> out = listFor(n);
        for (long i = 0; i < n; i++) {
            String name = name();
            int at = r.pos();
            ExternKind kind = ExternKind.fromCode(r.u8());
            if (kind == null) {
                throw r.errorAt("malformed export kind", at);
            }
            out.add(new Export(name, kind, index()));
        }
        return out;
    }

    // ---- element and data segments ----

    List<ElementSegment> elements() {
        long n = len32();
        List<ElementSegment> out = listFor(n);
        for (long i = 0; i < n; i++) {
            out.add(element());
        }
        return out;
    }

    /**
     * The eight encodings: bit 0 passive or declarative (bit 1 picks declarative), else active with
     * an explicit table when bit 1 is set; bit 2 means expressions instead of function indices.
     */
    private ElementSegment element() {
        int at = r.pos();
        long flags = r.u32L();
        if (flags > 7) {
            throw r.errorAt("malformed elements segment kind", at);
        }
        boolean passiveOrDeclarative = (flags & 1) != 0;
        boolean explicit = (flags & 2) != 0;
        boolean exprs = (flags & 4) != 0;
        SegmentMode mode = !passiveOrDeclarative ? SegmentMode.ACTIVE
                : explicit ? SegmentMode.DECLARATIVE : SegmentMode.PASSIVE;
        int table = 0;
        Expr offset = null;
        if (mode == SegmentMode.ACTIVE) {
            table = explicit ? index() : 0;
            offset = expr();
        }
        RefType type;
        if (flags == 0) {
            type = REF_FUNC;
        } else if (flags == 4) {
            type = RefType.FUNCREF;
        } else if (exprs) {
            type = BinaryTypes.refType(r);
        } else {
            int kindAt = r.pos();
            if (r.u8() != 0x00) {
                throw r.errorAt("malformed element kind", kindAt);
            }
            type = REF_FUNC;
        }
        long count = len32();
        List<Expr> init = listFor(count);
        for (long i = 0; i < count; i++) {
            init.add(exprs ? expr() : refFunc(r.u32L()));
        }
        return new ElementSegment(mode, table, offset, type, init);
    }

    /** {@code ref.func x; end}, the expression a function index in an element list stands for. */
    static Expr refFunc(long funcIndex) {
        return Expr.wrap(new WasmWriter(8).u8(0xD2).u32(funcIndex).u8(0x0B).toByteArray());
    }

    List<DataSegment> data() {
        long n = len32();
        List<DataSegment> out = listFor(n);
        for (long i = 0; i < n; i++) {
            int at = r.pos();
            long flags = r.u32L();
            if (flags == 0) {
                Expr offset = expr();
                out.add(new DataSegment(SegmentMode.ACTIVE, 0, offset, byteVector()));
            } else if (flags == 1) {
                out.add(new DataSegment(SegmentMode.PASSIVE, 0, null, byteVector()));
            } else if (flags == 2) {
                int memory = index();
                Expr offset = expr();
                out.add(new DataSegment(SegmentMode.ACTIVE, memory, offset, byteVector()));
            } else {
                throw r.errorAt("malformed data segment kind", at);
            }
        }
        return out;
    }

    // ---- code ----

    /** The code section: each body sized, its locals, and its instructions walked through the final end. */
    List<Func> code(int[] typeIndices, int functionCount) {
        long n = len32();
        List<Func> out = listFor(n);
        for (long i = 0; i < n; i++) {
            long size = len32();
            int start = r.pos();
            List<Func.Locals> locals = locals();
            int bodyStart = r.pos();
            walker.walk(true);
            if (r.pos() != start + size) {
                throw r.errorAt("section size mismatch", start);
            }
            // The type comes from the function section; a count mismatch is reported after all sections.
            int type = i < functionCount ? typeIndices[(int) i] : 0;
            out.add(new Func(type, locals, Expr.wrap(Arrays.copyOfRange(r.array(), bodyStart, r.pos()))));
        }
        return out;
    }

    private List<Func.Locals> locals() {
        int at = r.pos();
        long n = len32();
        List<Func.Locals> out = listFor(n);
        long total = 0;
        for (long i = 0; i < n; i++) {
            long count = r.u32L();
            total += count;
            out.add(new Func.Locals(count, BinaryTypes.valType(r)));
        }
        if (total >= 1L << 32) {
            throw r.errorAt("too many locals", at);
        }
        return out;
    }
}
