package dev.ligature.core.types;

/**
 * The abstract heap types of the GC and exception-handling proposals. They form four hierarchies,
 * each with a top and a bottom type: {@code any} (over {@code eq}, {@code i31}, {@code struct},
 * {@code array}, down to {@code none}), {@code func} (down to {@code nofunc}), {@code extern} (down
 * to {@code noextern}) and {@code exn} (down to {@code noexn}). Each constant carries its byte in
 * the binary format, which is also the byte of the nullable shorthand reference type (for example
 * {@code 0x70} is both {@code func} and {@code funcref}).
 */
public enum AbsHeapType implements HeapType {
    /** {@code func}: any function; top of the function hierarchy. Binary {@code 0x70}. */
    FUNC(0x70, "func"),
    /** {@code extern}: a reference owned by the host; top of the external hierarchy. Binary {@code 0x6F}. */
    EXTERN(0x6F, "extern"),
    /** {@code any}: any internal (GC) reference; top of the internal hierarchy. Binary {@code 0x6E}. */
    ANY(0x6E, "any"),
    /** {@code eq}: references comparable with {@code ref.eq} (i31, structs, arrays). Binary {@code 0x6D}. */
    EQ(0x6D, "eq"),
    /** {@code i31}: an unboxed 31-bit integer. Binary {@code 0x6C}. */
    I31(0x6C, "i31"),
    /** {@code struct}: any GC struct. Binary {@code 0x6B}. */
    STRUCT(0x6B, "struct"),
    /** {@code array}: any GC array. Binary {@code 0x6A}. */
    ARRAY(0x6A, "array"),
    /** {@code exn}: an exception; top of the exception hierarchy. Binary {@code 0x69}. */
    EXN(0x69, "exn"),
    /** {@code none}: bottom of the internal hierarchy, with no values but null. Binary {@code 0x71}. */
    NONE(0x71, "none"),
    /** {@code noextern}: bottom of the external hierarchy. Binary {@code 0x72}. */
    NOEXTERN(0x72, "noextern"),
    /** {@code nofunc}: bottom of the function hierarchy. Binary {@code 0x73}. */
    NOFUNC(0x73, "nofunc"),
    /** {@code noexn}: bottom of the exception hierarchy. Binary {@code 0x74}. */
    NOEXN(0x74, "noexn");

    private static final AbsHeapType[] BY_CODE = new AbsHeapType[0x80];

    static {
        for (AbsHeapType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final String text;

    AbsHeapType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** {@return the byte that encodes this heap type in the binary format} */
    public int code() {
        return code;
    }

    /** {@return the keyword of this heap type in the text format, e.g. {@code "func"}} */
    public String text() {
        return text;
    }

    /**
     * The abstract heap type a byte of the binary format encodes.
     *
     * @param code a byte of the binary format; any int is accepted
     * @return the heap type, or null if {@code code} encodes none
     */
    public static AbsHeapType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** {@return the bottom type of this type's hierarchy: {@link #NONE}, {@link #NOFUNC}, {@link #NOEXTERN} or {@link #NOEXN}} */
    public AbsHeapType bottom() {
        return switch (this) {
            case FUNC, NOFUNC -> NOFUNC;
            case EXTERN, NOEXTERN -> NOEXTERN;
            case EXN, NOEXN -> NOEXN;
            default -> NONE;
        };
    }

    /** {@return the top type of this type's hierarchy: {@link #ANY}, {@link #FUNC}, {@link #EXTERN} or {@link #EXN}} */
    public AbsHeapType top() {
        return switch (this) {
            case FUNC, NOFUNC -> FUNC;
            case EXTERN, NOEXTERN -> EXTERN;
            case EXN, NOEXN -> EXN;
            default -> ANY;
        };
    }

    /** {@return the text-format keyword, as {@link #text()}} */
    @Override
    public String toString() {
        return text;
    }
}
