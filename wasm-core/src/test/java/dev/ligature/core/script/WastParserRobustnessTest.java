package dev.ligature.core.script;

import dev.ligature.core.MalformedModuleException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Damaged scripts fail only with {@link MalformedModuleException}, never with another exception. */
class WastParserRobustnessTest {
    private static final byte[] SAMPLE = """
            (module $M (func (export "f") (param i32) (result i32) (local.get 0)))
            (module definition $D binary "\\00asm" "\\01\\00\\00\\00")
            (module instance $I $D)
            (register "m" $M)
            (assert_return (invoke $M "f" (i32.const 0x7fff_ffff)) (i32.const -1))
            (assert_return (invoke "g" (v128.const f32x4 1 2 3 4)) (v128.const f32x4 nan:canonical 1 2 nan:arithmetic))
            (assert_return (get "h") (either (ref.null) (ref.func) (ref.extern 3) (f64.const -0x1.8p3)))
            (assert_trap (invoke "t" (ref.null extern) (ref.extern 1)) "unreachable")
            (assert_trap (module (start 0)) "out of bounds")
            (assert_malformed (module quote "(func" " \\"x\\" )") "unexpected end")
            (assert_invalid (module (func (result i32))) "type mismatch")
            (assert_exception (invoke "e"))
            (assert_exhaustion (invoke "r" (i64.const -1)) "call stack exhausted")
            """.getBytes(StandardCharsets.UTF_8);

    @Property(tries = 2000)
    void truncatedAndMutatedScriptsFailCleanly(@ForAll @IntRange(min = 0, max = 2000) int cut,
            @ForAll @IntRange(min = 0, max = 2000) int at, @ForAll byte replacement) {
        byte[] src = java.util.Arrays.copyOf(SAMPLE, Math.min(cut, SAMPLE.length));
        if (src.length > 0) {
            src[at % src.length] = replacement;
        }
        try {
            WastParser.parse(src);
        } catch (MalformedModuleException expected) {
            // the only acceptable failure
        }
    }
}
