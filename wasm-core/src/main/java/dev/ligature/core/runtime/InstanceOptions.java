package dev.ligature.core.runtime;

import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * Limits and choices an embedder sets on one instance: an immutable value, passed to
 * {@link WasmModule#instantiate(Imports, InstanceOptions)}. Start from {@link #DEFAULT} and change what
 * you need with the {@code with...} methods.
 *
 * <p>Nothing reads system properties implicitly. The {@code ligature} command and the test runners apply
 * the {@code -D} override {@value #MEMORY_BACKING_PROPERTY} explicitly through
 * {@link #fromSystemProperties(InstanceOptions)}, the one place it is read.
 *
 * @param maxMemoryPages cap on every memory the instance defines, in 64 KiB pages (-1: no cap
 *     beyond the declared maximum and what the JVM can back, see {@link Memory})
 * @param memoryBacking what holds the bytes of every memory the instance defines (see {@link Memory});
 *     {@link MemoryBacking#AUTO} by default
 */
public record InstanceOptions(long maxMemoryPages, MemoryBacking memoryBacking) {
    /** No memory cap, {@link MemoryBacking#AUTO}. */
    public static final InstanceOptions DEFAULT = new InstanceOptions(-1, MemoryBacking.AUTO);

    /** System property overriding {@link #memoryBacking()}: {@code auto}, {@code array}, {@code heap} or {@code mmap}. */
    public static final String MEMORY_BACKING_PROPERTY = "ligature.memory.backing";

    /** The backing a memory asks for; see {@link Memory} for what each one costs and allows. */
    public enum MemoryBacking {
        /** Mmap when this JVM allows it without a warning (native access granted, Linux), else array. */
        AUTO,
        /** A {@code byte[]} ({@link Memory.Backing#ARRAY}): the fastest on the heap, up to 2 GiB - 64 KiB. */
        ARRAY,
        /** A heap segment over a {@code long[]} ({@link Memory.Backing#HEAP}), up to 16 GiB - 64 KiB. */
        HEAP,
        /**
         * A reservation of the maximum ({@link Memory.Backing#MMAP}); falls back to {@link #ARRAY} (or
         * {@link #HEAP} past the array's limit) when the JVM or the kernel does not allow it.
         */
        MMAP;

        /** The backing to try: {@link #AUTO} decided for this JVM. */
        Memory.Backing resolve() {
            return switch (this) {
                case ARRAY -> Memory.Backing.ARRAY;
                case HEAP -> Memory.Backing.HEAP;
                case MMAP -> Memory.Backing.MMAP;
                case AUTO -> MappedReservation.available() ? Memory.Backing.MMAP : Memory.Backing.ARRAY;
            };
        }
    }

    /**
     * Options with a memory cap and a memory backing.
     *
     * @throws NullPointerException if {@code memoryBacking} is null
     */
    public InstanceOptions {
        Objects.requireNonNull(memoryBacking, "memoryBacking");
    }

    /**
     * Options with a memory cap and the {@link MemoryBacking#AUTO} backing.
     *
     * @param maxMemoryPages cap on every memory the instance defines, in 64 KiB pages, or -1 for none
     */
    public InstanceOptions(long maxMemoryPages) {
        this(maxMemoryPages, MemoryBacking.AUTO);
    }

    /**
     * {@return these options with another memory cap}
     *
     * @param pages cap on every memory the instance defines, in 64 KiB pages, or -1 for none; a memory
     *     whose minimum exceeds it fails instantiation with {@link Trap.Kind#LIMIT_EXCEEDED}, and growth
     *     past it returns -1
     */
    public InstanceOptions withMaxMemoryPages(long pages) {
        return new InstanceOptions(pages, memoryBacking);
    }

    /**
     * {@return these options with another memory backing}
     *
     * @param backing what should hold the bytes of every memory the instance defines
     * @throws NullPointerException if {@code backing} is null
     */
    public InstanceOptions withMemoryBacking(MemoryBacking backing) {
        return new InstanceOptions(maxMemoryPages, backing);
    }

    /**
     * {@code defaults} with the memory backing the system property {@value #MEMORY_BACKING_PROPERTY} sets,
     * if it is set: the override the {@code ligature} command and the test runners apply (for example
     * {@code JAVA_TOOL_OPTIONS=-Dligature.memory.backing=heap}). Embedders pass options instead.
     *
     * @param defaults the options to start from
     * @return {@code defaults}, with the backing the property names if it is set
     * @throws IllegalArgumentException if the property has a value it does not take
     */
    public static InstanceOptions fromSystemProperties(InstanceOptions defaults) {
        return fromProperties(defaults, System.getProperties());
    }

    /** As {@link #fromSystemProperties}, reading {@code p}. */
    static InstanceOptions fromProperties(InstanceOptions defaults, Properties p) {
        String v = p.getProperty(MEMORY_BACKING_PROPERTY);
        if (v == null) {
            return defaults;
        }
        MemoryBacking b = switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> MemoryBacking.AUTO;
            case "array" -> MemoryBacking.ARRAY;
            case "heap" -> MemoryBacking.HEAP;
            case "mmap" -> MemoryBacking.MMAP;
            default -> throw new IllegalArgumentException("-D" + MEMORY_BACKING_PROPERTY + "=" + v
                    + ": expected auto, array, heap or mmap");
        };
        return defaults.withMemoryBacking(b);
    }
}
