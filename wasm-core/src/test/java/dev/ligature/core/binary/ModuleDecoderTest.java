package dev.ligature.core.binary;

import static dev.ligature.core.binary.Hex.bytes;
import static dev.ligature.core.binary.Hex.module;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.ArrayType;
import dev.ligature.core.types.ExternKind;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.FieldType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.PackedType;
import dev.ligature.core.types.RecType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.StructType;
import dev.ligature.core.types.SubType;
import dev.ligature.core.types.TableType;
import dev.ligature.core.types.TagType;
import dev.ligature.core.types.TypeIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding of each section from hand-built bytes, checked against hand-built models. */
class ModuleDecoderTest {
    private static Expr expr(String hex) {
        return Expr.wrap(bytes(hex));
    }

    @Test
    void headerAloneIsTheEmptyModule() {
        assertEquals(Module.empty(), ModuleDecoder.decode(module()));
    }

    @Test
    void typeSectionWithFunctionTypesRecGroupsSubtypesAndGcTypes() {
        Module m = ModuleDecoder.decode(module("01 1c 03",
                "60 02 7f 7e 01 7d", // (func (param i32 i64) (result f32))
                "4e 02", // rec group of two
                "50 00 5f 02 78 01 63 00 00", // sub (struct (field (mut i8)) (field (ref null 0)))
                "4f 01 01 5e 77 00", // sub final 1 (array i16)
                "5e 64 70 01")); // (array (mut (ref func)))
        assertEquals(List.of(
                RecType.of(SubType.of(new FuncType(List.of(NumType.I32, NumType.I64), List.of(NumType.F32)))),
                new RecType(List.of(
                        new SubType(false, List.of(), new StructType(List.of(
                                new FieldType(PackedType.I8, true),
                                new FieldType(new RefType(true, new TypeIndex(0)), false)))),
                        new SubType(true, List.of(1), new ArrayType(new FieldType(PackedType.I16, false))))),
                RecType.of(SubType.of(new ArrayType(new FieldType(new RefType(false, AbsHeapType.FUNC), true))))),
                m.types());
    }

    @Test
    void importsOfEveryKind() {
        Module m = ModuleDecoder.decode(module("02 25 05",
                "01 6d 01 66 00 02", // m.f: func type 2
                "01 6d 01 74 01 70 01 01 05", // m.t: table funcref 1..5
                "01 6d 01 6d 02 04 03", // m.m: memory i64 min 3
                "01 6d 01 67 03 7e 01", // m.g: global (mut i64)
                "01 6d 01 65 04 00 07")); // m.e: tag type 7
        assertEquals(List.of(
                new Import("m", "f", new ExternType.Func(2)),
                new Import("m", "t", new TableType(RefType.FUNCREF, new Limits(1, 5), false)),
                new Import("m", "m", new MemoryType(new Limits(3, Limits.NO_MAX), false, true)),
                new Import("m", "g", new GlobalType(NumType.I64, true)),
                new Import("m", "e", new TagType(7))), m.imports());
    }

    @Test
    void functionsPairTheFunctionSectionWithTheirBodies() {
        Module m = ModuleDecoder.decode(module("01 04 01 60 00 00", "03 03 02 00 00",
                "0a 0d 02",
                "02 00 0b", // no locals, empty body
                "08 02 02 7f 01 7c 20 00 0b")); // 2 i32, 1 f64; local.get 0
        assertEquals(List.of(
                new Func(0, List.of(), expr("0b")),
                new Func(0, List.of(new Func.Locals(2, NumType.I32), new Func.Locals(1, NumType.F64)), expr("20 00 0b"))),
                m.functions());
    }

    @Test
    void tablesPlainAndWithAnInitExpression() {
        Module m = ModuleDecoder.decode(module("04 0e 02",
                "6f 00 0a", // externref 10
                "40 00 64 70 05 01 02 d2 00 0b")); // (table i64 1 (ref func) (ref.func 0))
        assertEquals(List.of(
                new Table(new TableType(RefType.EXTERNREF, new Limits(10, Limits.NO_MAX), false), null),
                new Table(new TableType(new RefType(false, AbsHeapType.FUNC), new Limits(1, 2), true), expr("d2 00 0b"))),
                m.tables());
    }

    @Test
    void memoryLimitsFlags() {
        Module m = ModuleDecoder.decode(module("05 15 05", "00 01", "01 01 02", "03 01 02", "04 80 80 04", "05 00 ff ff ff ff ff 01"));
        assertEquals(List.of(
                new MemoryType(new Limits(1, Limits.NO_MAX), false, false),
                new MemoryType(new Limits(1, 2), false, false),
                new MemoryType(new Limits(1, 2), true, false),
                new MemoryType(new Limits(65536, Limits.NO_MAX), false, true),
                new MemoryType(new Limits(0, 0xFFFFFFFFFL), false, true)), m.memories());
    }

    @Test
    void tagsGlobalsExportsAndStart() {
        Module m = ModuleDecoder.decode(module("01 04 01 60 00 00", "03 02 01 00",
                "0d 03 01 00 00", // tag section
                "06 06 01 7f 01 41 2a 0b", // (global (mut i32) (i32.const 42))
                "07 0a 02 01 66 00 00 02 c3 a9 04 00", // "f" func 0, "é" tag 0
                "08 01 00", // start 0
                "0a 04 01 02 00 0b"));
        assertEquals(List.of(new TagType(0)), m.tags());
        assertEquals(List.of(new Global(new GlobalType(NumType.I32, true), expr("41 2a 0b"))), m.globals());
        assertEquals(List.of(new Export("f", ExternKind.FUNC, 0), new Export("\u00e9", ExternKind.TAG, 0)), m.exports());
        assertEquals(0, m.start());
    }

    @Test
    void elementSegmentsInAllEightEncodings() {
        Module m = ModuleDecoder.decode(module("09 39 08",
                "00 41 00 0b 02 00 01", // active table 0, func indices
                "01 00 01 02", // passive, elemkind, indices
                "02 01 41 01 0b 00 01 03", // active table 1
                "03 00 01 04", // declarative
                "04 41 02 0b 02 d2 05 0b d0 70 0b", // active table 0, exprs (funcref)
                "05 6f 01 d0 6f 0b", // passive externref
                "06 02 41 03 0b 70 01 d2 06 0b", // active table 2, funcref exprs
                "07 70 01 d2 07 0b")); // declarative
        RefType refFunc = new RefType(false, AbsHeapType.FUNC);
        assertEquals(List.of(
                new ElementSegment(SegmentMode.ACTIVE, 0, expr("41 00 0b"), refFunc, List.of(expr("d2 00 0b"), expr("d2 01 0b"))),
                new ElementSegment(SegmentMode.PASSIVE, 0, null, refFunc, List.of(expr("d2 02 0b"))),
                new ElementSegment(SegmentMode.ACTIVE, 1, expr("41 01 0b"), refFunc, List.of(expr("d2 03 0b"))),
                new ElementSegment(SegmentMode.DECLARATIVE, 0, null, refFunc, List.of(expr("d2 04 0b"))),
                new ElementSegment(SegmentMode.ACTIVE, 0, expr("41 02 0b"), RefType.FUNCREF,
                        List.of(expr("d2 05 0b"), expr("d0 70 0b"))),
                new ElementSegment(SegmentMode.PASSIVE, 0, null, RefType.EXTERNREF, List.of(expr("d0 6f 0b"))),
                new ElementSegment(SegmentMode.ACTIVE, 2, expr("41 03 0b"), RefType.FUNCREF, List.of(expr("d2 06 0b"))),
                new ElementSegment(SegmentMode.DECLARATIVE, 0, null, RefType.FUNCREF, List.of(expr("d2 07 0b")))),
                m.elements());
    }

    @Test
    void dataSegmentsInAllThreeEncodingsWithADataCount() {
        Module m = ModuleDecoder.decode(module("0c 01 03",
                "0b 11 03",
                "00 41 08 0b 02 61 62", // active memory 0 at 8: "ab"
                "01 01 63", // passive "c"
                "02 01 41 00 0b 00")); // active memory 1 at 0: empty
        assertEquals(3, m.dataCount());
        List<DataSegment> d = m.data();
        assertEquals(new DataSegment(SegmentMode.ACTIVE, 0, expr("41 08 0b"), bytes("61 62")), d.get(0));
        assertEquals(new DataSegment(SegmentMode.PASSIVE, 0, null, bytes("63")), d.get(1));
        assertEquals(new DataSegment(SegmentMode.ACTIVE, 1, expr("41 00 0b"), new byte[0]), d.get(2));
    }

    @Test
    void customSectionsRememberTheLastKnownSectionBeforeThem() {
        Module m = ModuleDecoder.decode(module(
                "00 03 01 61 01", // "a" [01] before everything
                "05 03 01 00 00", "00 02 01 62", // "b" after memory
                "0d 01 00", "00 02 01 63", // "c" after tag (id 13)
                "0c 01 00", "00 02 01 64", "00 03 01 65 ff")); // "d", "e" after data count
        assertEquals(List.of(
                new CustomSection("a", bytes("01"), 0),
                new CustomSection("b", new byte[0], Module.SEC_MEMORY),
                new CustomSection("c", new byte[0], Module.SEC_TAG),
                new CustomSection("d", new byte[0], Module.SEC_DATA_COUNT),
                new CustomSection("e", bytes("ff"), Module.SEC_DATA_COUNT)), m.customs());
        assertEquals(0, m.dataCount());
        assertNull(m.custom("z"));
    }

    @Test
    void bodiesMayNestEveryKindOfBlockIncludingLegacyTry() {
        // block (if (else)) loop try_table (catch_all 0) try catch 0 catch_all end try delegate 0
        String body = "00 02 40 04 40 05 0b 0b 03 40 0b 1f 40 01 02 00 0b 06 40 07 00 19 0b 06 40 18 00";
        int size = bytes(body).length + 1;
        Module m = ModuleDecoder.decode(module("01 04 01 60 00 00", "03 02 01 00",
                String.format("0a %02x 01 %02x", size + 2, size), body, "0b"));
        assertArrayEquals(bytes(body.substring(3), "0b"), m.functions().getFirst().body().bytes());
    }
}
