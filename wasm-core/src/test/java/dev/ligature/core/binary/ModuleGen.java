package dev.ligature.core.binary;

import dev.ligature.core.ast.CustomSection;
import dev.ligature.core.ast.DataSegment;
import dev.ligature.core.ast.ElementSegment;
import dev.ligature.core.ast.Export;
import dev.ligature.core.ast.Expr;
import dev.ligature.core.ast.Func;
import dev.ligature.core.ast.Global;
import dev.ligature.core.ast.Import;
import dev.ligature.core.ast.Module;
import dev.ligature.core.ast.SegmentMode;
import dev.ligature.core.ast.Table;
import dev.ligature.core.instr.Imm;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.ArrayType;
import dev.ligature.core.types.CompType;
import dev.ligature.core.types.ExternKind;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.FieldType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.HeapType;
import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.PackedType;
import dev.ligature.core.types.RecType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.StorageType;
import dev.ligature.core.types.StructType;
import dev.ligature.core.types.SubType;
import dev.ligature.core.types.TableType;
import dev.ligature.core.types.TagType;
import dev.ligature.core.types.TypeIndex;
import dev.ligature.core.types.ValType;
import dev.ligature.core.types.VecType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Builds random modules that the decoder could have produced: every section kind, GC type forms,
 * imports of every kind, structurally well-formed bodies of arbitrary instructions (every opcode of
 * the table, immediates of every shape, nested blocks including legacy try), all segment modes, and
 * custom sections at the positions the encoder can reproduce.
 */
final class ModuleGen {
    private static final Opcode[] SIMPLE = java.util.Arrays.stream(Opcode.values())
            .filter(o -> switch (o) {
                case BLOCK, LOOP, IF, ELSE, END, TRY, CATCH, CATCH_ALL, DELEGATE, TRY_TABLE -> false;
                default -> true;
            })
            .toArray(Opcode[]::new);

    private final Random rnd;
    private boolean usesData;

    private ModuleGen(long seed) {
        this.rnd = new Random(seed);
    }

    static Module module(long seed) {
        return new ModuleGen(seed).module();
    }

    private int upTo(int n) {
        return rnd.nextInt(n + 1);
    }

    private int index() {
        return rnd.nextInt(4) == 0 ? rnd.nextInt(Integer.MAX_VALUE) : rnd.nextInt(40);
    }

    private <T> T pick(T[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private Module module() {
        List<RecType> types = list(4, this::recType);
        List<Import> imports = list(6, this::importEntry);
        List<Func> functions = list(5, this::func);
        List<Table> tables = list(3, this::table);
        List<MemoryType> memories = list(2, this::memoryType);
        List<TagType> tags = list(2, () -> new TagType(index()));
        List<Global> globals = list(3, () -> new Global(new GlobalType(valType(), rnd.nextBoolean()), constExpr()));
        List<Export> exports = list(4, () -> new Export(name(), pick(ExternKind.values()), index()));
        int start = rnd.nextInt(3) == 0 ? index() : -1;
        List<ElementSegment> elements = list(5, this::element);
        List<DataSegment> data = list(3, this::data);
        int dataCount = usesData || rnd.nextBoolean() ? data.size() : -1;

        List<Integer> anchors = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 13, 6, 7, 9, 10, 11));
        if (start >= 0) {
            anchors.add(8);
        }
        if (dataCount >= 0) {
            anchors.add(12);
        }
        List<CustomSection> customs = list(4, () -> {
            byte[] payload = new byte[upTo(12)];
            rnd.nextBytes(payload);
            return new CustomSection(name(), payload, anchors.get(rnd.nextInt(anchors.size())));
        });
        List<CustomSection> placed = new ArrayList<>(customs);
        placed.sort(Comparator.comparingInt(c -> position(c.after())));
        return new Module(types, imports, functions, tables, memories, tags, globals, exports, start, elements,
                dataCount, data, placed);
    }

    /** Where a custom section after section {@code id} sits in the binary (0 before all sections). */
    private static int position(int id) {
        for (int i = 0; i < ModuleDecoder.SECTION_ORDER.length; i++) {
            if (ModuleDecoder.SECTION_ORDER[i] == id) {
                return i + 1;
            }
        }
        return 0;
    }

    private <T> List<T> list(int max, java.util.function.Supplier<T> gen) {
        int n = upTo(max);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(gen.get());
        }
        return out;
    }

    private String name() {
        String[] pieces = {"", "a", "main", "\u00e9t\u00e9", "\u4e2d", "\ud83d\ude00", "env", "x_y", " "};
        return pick(pieces) + pick(pieces);
    }

    // ---- types ----

    private RecType recType() {
        return rnd.nextInt(3) == 0 ? new RecType(list(3, this::subType)) : RecType.of(subType());
    }

    private SubType subType() {
        if (rnd.nextBoolean()) {
            return SubType.of(compType());
        }
        return new SubType(rnd.nextBoolean(), list(2, this::index), compType());
    }

    private CompType compType() {
        return switch (rnd.nextInt(3)) {
            case 0 -> new FuncType(list(3, this::valType), list(3, this::valType));
            case 1 -> new StructType(list(4, this::fieldType));
            default -> new ArrayType(fieldType());
        };
    }

    private FieldType fieldType() {
        StorageType s = switch (rnd.nextInt(4)) {
            case 0 -> PackedType.I8;
            case 1 -> PackedType.I16;
            default -> valType();
        };
        return new FieldType(s, rnd.nextBoolean());
    }

    private ValType valType() {
        return switch (rnd.nextInt(7)) {
            case 0 -> NumType.I32;
            case 1 -> NumType.I64;
            case 2 -> NumType.F32;
            case 3 -> NumType.F64;
            case 4 -> VecType.V128;
            default -> refType();
        };
    }

    private RefType refType() {
        return new RefType(rnd.nextBoolean(), heapType());
    }

    private HeapType heapType() {
        return rnd.nextInt(3) == 0 ? new TypeIndex(index()) : pick(AbsHeapType.values());
    }

    private Limits limits() {
        long min = rnd.nextInt(4) == 0 ? rnd.nextLong() : rnd.nextInt(100);
        long max = rnd.nextBoolean() ? Limits.NO_MAX : rnd.nextInt(4) == 0 ? rnd.nextLong(Long.MAX_VALUE) : upTo(1000);
        return new Limits(min, max);
    }

    private TableType tableType() {
        return new TableType(refType(), limits(), rnd.nextBoolean());
    }

    private MemoryType memoryType() {
        return new MemoryType(limits(), rnd.nextBoolean(), rnd.nextBoolean());
    }

    private Import importEntry() {
        ExternType t = switch (rnd.nextInt(5)) {
            case 0 -> new ExternType.Func(index());
            case 1 -> tableType();
            case 2 -> memoryType();
            case 3 -> new GlobalType(valType(), rnd.nextBoolean());
            default -> new TagType(index());
        };
        return new Import(name(), name(), t);
    }

    // ---- definitions ----

    private Func func() {
        List<Func.Locals> locals = list(3, () -> new Func.Locals(upTo(5), valType()));
        WasmWriter w = new WasmWriter();
        instrs(w, 0);
        return new Func(index(), locals, Expr.wrap(w.u8(0x0B).toByteArray()));
    }

    private Table table() {
        return new Table(tableType(), rnd.nextBoolean() ? null : constExpr());
    }

    private Expr constExpr() {
        WasmWriter w = new WasmWriter();
        switch (rnd.nextInt(6)) {
            case 0 -> w.opcode(Opcode.I32_CONST).s64(rnd.nextInt());
            case 1 -> w.opcode(Opcode.I64_CONST).s64(rnd.nextLong());
            case 2 -> w.opcode(Opcode.F64_CONST).f64Bits(rnd.nextLong());
            case 3 -> BinaryTypes.writeHeapType(w.opcode(Opcode.REF_NULL), heapType());
            case 4 -> w.opcode(Opcode.GLOBAL_GET).u32(index());
            default -> w.opcode(Opcode.I32_CONST).s64(upTo(9)).opcode(Opcode.I32_CONST).s64(1).opcode(Opcode.I32_ADD);
        }
        return Expr.wrap(w.u8(0x0B).toByteArray());
    }

    private Expr refFunc() {
        return Expr.wrap(new WasmWriter().opcode(Opcode.REF_FUNC).u32(index()).u8(0x0B).toByteArray());
    }

    private ElementSegment element() {
        SegmentMode mode = pick(SegmentMode.values());
        boolean active = mode == SegmentMode.ACTIVE;
        int table = active && rnd.nextBoolean() ? index() : 0;
        RefType type = switch (rnd.nextInt(3)) {
            case 0 -> SectionReader.REF_FUNC;
            case 1 -> RefType.FUNCREF;
            default -> refType();
        };
        List<Expr> init = list(4, () -> rnd.nextInt(3) == 0 ? constExpr() : refFunc());
        return new ElementSegment(mode, table, active ? constExpr() : null, type, init);
    }

    private DataSegment data() {
        byte[] bytes = new byte[upTo(20)];
        rnd.nextBytes(bytes);
        if (rnd.nextInt(3) == 0) {
            return new DataSegment(SegmentMode.PASSIVE, 0, null, bytes);
        }
        return new DataSegment(SegmentMode.ACTIVE, rnd.nextBoolean() ? 0 : index(), constExpr(), bytes);
    }

    // ---- code ----

    private void instrs(WasmWriter w, int depth) {
        int n = upTo(depth == 0 ? 12 : 4);
        for (int i = 0; i < n; i++) {
            if (depth < 4 && rnd.nextInt(5) == 0) {
                structured(w, depth);
            } else {
                simple(w, pick(SIMPLE));
            }
        }
    }

    private void structured(WasmWriter w, int depth) {
        switch (rnd.nextInt(5)) {
            case 0 -> {
                blockType(w.opcode(rnd.nextBoolean() ? Opcode.BLOCK : Opcode.LOOP));
                instrs(w, depth + 1);
            }
            case 1 -> {
                blockType(w.opcode(Opcode.IF));
                instrs(w, depth + 1);
                if (rnd.nextBoolean()) {
                    w.opcode(Opcode.ELSE);
                    instrs(w, depth + 1);
                }
            }
            case 2 -> {
                blockType(w.opcode(Opcode.TRY_TABLE));
                int catches = upTo(3);
                w.u32(catches);
                for (int i = 0; i < catches; i++) {
                    int kind = rnd.nextInt(4);
                    w.u8(kind);
                    if (kind < 2) {
                        w.u32(index());
                    }
                    w.u32(upTo(depth));
                }
                instrs(w, depth + 1);
            }
            default -> {
                blockType(w.opcode(Opcode.TRY));
                instrs(w, depth + 1);
                if (rnd.nextInt(4) == 0) {
                    w.opcode(Opcode.DELEGATE).u32(upTo(depth));
                    return; // delegate closes the try
                }
                for (int i = upTo(2); i > 0; i--) {
                    w.opcode(Opcode.CATCH).u32(index());
                    instrs(w, depth + 1);
                }
                if (rnd.nextBoolean()) {
                    w.opcode(Opcode.CATCH_ALL);
                    instrs(w, depth + 1);
                }
            }
        }
        w.opcode(Opcode.END);
    }

    private void blockType(WasmWriter w) {
        switch (rnd.nextInt(3)) {
            case 0 -> w.u8(0x40);
            case 1 -> BinaryTypes.writeValType(w, valType());
            default -> w.s64(index());
        }
    }

    /** An instruction with immediates of its shape; the values are arbitrary (no validation here). */
    private void simple(WasmWriter w, Opcode op) {
        w.opcode(op);
        switch (op) {
            case MEMORY_INIT, DATA_DROP, ARRAY_NEW_DATA, ARRAY_INIT_DATA -> usesData = true;
            default -> { }
        }
        Imm imm = op.imm();
        switch (imm) {
            case NONE -> { }
            case LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, TAG, DATA, ELEM, MEMORY -> w.u32(index());
            case LABEL_TABLE -> {
                int n = upTo(4);
                w.u32(n);
                for (int i = 0; i <= n; i++) {
                    w.u32(upTo(5));
                }
            }
            case CALL_INDIRECT, TYPE_FIELD, TYPE_DATA, TYPE_ELEM, TYPE_TYPE, TYPE_LEN, MEMORY_INIT, MEMORY_COPY,
                 TABLE_INIT, TABLE_COPY -> w.u32(index()).u32(index());
            case MEMARG -> memarg(w);
            case MEMARG_LANE -> memarg(w).u8(upTo(15));
            case I32 -> w.s64(rnd.nextInt());
            case I64 -> w.s64(rnd.nextLong());
            case F32 -> w.f32Bits(rnd.nextInt());
            case F64 -> w.f64Bits(rnd.nextLong());
            case V128, SHUFFLE -> {
                byte[] b = new byte[16];
                rnd.nextBytes(b);
                w.bytes(b);
            }
            case LANE -> w.u8(upTo(15));
            case SELECT_TYPES -> {
                int n = upTo(2);
                w.u32(n);
                for (int i = 0; i < n; i++) {
                    BinaryTypes.writeValType(w, valType());
                }
            }
            case HEAP_TYPE -> BinaryTypes.writeHeapType(w, heapType());
            case BR_ON_CAST -> {
                w.u8(rnd.nextInt(4)).u32(upTo(3));
                BinaryTypes.writeHeapType(w, heapType());
                BinaryTypes.writeHeapType(w, heapType());
            }
            case BLOCK_TYPE, TRY_TABLE -> throw new AssertionError("structured instruction " + op);
        }
    }

    private WasmWriter memarg(WasmWriter w) {
        int align = upTo(6);
        if (rnd.nextBoolean()) {
            w.u32(align | 0x40).u32(index());
        } else {
            w.u32(align);
        }
        return w.u64(rnd.nextInt(3) == 0 ? rnd.nextLong() : upTo(100));
    }
}
