package dev.ligature.core.types;

/** The abstract heap types, with their binary encodings (also the shorthand reference types). */
public enum AbsHeapType implements HeapType {
    FUNC(0x70, "func"),
    EXTERN(0x6F, "extern"),
    ANY(0x6E, "any"),
    EQ(0x6D, "eq"),
    I31(0x6C, "i31"),
    STRUCT(0x6B, "struct"),
    ARRAY(0x6A, "array"),
    EXN(0x69, "exn"),
    NONE(0x71, "none"),
    NOEXTERN(0x72, "noextern"),
    NOFUNC(0x73, "nofunc"),
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

    public int code() {
        return code;
    }

    /** The keyword of this heap type in the text format. */
    public String text() {
        return text;
    }

    /** The abstract heap type encoded by {@code code}, or null if the byte encodes none. */
    public static AbsHeapType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The bottom type of this type's hierarchy (none, nofunc, noextern or noexn). */
    public AbsHeapType bottom() {
        return switch (this) {
            case FUNC, NOFUNC -> NOFUNC;
            case EXTERN, NOEXTERN -> NOEXTERN;
            case EXN, NOEXN -> NOEXN;
            default -> NONE;
        };
    }

    /** The top type of this type's hierarchy (any, func, extern or exn). */
    public AbsHeapType top() {
        return switch (this) {
            case FUNC, NOFUNC -> FUNC;
            case EXTERN, NOEXTERN -> EXTERN;
            case EXN, NOEXN -> EXN;
            default -> ANY;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
