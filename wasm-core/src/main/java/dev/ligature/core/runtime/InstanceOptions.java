package dev.ligature.core.runtime;

/**
 * Limits an embedder sets on one instance.
 *
 * @param maxMemoryPages cap on every memory the instance defines, in 64 KiB pages (-1: no cap
 *     beyond the declared maximum and what the JVM can back, see {@link Memory})
 */
public record InstanceOptions(long maxMemoryPages) {
    public static final InstanceOptions DEFAULT = new InstanceOptions(-1);

    /** The same options with a memory cap in pages. */
    public InstanceOptions withMaxMemoryPages(long pages) {
        return new InstanceOptions(pages);
    }
}
