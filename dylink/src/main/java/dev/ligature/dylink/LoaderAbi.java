package dev.ligature.dylink;

import dev.ligature.core.runtime.ImportType;
import dev.ligature.core.runtime.WasmModule;

/**
 * What differs between the Emscripten releases whose main modules Ligature links: the layout of
 * the C side's {@code struct dso}, which half searches {@code LD_LIBRARY_PATH}, how data for a
 * library is aligned, and the texts {@code dlerror} returns. Told apart by the host hooks the main
 * module imports: 3.1.x's {@code _dlsym_js} takes two arguments, later ones three; a main module
 * that defines its own memory (not relocatable) comes from 4.0.19 or later.
 */
enum LoaderAbi {
    /** Emscripten 3.1.6 to 3.1.38: JavaScript searches LD_LIBRARY_PATH, 16-byte minimum alignment. */
    V3_1(44, 20, 24, 28, 32, 36, 40, -1, -1, true, true, "Could not load dynamic lib: ", "RTLD_DEFAULT"),
    /** 3.1.39 to 4.0.18 (Pyodide 0.25 to 0.29): C reads the file and searches LD_LIBRARY_PATH. */
    V3_1_39(36, 4, 8, 12, 16, 20, 24, 28, 32, false, false, "Could not load dynamic lib: ", "__main__"),
    /** 4.0.19 and later (Pyodide 314): non-relocatable main modules, lower-case message. */
    V4_0_19(36, 4, 8, 12, 16, 20, 24, 28, 32, false, false, "could not load dynamic lib: ", "__main__");

    final int nameOffset;
    final int flagsOffset;
    final int memAllocatedOffset;
    final int memAddrOffset;
    final int memSizeOffset;
    final int tableAddrOffset;
    final int tableSizeOffset;
    /** Where the C side put the file it read (-1: it reads nothing, the host reads the file). */
    final int fileDataOffset;
    final int fileDataSizeOffset;
    /** Whether the host, not C, searches LD_LIBRARY_PATH for a name without a slash. */
    final boolean hostSearchesLibraryPath;
    /** Whether a library's data is aligned to at least 16 bytes (3.1.x forced stack alignment). */
    final boolean minimumSixteenAlignment;
    final String loadFailurePrefix;
    /** The library name {@code dlsym}'s unknown-symbol message gives for RTLD_DEFAULT. */
    final String defaultHandleName;

    LoaderAbi(int nameOffset, int flagsOffset, int memAllocatedOffset, int memAddrOffset, int memSizeOffset,
            int tableAddrOffset, int tableSizeOffset, int fileDataOffset, int fileDataSizeOffset,
            boolean hostSearchesLibraryPath, boolean minimumSixteenAlignment, String loadFailurePrefix,
            String defaultHandleName) {
        this.nameOffset = nameOffset;
        this.flagsOffset = flagsOffset;
        this.memAllocatedOffset = memAllocatedOffset;
        this.memAddrOffset = memAddrOffset;
        this.memSizeOffset = memSizeOffset;
        this.tableAddrOffset = tableAddrOffset;
        this.tableSizeOffset = tableSizeOffset;
        this.fileDataOffset = fileDataOffset;
        this.fileDataSizeOffset = fileDataSizeOffset;
        this.hostSearchesLibraryPath = hostSearchesLibraryPath;
        this.minimumSixteenAlignment = minimumSixteenAlignment;
        this.loadFailurePrefix = loadFailurePrefix;
        this.defaultHandleName = defaultHandleName;
    }

    /** The release family of a main module, from its imports. */
    static LoaderAbi of(WasmModule main) {
        boolean relocatable = false;
        int dlsymParams = -1;
        for (ImportType i : main.imports()) {
            if (i.module().equals("env") && i.name().equals("__memory_base")) {
                relocatable = true;
            }
            if (i.module().equals("env") && i.name().equals("_dlsym_js")) {
                dlsymParams = i.functionType().params().size();
            }
        }
        if (dlsymParams == 2) {
            return V3_1;
        }
        return relocatable ? V3_1_39 : V4_0_19;
    }

    /** The message of a required symbol that nothing defines, as this release's loader words it. */
    String undefinedSymbol(String name) {
        return this == V3_1 ? "Error: bad export type for `" + name + "`: undefined" : "Error: undefined symbol '" + name + "'";
    }
}
