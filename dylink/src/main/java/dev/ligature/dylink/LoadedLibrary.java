package dev.ligature.dylink;

import java.util.List;

/**
 * One library of a process, as the linker placed it: what a memory snapshot must record to restore
 * the process (libraries in load order with their memory and table bases).
 *
 * @param name the name it was loaded under (a normalised path, or a name given with its bytes);
 *     {@code __main__} for the main module
 * @param memoryBase the address of its data (0 if it has none)
 * @param memorySize the size of its data, from its {@code dylink.0} section
 * @param tableBase the index of its first table slot (0 if it has none)
 * @param tableSize how many table slots it has
 * @param global whether its symbols are in the global namespace
 * @param handles the C {@code dlopen} handles ({@code struct dso} addresses) that name it
 */
public record LoadedLibrary(String name, long memoryBase, long memorySize, long tableBase, long tableSize,
        boolean global, List<Long> handles) {
    /** Copies the handle list. */
    public LoadedLibrary {
        handles = List.copyOf(handles);
    }
}
