package dev.ligature.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.ast.Module;
import org.junit.jupiter.api.Test;

/**
 * Instruction encodings produced by the WAT parser, each expected byte sequence written out by hand
 * from the binary format of the specification.
 */
class WatInstrTest {
    /** The body bytes of the last function of {@code module}. */
    static byte[] body(String module) {
        Module m = WatParser.parseModule(module);
        return m.functions().get(m.functions().size() - 1).body().bytes();
    }

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    static void fails(String phrase, String module) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> WatParser.parseModule(module));
        assertTrue(e.getMessage().startsWith(phrase), () -> "expected \"" + phrase + "\" but got " + e.getMessage());
    }

    @Test
    void plainAndFoldedFormsEncodeAlike() {
        byte[] expected = bytes(0x20, 0x00, 0x41, 0x01, 0x6A, 0x0B);
        assertArrayEquals(expected, body("(module (func (param i32) (result i32) local.get 0 i32.const 1 i32.add))"));
        assertArrayEquals(expected, body("(module (func (param $x i32) (result i32) (i32.add (local.get $x) (i32.const 1))))"));
    }

    @Test
    void foldedIfEvaluatesItsConditionFirst() {
        assertArrayEquals(bytes(0x20, 0x00, 0x04, 0x7F, 0x41, 0x01, 0x05, 0x41, 0x02, 0x0B, 0x0B),
                body("(module (func (param i32) (result i32)"
                        + " (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2)))))"));
        assertArrayEquals(bytes(0x20, 0x00, 0x04, 0x40, 0x01, 0x0B, 0x0B),
                body("(module (func (param i32) local.get 0 if $l nop end $l))"));
    }

    @Test
    void labelsResolveToRelativeDepths() {
        assertArrayEquals(bytes(0x02, 0x40, 0x03, 0x40, 0x41, 0x00, 0x0D, 0x01, 0x0C, 0x00, 0x0B, 0x0B, 0x0B),
                body("(module (func (block $out (loop $in (br_if $out (i32.const 0)) (br $in)))))"));
        assertArrayEquals(bytes(0x02, 0x40, 0x02, 0x40, 0x20, 0x00, 0x0E, 0x02, 0x01, 0x00, 0x00, 0x0B, 0x0B, 0x0B),
                body("(module (func (param i32) (block $a (block $b (br_table $a $b 0 (local.get 0))))))"));
        // an inner label of the same name shadows the outer one
        assertArrayEquals(bytes(0x02, 0x40, 0x02, 0x40, 0x0C, 0x00, 0x0B, 0x0B, 0x0B),
                body("(module (func block $l block $l br $l end end))"));
    }

    @Test
    void labelErrors() {
        fails("unknown label", "(module (func (block $a (br $b))))");
        fails("mismatching label", "(module (func block $a end $b))");
        fails("mismatching label", "(module (func block end $a))");
    }

    @Test
    void blockTypesUseValueTypesOrTypeIndices() {
        Module m = WatParser.parseModule("(module (func (block (param i32) (result i32 i32) unreachable)))");
        // type 0 is the function's [] -> [], type 1 the block's [i32] -> [i32 i32]
        assertEquals(2, m.types().size());
        assertArrayEquals(bytes(0x02, 0x01, 0x00, 0x0B, 0x0B), m.functions().get(0).body().bytes());
        assertArrayEquals(bytes(0x02, 0x7E, 0x42, 0x00, 0x0B, 0x1A, 0x0B),
                body("(module (func (block (result i64) (i64.const 0)) drop))"));
        fails("inline function type", "(module (type $t (func (param i32))) (func (block (type $t) (param i64))))");
        fails("unexpected token", "(module (func (block (result i32) (param i32))))");
    }

    @Test
    void numericConstants() {
        assertArrayEquals(bytes(0x41, 0x7F, 0x1A, 0x0B), body("(module (func (drop (i32.const -1))))"));
        assertArrayEquals(bytes(0x41, 0x7F, 0x1A, 0x0B), body("(module (func (drop (i32.const 0xffff_ffff))))"));
        assertArrayEquals(bytes(0x42, 0x80, 0x01, 0x1A, 0x0B), body("(module (func (drop (i64.const 128))))"));
        assertArrayEquals(bytes(0x43, 0x00, 0x00, 0xC0, 0x3F, 0x1A, 0x0B), body("(module (func (drop (f32.const 1.5))))"));
        assertArrayEquals(bytes(0x44, 0, 0, 0, 0, 0, 0, 0, 0x80, 0x1A, 0x0B), body("(module (func (drop (f64.const -0))))"));
        assertArrayEquals(bytes(0x43, 0x01, 0x00, 0x80, 0x7F, 0x1A, 0x0B),
                body("(module (func (drop (f32.const nan:0x1))))"));
        fails("constant out of range", "(module (func (drop (i32.const 0x1_0000_0000))))");
        fails("unknown operator", "(module (func (drop (i32.const x))))");
        fails("unknown operator", "(module (func (i32.frobnicate)))");
    }

    @Test
    void memoryArguments() {
        assertArrayEquals(bytes(0x41, 0x00, 0x28, 0x01, 0x08, 0x1A, 0x0B),
                body("(module (memory 1) (func (drop (i32.load offset=8 align=2 (i32.const 0)))))"));
        // natural alignment of i64.load is 2^3
        assertArrayEquals(bytes(0x41, 0x00, 0x29, 0x03, 0x00, 0x1A, 0x0B),
                body("(module (memory 1) (func (drop (i64.load (i32.const 0)))))"));
        // a non-zero memory index sets bit 6 of the alignment and follows it
        assertArrayEquals(bytes(0x41, 0x00, 0x28, 0x42, 0x01, 0x04, 0x1A, 0x0B),
                body("(module (memory 1) (memory $m 1) (func (drop (i32.load $m offset=4 (i32.const 0)))))"));
        fails("alignment", "(module (memory 1) (func (drop (i32.load align=3 (i32.const 0)))))");
    }

    @Test
    void vectorConstantsShufflesAndLanes() {
        byte[] b = body("(module (func (drop (v128.const i16x8 1 2 3 4 5 6 7 -1))))");
        assertArrayEquals(bytes(0xFD, 0x0C, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0xFF, 0xFF, 0x1A, 0x0B), b);
        b = body("(module (func (drop (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 -128 255))))");
        assertEquals((byte) 0x80, b[2 + 14]);
        assertEquals((byte) 0xFF, b[2 + 15]);
        b = body("(module (func (drop (v128.const f64x2 1 -2))))");
        assertArrayEquals(bytes(0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0xC0),
                java.util.Arrays.copyOfRange(b, 2, 18));
        b = body("(module (func (param v128) (result i32) (i32x4.extract_lane 3 (local.get 0))))");
        assertArrayEquals(bytes(0x20, 0x00, 0xFD, 0x1B, 0x03, 0x0B), b);
        b = body("(module (func (param v128) (result v128)"
                + " (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 (local.get 0) (local.get 0))))");
        assertArrayEquals(bytes(0x20, 0, 0x20, 0, 0xFD, 0x0D, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31, 0x0B),
                b);
        fails("constant out of range", "(module (func (drop (v128.const i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 256))))");
        fails("wrong number of lane literals", "(module (func (drop (v128.const i32x4 0 0 0))))");
    }

    @Test
    void selectAndReferences() {
        assertArrayEquals(bytes(0x41, 1, 0x41, 2, 0x41, 0, 0x1C, 0x01, 0x7F, 0x1A, 0x0B),
                body("(module (func (drop (select (result i32) (i32.const 1) (i32.const 2) (i32.const 0)))))"));
        assertArrayEquals(bytes(0xD0, 0x70, 0x1A, 0xD0, 0x00, 0x1A, 0x0B),
                body("(module (type $t (func)) (func (drop (ref.null func)) (drop (ref.null $t))))"));
        // ref.test with a nullable target is 0xFB 21, ref.cast with a non-nullable one 0xFB 22
        assertArrayEquals(bytes(0xD0, 0x6E, 0xFB, 0x15, 0x00, 0x1A, 0xD0, 0x6E, 0xFB, 0x16, 0x6E, 0x1A, 0x0B),
                body("(module (type $t (struct)) (func (drop (ref.test (ref null $t) (ref.null any)))"
                        + " (drop (ref.cast (ref any) (ref.null any)))))"));
        // flags: bit 0 for a nullable source, bit 1 for a nullable target
        assertArrayEquals(bytes(0x02, 0x6E, 0xD0, 0x6E, 0xFB, 0x18, 0x01, 0x00, 0x6E, 0x00, 0x0B, 0x1A, 0x0B),
                body("(module (type $t (struct)) (func (drop (block (result anyref)"
                        + " (br_on_cast 0 anyref (ref $t) (ref.null any))))))"));
    }

    @Test
    void callsAndForwardReferences() {
        assertArrayEquals(bytes(0x10, 0x01, 0x0B), body("(module (func (call $g)) (func $g) (func (call $g)))"));
        // call_indirect: type index, then table index
        assertArrayEquals(bytes(0x41, 0x00, 0x11, 0x00, 0x01, 0x0B),
                body("(module (type $v (func)) (table 0 funcref) (table $t 0 funcref)"
                        + " (func (call_indirect $t (type $v) (i32.const 0))))"));
        fails("unknown function", "(module (func (call $nowhere)))");
    }

    @Test
    void bulkAndGcImmediates() {
        Module m = WatParser.parseModule("(module (memory 1) (data $d \"x\")"
                + " (func (memory.init $d (i32.const 0) (i32.const 0) (i32.const 0)) (data.drop $d)))");
        assertArrayEquals(bytes(0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x08, 0x00, 0x00, 0xFC, 0x09, 0x00, 0x0B),
                m.functions().get(0).body().bytes());
        assertEquals(1, m.dataCount(), "memory.init needs the data count section");
        assertEquals(-1, WatParser.parseModule("(module (memory 1) (data \"x\"))").dataCount());
        assertArrayEquals(bytes(0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0E, 0x01, 0x00, 0x0B),
                body("(module (table 1 funcref) (table $b 1 funcref)"
                        + " (func (table.copy $b 0 (i32.const 0) (i32.const 0) (i32.const 0))))"));
        assertArrayEquals(bytes(0x20, 0x00, 0xFB, 0x02, 0x00, 0x01, 0x1A, 0x0B),
                body("(module (type $s (struct (field $x i32) (field $y (mut i64))))"
                        + " (func (param (ref $s)) (drop (struct.get $s $y (local.get 0)))))"));
        assertArrayEquals(bytes(0x41, 1, 0x41, 2, 0xFB, 0x08, 0x00, 0x02, 0x1A, 0x0B),
                body("(module (type $a (array i8)) (func (drop (array.new_fixed $a 2 (i32.const 1) (i32.const 2)))))"));
        fails("unknown field", "(module (type $s (struct (field $x i32))) (func (param (ref $s)) (drop (struct.get $s $z (local.get 0)))))");
    }

    @Test
    void exceptionHandling() {
        // try_table: block type, 2 clauses: catch tag 0 label 0, catch_all label 0
        assertArrayEquals(bytes(0x02, 0x40, 0x1F, 0x40, 0x02, 0x00, 0x00, 0x00, 0x02, 0x00, 0x0B, 0x0B, 0x0B),
                body("(module (tag $e) (func (block $h (try_table (catch $e $h) (catch_all $h)))))"));
        assertArrayEquals(bytes(0x06, 0x40, 0x01, 0x07, 0x00, 0x01, 0x19, 0x01, 0x0B, 0x0B),
                body("(module (tag $e) (func (try (do nop) (catch $e nop) (catch_all nop))))"));
        assertArrayEquals(bytes(0x06, 0x40, 0x18, 0x00, 0x0B),
                body("(module (func try delegate 0))"));
        fails("unexpected token", "(module (tag $e) (func (try (do) (catch $e) (delegate 0))))");
    }
}
