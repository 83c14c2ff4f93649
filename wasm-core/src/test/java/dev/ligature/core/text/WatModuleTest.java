package dev.ligature.core.text;

import static dev.ligature.core.text.WatInstrTest.bytes;
import static dev.ligature.core.text.WatInstrTest.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.StructType;
import dev.ligature.core.types.SubType;
import dev.ligature.core.types.TableType;
import dev.ligature.core.types.TagType;
import dev.ligature.core.types.TypeIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Module fields of the text format, checked against the module model built by hand. */
class WatModuleTest {
    private static RecType plainFunc(List<NumType> params, List<NumType> results) {
        return RecType.of(SubType.of(new FuncType(List.copyOf(params), List.copyOf(results))));
    }

    private static Expr expr(int... b) {
        return Expr.wrap(bytes(b));
    }

    @Test
    void emptyModuleWrappedOrBare() {
        assertEquals(Module.empty(), WatParser.parseModule("(module)"));
        assertEquals(Module.empty(), WatParser.parseModule("(module $m)"));
        assertEquals(Module.empty(), WatParser.parseModule(""));
        Module bare = WatParser.parseModule("(func) (export \"f\" (func 0))");
        assertEquals(List.of(new Export("f", ExternKind.FUNC, 0)), bare.exports());
    }

    @Test
    void functionWithParamsLocalsAndImplicitType() {
        Module m = WatParser.parseModule("(module (func $add (param $a i32) (param $b i32) (result i32)"
                + " (local i64 i64) (local $c i32) local.get $a local.get $c i32.add))");
        assertEquals(List.of(plainFunc(List.of(NumType.I32, NumType.I32), List.of(NumType.I32))), m.types());
        assertEquals(List.of(new Func(0, List.of(new Func.Locals(2, NumType.I64), new Func.Locals(1, NumType.I32)),
                expr(0x20, 0x00, 0x20, 0x04, 0x6A, 0x0B))), m.functions()); // $c follows 2 params and 2 i64s
    }

    @Test
    void implicitTypesReuseMatchingTypesOrAppendAtTheEnd() {
        Module m = WatParser.parseModule(
                "(module (func (param i32)) (type $v (func)) (func) (func (param i32)) (func (type $v)))");
        // the explicit type comes first; [i32] -> [] is appended after all explicit types
        assertEquals(List.of(plainFunc(List.of(), List.of()), plainFunc(List.of(NumType.I32), List.of())), m.types());
        assertEquals(List.of(1, 0, 1, 0), m.functions().stream().map(Func::typeIndex).toList());
        fails("inline function type", "(module (type $v (func)) (func (type $v) (param i32)))");
        fails("unknown type", "(module (func (type $nope)))");
        // a param name with (type) and a matching signature binds the local
        assertArrayEquals(bytes(0x20, 0x00, 0x1A, 0x0B), WatParser.parseModule(
                "(module (type $t (func (param i32))) (func (type $t) (param $x i32) (drop (local.get $x))))")
                .functions().get(0).body().bytes());
    }

    @Test
    void typeDefinitionsRecGroupsAndSubtypes() {
        Module m = WatParser.parseModule("(module (rec (type $a (sub (struct (field $x (mut i8)) (field i64 f32))))"
                + " (type $b (sub final $a (struct (field (mut i8)) (field i64 f32))))) (type (array (mut (ref null $b)))))");
        StructType s = new StructType(List.of(new FieldType(PackedType.I8, true), new FieldType(NumType.I64, false),
                new FieldType(NumType.F32, false)));
        assertEquals(List.of(new RecType(List.of(new SubType(false, List.of(), s), new SubType(true, List.of(0), s))),
                RecType.of(SubType.of(new ArrayType(new FieldType(new RefType(true, new TypeIndex(1)), true))))),
                m.types());
        fails("duplicate field", "(module (type (struct (field $x i32) (field $x i32))))");
        fails("duplicate type", "(module (type $t (func)) (type $t (func)))");
    }

    @Test
    void importsAndInlineImportsExports() {
        Module m = WatParser.parseModule("(module (import \"m\" \"f\" (func $f (param i32)))"
                + " (global $g (export \"g\") (import \"m\" \"g\") (mut i64))"
                + " (memory (import \"m\" \"mem\") i64 1 2) (table (import \"m\" \"t\") 3 externref)"
                + " (tag (import \"m\" \"e\") (param i32))"
                + " (func (export \"h\") (call $f (global.get $g))))");
        assertEquals(List.of(new Import("m", "f", new ExternType.Func(0)),
                new Import("m", "g", new GlobalType(NumType.I64, true)),
                new Import("m", "mem", new MemoryType(new Limits(1, 2), false, true)),
                new Import("m", "t", new TableType(RefType.EXTERNREF, new Limits(3, -1), false)),
                new Import("m", "e", new TagType(0))), m.imports());
        assertEquals(List.of(new Export("g", ExternKind.GLOBAL, 0), new Export("h", ExternKind.FUNC, 1)), m.exports());
        fails("import after function", "(module (func) (import \"a\" \"b\" (func)))");
        fails("import after global", "(module (global i32 (i32.const 0)) (global (import \"a\" \"b\") i32))");
        fails("duplicate func", "(module (func $f) (func $f))");
        fails("duplicate local", "(module (func (param $x i32) (local $x i32)))");
    }

    @Test
    void tablesMemoriesGlobalsAndTheirAbbreviations() {
        Module m = WatParser.parseModule("(module (func $f) (table $t funcref (elem $f $f))"
                + " (table i64 10 20 (ref null func) (ref.func $f)) (memory (data \"ab\" \"c\"))"
                + " (global $g (mut i32) (i32.const 42)) (start $f))");
        assertEquals(List.of(new Table(new TableType(RefType.FUNCREF, new Limits(2, 2), false), null),
                new Table(new TableType(RefType.FUNCREF, new Limits(10, 20), true), expr(0xD2, 0x00, 0x0B))),
                m.tables());
        assertEquals(List.of(new ElementSegment(SegmentMode.ACTIVE, 0, expr(0x41, 0x00, 0x0B), RefType.FUNCREF,
                List.of(expr(0xD2, 0x00, 0x0B), expr(0xD2, 0x00, 0x0B)))), m.elements());
        assertEquals(List.of(new MemoryType(new Limits(1, 1), false, false)), m.memories());
        assertEquals(List.of(new DataSegment(SegmentMode.ACTIVE, 0, expr(0x41, 0x00, 0x0B), bytes('a', 'b', 'c'))),
                m.data());
        assertEquals(List.of(new Global(new GlobalType(NumType.I32, true), expr(0x41, 0x2A, 0x0B))), m.globals());
        assertEquals(0, m.start());
        fails("multiple start sections", "(module (func) (start 0) (start 0))");
    }

    @Test
    void elementSegmentForms() {
        Module m = WatParser.parseModule("(module (table $t 1 funcref) (func $f)"
                + " (elem (i32.const 0) $f)"
                + " (elem $p func $f)"
                + " (elem declare func $f)"
                + " (elem (table $t) (offset (i32.const 1)) funcref (item ref.func $f) (ref.null func))"
                + " (elem $e2 externref (ref.null extern))"
                + " (func (elem.drop $e2)))");
        Expr rf = expr(0xD2, 0x00, 0x0B);
        // a list of function indices is a segment of non-null function references
        RefType refFunc = new RefType(false, AbsHeapType.FUNC);
        assertEquals(List.of(
                new ElementSegment(SegmentMode.ACTIVE, 0, expr(0x41, 0x00, 0x0B), refFunc, List.of(rf)),
                new ElementSegment(SegmentMode.PASSIVE, 0, null, refFunc, List.of(rf)),
                new ElementSegment(SegmentMode.DECLARATIVE, 0, null, refFunc, List.of(rf)),
                new ElementSegment(SegmentMode.ACTIVE, 0, expr(0x41, 0x01, 0x0B), RefType.FUNCREF,
                        List.of(rf, expr(0xD0, 0x70, 0x0B))),
                new ElementSegment(SegmentMode.PASSIVE, 0, null, RefType.EXTERNREF, List.of(expr(0xD0, 0x6F, 0x0B)))),
                m.elements());
        assertArrayEquals(bytes(0xFC, 0x0D, 0x04, 0x0B), m.functions().get(1).body().bytes());
    }

    @Test
    void dataSegmentForms() {
        Module m = WatParser.parseModule("(module (memory 1) (memory $m 1)"
                + " (data (i32.const 8) \"a\") (data (memory $m) (offset (i32.const 0)) \"\\01\\ff\") (data $d \"p\"))");
        assertEquals(List.of(new DataSegment(SegmentMode.ACTIVE, 0, expr(0x41, 0x08, 0x0B), bytes('a')),
                new DataSegment(SegmentMode.ACTIVE, 1, expr(0x41, 0x00, 0x0B), bytes(0x01, 0xFF)),
                new DataSegment(SegmentMode.PASSIVE, 0, null, bytes('p'))), m.data());
        fails("unknown memory", "(module (data (memory $m) (i32.const 0)))");
    }

    @Test
    void errorsCarryLineAndColumn() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.ligature.core.MalformedModuleException.class,
                () -> WatParser.parseModule("(module\n  (func (call $x)))", 10, 5));
        assertEquals(11, e.line());
        assertEquals(15, e.column());
        fails("unexpected token", "(module (func) 42)");
        fails("unexpected token", "(module (frob))");
        fails("malformed UTF-8 encoding", "(module (func (export \"\\ff\")))");
        // nesting deeper than the Java stack is a malformed module, not a StackOverflowError
        fails("nesting too deep", "(module (func " + "(block ".repeat(200_000) + ")".repeat(200_002));
    }
}
