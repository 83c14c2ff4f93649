package dev.ligature.core.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.ast.Module;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Properties of the decoder and encoder over generated modules (see {@link ModuleGen}). */
class BinaryProperties {

    @Property(tries = 400)
    void decodeInvertsEncode(@ForAll long seed) {
        Module m = ModuleGen.module(seed);
        byte[] bytes = ModuleEncoder.encode(m);
        assertEquals(m, ModuleDecoder.decode(bytes));
        // And the encoding is a fixed point: encoding what was decoded gives the same bytes.
        assertEquals(Arrays.toString(bytes), Arrays.toString(ModuleEncoder.encode(ModuleDecoder.decode(bytes))));
    }

    @Property(tries = 1500)
    void damagedModulesFailOnlyAsMalformed(@ForAll long seed) {
        Random rnd = new Random(seed);
        byte[] bytes = ModuleEncoder.encode(ModuleGen.module(rnd.nextLong()));
        byte[] damaged = switch (rnd.nextInt(4)) {
            case 0 -> Arrays.copyOf(bytes, rnd.nextInt(bytes.length));
            case 1 -> {
                byte[] b = bytes.clone();
                for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
                    int bit = rnd.nextInt(b.length * 8);
                    b[bit / 8] ^= (byte) (1 << (bit % 8));
                }
                yield b;
            }
            case 2 -> {
                // Overwrite one byte after the header, often with 0xFF: huge counts and sizes, bad opcodes.
                byte[] b = bytes.clone();
                if (b.length > 8) {
                    b[8 + rnd.nextInt(b.length - 8)] = (byte) (rnd.nextBoolean() ? 0xFF : rnd.nextInt(256));
                }
                yield b;
            }
            default -> {
                // Insert bytes somewhere: sizes and counts now disagree with the contents.
                int at = 8 + rnd.nextInt(bytes.length - 7);
                byte[] extra = new byte[1 + rnd.nextInt(6)];
                rnd.nextBytes(extra);
                byte[] b = new byte[bytes.length + extra.length];
                System.arraycopy(bytes, 0, b, 0, at);
                System.arraycopy(extra, 0, b, at, extra.length);
                System.arraycopy(bytes, at, b, at + extra.length, bytes.length - at);
                yield b;
            }
        };
        try {
            ModuleDecoder.decode(damaged);
        } catch (MalformedModuleException expected) {
            // The only acceptable failure.
        }
    }

    @Property(tries = 300)
    void nameSectionsRoundTrip(@ForAll long seed) {
        Random rnd = new Random(seed);
        NameSection names = new NameSection(rnd.nextBoolean() ? null : "m\u00e9" + rnd.nextInt(), map(rnd),
                indirect(rnd), indirect(rnd), map(rnd), map(rnd), map(rnd), map(rnd), map(rnd), map(rnd),
                indirect(rnd), map(rnd));
        assertEquals(names, NameSection.decode(names.encode()));
    }

    private static Map<Integer, String> map(Random rnd) {
        Map<Integer, String> m = new TreeMap<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            m.put(rnd.nextInt(1000), "n" + rnd.nextInt(50) + (rnd.nextBoolean() ? "\u4e2d" : ""));
        }
        return m;
    }

    private static Map<Integer, Map<Integer, String>> indirect(Random rnd) {
        Map<Integer, Map<Integer, String>> m = new TreeMap<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            m.put(rnd.nextInt(100), map(rnd));
        }
        return m;
    }
}
