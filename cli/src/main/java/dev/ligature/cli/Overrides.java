package dev.ligature.cli;

import dev.ligature.core.runtime.InstanceOptions;
import dev.ligature.jit.JitOptions;

/**
 * The command's options objects with the {@code -D} overrides applied (set them with {@code JAVA_TOOL_OPTIONS},
 * since {@code ./ligature} runs {@code java -jar}): {@code ligature.jit.compilation}, {@code ligature.jit.splitHubs},
 * {@code ligature.jit.splitEntryLoads}, {@code ligature.jit.forceSplit} (see {@link JitOptions}) and
 * {@code ligature.memory.backing} (see {@link InstanceOptions}). The library itself never reads them.
 */
final class Overrides {
    private Overrides() {}

    /** The compiler's options: {@code compilation} unless {@code -Dligature.jit.compilation} says otherwise, and the overrides. */
    static JitOptions jitOptions(JitOptions.Compilation compilation) {
        return JitOptions.fromSystemProperties(JitOptions.DEFAULT.withCompilation(compilation));
    }

    /** Fails with a usage error when an override has a value it does not take. */
    static void check() throws UsageException {
        try {
            jitOptions(JitOptions.Compilation.LAZY);
            instanceOptions();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Instance options: the defaults and the memory backing override. */
    static InstanceOptions instanceOptions() {
        return InstanceOptions.fromSystemProperties(InstanceOptions.DEFAULT);
    }
}
