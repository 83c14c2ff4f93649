package dev.ligature.core.engine;

import dev.ligature.core.runtime.Trap;

/**
 * How engines record the Wasm frames a {@link Trap} unwinds through: {@link Trap} installs the
 * recorder when it is initialised (its frame list is not API), and engines call {@link #add}.
 * Not API.
 */
public final class TrapFrames {
    private TrapFrames() {}

    /** Appends one frame to a trap; installed by {@link Trap}. */
    public interface Recorder {
        void add(Trap trap, FrameNamer namer, int functionIndex);
    }

    private static Recorder recorder;

    /** Called once, by {@link Trap}'s initialiser. */
    public static synchronized void install(Recorder r) {
        if (recorder != null) {
            throw new IllegalStateException("trap frame recorder already installed");
        }
        recorder = r;
    }

    /** Appends the next outer frame to {@code trap} as it unwinds; frames past {@link Trap#MAX_FRAMES} are dropped. */
    public static void add(Trap trap, FrameNamer namer, int functionIndex) {
        // trap is an instance, so Trap's initialiser (which installs the recorder) has run.
        recorder.add(trap, namer, functionIndex);
    }
}
