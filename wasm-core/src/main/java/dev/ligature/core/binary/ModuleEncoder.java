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
import dev.ligature.core.types.ArrayType;
import dev.ligature.core.types.CompType;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.FieldType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.PackedType;
import dev.ligature.core.types.RecType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.StructType;
import dev.ligature.core.types.SubType;
import dev.ligature.core.types.TableType;
import dev.ligature.core.types.TagType;
import dev.ligature.core.types.ValType;
import java.util.List;
import java.util.Objects;

/**
 * Encodes a {@link Module} in the binary format, the exact inverse of {@link ModuleDecoder}:
 * {@code decode(encode(m)).equals(m)} for every module the decoder can produce.
 *
 * <p>Sections come in their required order, and only when they have content, with two exceptions
 * that keep custom sections where they were: a custom section whose {@code after} names an empty
 * vector section makes that section appear (with no entries) so it can follow it. Custom sections
 * are written grouped by position (sections with {@code after == 0} first), in list order within a
 * position. Element segments use the compact function-index encodings whenever they apply.
 */
public final class ModuleEncoder {
    private ModuleEncoder() {}

    public static byte[] encode(Module module) {
        Objects.requireNonNull(module, "module");
        for (CustomSection c : module.customs()) {
            if (c.after() < 0 || c.after() > Module.SEC_TAG) {
                throw new IllegalArgumentException("custom section placed after unknown section " + c.after());
            }
        }
        WasmWriter out = new WasmWriter(1024);
        out.f32Bits(ModuleDecoder.MAGIC).f32Bits(ModuleDecoder.VERSION);
        customs(out, module, 0);
        WasmWriter body = new WasmWriter(1024);
        for (int id : ModuleDecoder.SECTION_ORDER) {
            body.reset();
            if (section(body, module, id, anchorsCustom(module, id))) {
                out.u8(id).sized(body);
            }
            customs(out, module, id);
        }
        return out.toByteArray();
    }

    private static boolean anchorsCustom(Module m, int id) {
        for (CustomSection c : m.customs()) {
            if (c.after() == id) {
                return true;
            }
        }
        return false;
    }

    private static void customs(WasmWriter out, Module m, int after) {
        for (CustomSection c : m.customs()) {
            if (c.after() == after) {
                WasmWriter w = new WasmWriter(c.data().length + 16);
                w.name(c.name()).bytes(c.data());
                out.u8(Module.SEC_CUSTOM).sized(w);
            }
        }
    }

    /** Writes section {@code id}'s contents into {@code w}; returns whether the section is to be emitted. */
    private static boolean section(WasmWriter w, Module m, int id, boolean forced) {
        switch (id) {
            case Module.SEC_TYPE -> {
                w.u32(m.types().size());
                m.types().forEach(t -> recType(w, t));
                return forced || !m.types().isEmpty();
            }
            case Module.SEC_IMPORT -> {
                w.u32(m.imports().size());
                m.imports().forEach(i -> importEntry(w, i));
                return forced || !m.imports().isEmpty();
            }
            case Module.SEC_FUNCTION -> {
                w.u32(m.functions().size());
                m.functions().forEach(f -> w.u32(f.typeIndex()));
                return forced || !m.functions().isEmpty();
            }
            case Module.SEC_TABLE -> {
                w.u32(m.tables().size());
                m.tables().forEach(t -> table(w, t));
                return forced || !m.tables().isEmpty();
            }
            case Module.SEC_MEMORY -> {
                w.u32(m.memories().size());
                m.memories().forEach(t -> memoryType(w, t));
                return forced || !m.memories().isEmpty();
            }
            case Module.SEC_TAG -> {
                w.u32(m.tags().size());
                m.tags().forEach(t -> tagType(w, t));
                return forced || !m.tags().isEmpty();
            }
            case Module.SEC_GLOBAL -> {
                w.u32(m.globals().size());
                m.globals().forEach(g -> global(w, g));
                return forced || !m.globals().isEmpty();
            }
            case Module.SEC_EXPORT -> {
                w.u32(m.exports().size());
                m.exports().forEach(e -> export(w, e));
                return forced || !m.exports().isEmpty();
            }
            case Module.SEC_START -> {
                w.u32(m.start());
                return m.start() >= 0;
            }
            case Module.SEC_ELEMENT -> {
                w.u32(m.elements().size());
                m.elements().forEach(e -> element(w, e));
                return forced || !m.elements().isEmpty();
            }
            case Module.SEC_DATA_COUNT -> {
                w.u32(m.dataCount());
                return m.dataCount() >= 0;
            }
            case Module.SEC_CODE -> {
                w.u32(m.functions().size());
                WasmWriter f = new WasmWriter(256);
                for (Func func : m.functions()) {
                    f.reset();
                    code(f, func);
                    w.sized(f);
                }
                return forced || !m.functions().isEmpty();
            }
            case Module.SEC_DATA -> {
                w.u32(m.data().size());
                m.data().forEach(d -> data(w, d));
                return forced || !m.data().isEmpty();
            }
            default -> throw new AssertionError(id);
        }
    }

    // ---- types ----

    private static void recType(WasmWriter w, RecType t) {
        if (t.members().size() != 1) {
            w.u8(RecType.CODE).u32(t.members().size());
        }
        t.members().forEach(s -> subType(w, s));
    }

    private static void subType(WasmWriter w, SubType s) {
        if (!s.isFinal() || !s.supertypes().isEmpty()) {
            w.u8(s.isFinal() ? SubType.CODE_SUB_FINAL : SubType.CODE_SUB).u32(s.supertypes().size());
            s.supertypes().forEach(w::u32);
        }
        compType(w, s.comp());
    }

    private static void compType(WasmWriter w, CompType c) {
        switch (c) {
            case FuncType f -> {
                w.u8(FuncType.CODE);
                valTypes(w, f.params());
                valTypes(w, f.results());
            }
            case StructType s -> {
                w.u8(StructType.CODE).u32(s.fields().size());
                s.fields().forEach(f -> fieldType(w, f));
            }
            case ArrayType a -> fieldType(w.u8(ArrayType.CODE), a.element());
        }
    }

    private static void valTypes(WasmWriter w, List<ValType> types) {
        w.u32(types.size());
        types.forEach(t -> BinaryTypes.writeValType(w, t));
    }

    private static void fieldType(WasmWriter w, FieldType f) {
        switch (f.storage()) {
            case PackedType p -> w.u8(p.code());
            case ValType v -> BinaryTypes.writeValType(w, v);
        }
        w.u8(f.mutable() ? 1 : 0);
    }

    private static void limits(WasmWriter w, Limits l, boolean shared, boolean is64) {
        w.u8((l.hasMax() ? 1 : 0) | (shared ? 2 : 0) | (is64 ? 4 : 0));
        w.u64(l.min());
        if (l.hasMax()) {
            w.u64(l.max());
        }
    }

    private static void tableType(WasmWriter w, TableType t) {
        BinaryTypes.writeRefType(w, t.element());
        limits(w, t.limits(), false, t.is64());
    }

    private static void memoryType(WasmWriter w, MemoryType t) {
        limits(w, t.limits(), t.shared(), t.is64());
    }

    private static void globalType(WasmWriter w, GlobalType t) {
        BinaryTypes.writeValType(w, t.type());
        w.u8(t.mutable() ? 1 : 0);
    }

    private static void tagType(WasmWriter w, TagType t) {
        w.u8(0).u32(t.typeIndex());
    }

    // ---- entries ----

    private static void importEntry(WasmWriter w, Import i) {
        w.name(i.module()).name(i.name()).u8(i.type().kind().code());
        switch (i.type()) {
            case ExternType.Func f -> w.u32(f.typeIndex());
            case TableType t -> tableType(w, t);
            case MemoryType t -> memoryType(w, t);
            case GlobalType t -> globalType(w, t);
            case TagType t -> tagType(w, t);
        }
    }

    private static void table(WasmWriter w, Table t) {
        if (t.init() != null) {
            w.u8(0x40).u8(0x00);
            tableType(w, t.type());
            w.bytes(t.init().bytes());
        } else {
            tableType(w, t.type());
        }
    }

    private static void global(WasmWriter w, Global g) {
        globalType(w, g.type());
        w.bytes(g.init().bytes());
    }

    private static void export(WasmWriter w, Export e) {
        w.name(e.name()).u8(e.kind().code()).u32(e.index());
    }

    private static void code(WasmWriter w, Func f) {
        w.u32(f.locals().size());
        for (Func.Locals l : f.locals()) {
            w.u32(l.count());
            BinaryTypes.writeValType(w, l.type());
        }
        w.bytes(f.body().bytes());
    }

    private static void data(WasmWriter w, DataSegment d) {
        if (d.mode() == SegmentMode.PASSIVE) {
            w.u8(1);
        } else if (d.memory() == 0) {
            w.u8(0).bytes(d.offset().bytes());
        } else {
            w.u8(2).u32(d.memory()).bytes(d.offset().bytes());
        }
        w.u32(d.init().length).bytes(d.init());
    }

    /**
     * Flag bits as the decoder reads them: 1 passive/declarative, 2 explicit table (active) or
     * declarative, 4 expressions. The index forms (0-3) stand for element type (ref func) with
     * {@code ref.func} elements; form 4 implies funcref.
     */
    private static void element(WasmWriter w, ElementSegment e) {
        boolean indices = e.type().equals(SectionReader.REF_FUNC) && allCanonicalRefFunc(e.init());
        boolean activeTable0 = e.mode() == SegmentMode.ACTIVE && e.table() == 0;
        int flags;
        if (indices) {
            flags = switch (e.mode()) {
                case ACTIVE -> activeTable0 ? 0 : 2;
                case PASSIVE -> 1;
                case DECLARATIVE -> 3;
            };
        } else {
            flags = switch (e.mode()) {
                case ACTIVE -> activeTable0 && e.type().equals(RefType.FUNCREF) ? 4 : 6;
                case PASSIVE -> 5;
                case DECLARATIVE -> 7;
            };
        }
        w.u8(flags);
        if (flags == 2 || flags == 6) {
            w.u32(e.table());
        }
        if (e.mode() == SegmentMode.ACTIVE) {
            w.bytes(e.offset().bytes());
        }
        if (flags == 1 || flags == 2 || flags == 3) {
            w.u8(0x00);
        } else if (flags >= 5) {
            BinaryTypes.writeRefType(w, e.type());
        }
        w.u32(e.init().size());
        for (Expr x : e.init()) {
            if (indices) {
                w.bytes(x.bytes(), 1, x.length() - 2);
            } else {
                w.bytes(x.bytes());
            }
        }
    }

    /** Whether every expression is exactly {@code ref.func x; end} with x in its shortest LEB128 form. */
    private static boolean allCanonicalRefFunc(List<Expr> init) {
        for (Expr x : init) {
            byte[] b = x.bytes();
            if (b.length < 3 || b.length > 7 || (b[0] & 0xFF) != 0xD2 || b[b.length - 1] != 0x0B) {
                return false;
            }
            // The LEB128 in between: continuation bits on all but its last byte, which must not be zero
            // unless it is the only one, and at most 32 bits.
            int n = b.length - 2;
            for (int i = 1; i < n; i++) {
                if ((b[i] & 0x80) == 0) {
                    return false;
                }
            }
            int last = b[n] & 0xFF;
            if ((last & 0x80) != 0 || (n > 1 && last == 0) || (n == 5 && last > 0x0F)) {
                return false;
            }
        }
        return true;
    }
}
