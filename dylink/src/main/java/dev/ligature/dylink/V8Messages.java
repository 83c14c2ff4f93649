package dev.ligature.dylink;

/**
 * The texts V8 gives for the two ways a side module most often fails to compile or link, so that
 * {@code dlerror()} reads as it does under node (tests compare it): a section that runs past the
 * end of a truncated file, and a function import whose type differs from its definition's. Other
 * failures carry Ligature's own decoder and linker messages.
 */
final class V8Messages {
    private V8Messages() {}

    private static final String[] SECTION_NAMES = {"Unknown", "Type", "Import", "Function", "Table", "Memory", "Global",
        "Export", "Start", "Element", "Code", "Data", "DataCount", "Tag"};

    /**
     * {@code section (code N, "Name") extends past end of the module (length L, remaining bytes R) @+OFFSET}
     * for the first section whose declared length overruns the bytes, or null when every section fits.
     */
    static String truncatedSection(byte[] b) {
        int pos = 8;
        while (pos < b.length) {
            int start = pos;
            int id = b[pos++] & 0xFF;
            long len = 0;
            int shift = 0;
            while (true) {
                if (pos >= b.length || shift > 28) {
                    return null;
                }
                int x = b[pos++] & 0xFF;
                len |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    break;
                }
                shift += 7;
            }
            long remaining = b.length - pos;
            if (len > remaining) {
                String name = id < SECTION_NAMES.length ? SECTION_NAMES[id] : "Unknown";
                return "CompileError: WebAssembly.Module(): section (code " + id + ", \"" + name
                        + "\") extends past end of the module (length " + len + ", remaining bytes " + remaining + ") @+" + start;
            }
            pos += (int) len;
        }
        return null;
    }

    /** V8's text for function import {@code index} ({@code module}.{@code name}) bound to a function of another type. */
    static String importTypeMismatch(int index, String module, String name) {
        return "LinkError: WebAssembly.Instance(): Import #" + index + " module=\"" + module + "\" function=\"" + name
                + "\" error: imported function does not match the expected type";
    }
}
