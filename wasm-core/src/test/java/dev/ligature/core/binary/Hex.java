package dev.ligature.core.binary;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Test helper: byte arrays from spaced hex, and modules from a header plus sections. */
final class Hex {
    private Hex() {}

    static final String HEADER = "00 61 73 6d 01 00 00 00";

    /** Concatenates the hex of every part ("01 04 01 60 00 00"), spaces ignored. */
    static byte[] bytes(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : parts) {
            out.writeBytes(HexFormat.of().parseHex(p.replace(" ", "")));
        }
        return out.toByteArray();
    }

    /** A module: the header followed by the given sections. */
    static byte[] module(String... sections) {
        String[] all = new String[sections.length + 1];
        all[0] = HEADER;
        System.arraycopy(sections, 0, all, 1, sections.length);
        return bytes(all);
    }

    static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").formatHex(b);
    }
}
