package dev.ligature.core.text;

import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.ArrayType;
import dev.ligature.core.types.CompType;
import dev.ligature.core.types.FieldType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.HeapType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.PackedType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.StorageType;
import dev.ligature.core.types.StructType;
import dev.ligature.core.types.SubType;
import dev.ligature.core.types.TypeIndex;
import dev.ligature.core.types.ValType;
import dev.ligature.core.types.VecType;
import java.util.ArrayList;
import java.util.List;

/** Value, reference, heap and defined types of the text format, and type uses. */
final class TypeParser {
    private final ModuleScope m;
    private final Tokens t;

    TypeParser(ModuleScope m) {
        this.m = m;
        this.t = m.t;
    }

    /** A type use's outcome: the type index, its signature when known, and the parameters' id tokens. */
    record TypeUse(int index, FuncType sig, int[] paramIds) {}

    /** Whether the cursor stands at a value type. */
    boolean atValType() {
        if (t.at(Lexer.KEYWORD)) {
            return simpleValType(t.text()) != null;
        }
        return t.atForm("ref");
    }

    ValType valType() {
        if (t.at(Lexer.KEYWORD)) {
            ValType v = simpleValType(t.text());
            if (v == null) {
                throw t.error("unknown operator " + t.text());
            }
            t.p++;
            return v;
        }
        return refTypeForm();
    }

    RefType refType() {
        if (t.at(Lexer.KEYWORD)) {
            RefType r = refAbbreviation(t.text());
            if (r == null) {
                throw t.unexpected();
            }
            t.p++;
            return r;
        }
        return refTypeForm();
    }

    boolean atRefType() {
        return t.at(Lexer.KEYWORD) ? refAbbreviation(t.text()) != null : t.atForm("ref");
    }

    private RefType refTypeForm() {
        t.openForm("ref");
        boolean nullable = t.takeKeyword("null");
        HeapType h = heapType();
        t.rparen();
        return new RefType(nullable, h);
    }

    HeapType heapType() {
        if (t.at(Lexer.KEYWORD)) {
            AbsHeapType a = absHeapType(t.text());
            if (a == null) {
                throw t.unexpected();
            }
            t.p++;
            return a;
        }
        if (!t.atIndex()) {
            throw t.unexpected();
        }
        return new TypeIndex(m.types.resolve(t, "unknown type"));
    }

    static AbsHeapType absHeapType(String s) {
        for (AbsHeapType a : AbsHeapType.values()) {
            if (a.text().equals(s)) {
                return a;
            }
        }
        return null;
    }

    private static ValType simpleValType(String s) {
        return switch (s) {
            case "i32" -> NumType.I32;
            case "i64" -> NumType.I64;
            case "f32" -> NumType.F32;
            case "f64" -> NumType.F64;
            case "v128" -> VecType.V128;
            default -> refAbbreviation(s);
        };
    }

    static RefType refAbbreviation(String s) {
        if (!s.endsWith("ref")) {
            return null;
        }
        String h = s.substring(0, s.length() - 3);
        AbsHeapType a = switch (h) {
            case "null" -> AbsHeapType.NONE;
            case "nullfunc" -> AbsHeapType.NOFUNC;
            case "nullextern" -> AbsHeapType.NOEXTERN;
            case "nullexn" -> AbsHeapType.NOEXN;
            case "none", "nofunc", "noextern", "noexn" -> null;
            default -> absHeapType(h);
        };
        return a == null ? null : new RefType(true, a);
    }

    StorageType storageType() {
        if (t.atKeyword("i8")) {
            t.p++;
            return PackedType.I8;
        }
        if (t.atKeyword("i16")) {
            t.p++;
            return PackedType.I16;
        }
        return valType();
    }

    FieldType fieldType() {
        if (t.atForm("mut")) {
            t.p += 2;
            StorageType s = storageType();
            t.rparen();
            return new FieldType(s, true);
        }
        return new FieldType(storageType(), false);
    }

    /** A type definition's body after {@code (type $id?}: a sub type or a bare composite type. */
    SubType subType(int typeIndex) {
        if (t.atForm("sub")) {
            t.p += 2;
            boolean fin = t.takeKeyword("final");
            List<Integer> supers = new ArrayList<>();
            while (t.atIndex()) {
                supers.add(m.types.resolve(t, "unknown type"));
            }
            CompType c = compType(typeIndex);
            t.rparen();
            return new SubType(fin, supers, c);
        }
        return SubType.of(compType(typeIndex));
    }

    private CompType compType(int typeIndex) {
        if (t.atForm("func")) {
            t.p += 2;
            FuncType ft = signature(null, true);
            t.rparen();
            return ft;
        }
        if (t.atForm("struct")) {
            t.p += 2;
            IdSpace names = new IdSpace("field");
            List<FieldType> fields = new ArrayList<>();
            while (t.atForm("field")) {
                t.p += 2;
                int id = t.optId();
                if (id >= 0) {
                    names.define(t, id);
                    fields.add(fieldType());
                } else {
                    while (!t.at(Lexer.RPAREN)) {
                        names.define(t, -1);
                        fields.add(fieldType());
                    }
                }
                t.rparen();
            }
            t.rparen();
            m.fieldNames.put(typeIndex, names);
            return new StructType(fields);
        }
        if (t.atForm("array")) {
            t.p += 2;
            FieldType f = fieldType();
            t.rparen();
            return new ArrayType(f);
        }
        throw t.unexpected();
    }

    /**
     * {@code (param ...)* (result ...)*}. Parameter ids are allowed when {@code allowNames}; their
     * tokens (or -1) go to {@code paramIds} when it is not null.
     */
    FuncType signature(List<Integer> paramIds, boolean allowNames) {
        List<ValType> params = new ArrayList<>();
        List<ValType> results = new ArrayList<>();
        while (t.atForm("param")) {
            t.p += 2;
            if (t.at(Lexer.ID)) {
                if (!allowNames) {
                    throw t.unexpected();
                }
                int id = t.p++;
                params.add(valType());
                if (paramIds != null) {
                    paramIds.add(id);
                }
            } else {
                while (!t.at(Lexer.RPAREN)) {
                    params.add(valType());
                    if (paramIds != null) {
                        paramIds.add(-1);
                    }
                }
            }
            t.rparen();
        }
        while (t.atForm("result")) {
            t.p += 2;
            while (!t.at(Lexer.RPAREN)) {
                results.add(valType());
            }
            t.rparen();
        }
        if (t.atForm("param") || t.atForm("type")) {
            throw t.unexpected(); // the order is (type)? (param)* (result)*
        }
        return new FuncType(params, results);
    }

    /**
     * A type use: {@code (type x)?} followed by an inline signature that, when both are present,
     * must equal type x ("inline function type"); alone, the signature names an existing type or
     * adds one.
     */
    TypeUse typeUse(boolean allowNames) {
        int explicit = -1;
        boolean hasExplicit = false; // an index may be 0xffffffff, so -1 cannot mean "none"
        int typeToken = t.p;
        if (t.atForm("type")) {
            hasExplicit = true;
            t.p += 2;
            typeToken = t.p;
            explicit = m.types.resolve(t, "unknown type");
            t.rparen();
        }
        boolean inline = t.atForm("param") || t.atForm("result");
        List<Integer> ids = new ArrayList<>();
        FuncType sig = signature(ids, allowNames);
        int[] idArray = ids.stream().mapToInt(Integer::intValue).toArray();
        if (hasExplicit) {
            FuncType declared = m.funcTypeAt(explicit);
            if (inline) {
                if (explicit < 0 || explicit >= m.subTypes.size()) {
                    throw t.error("unknown type", typeToken);
                }
                if (!sig.equals(declared)) {
                    throw t.error("inline function type", typeToken);
                }
                return new TypeUse(explicit, sig, idArray);
            }
            int n = declared == null ? 0 : declared.params().size();
            int[] anon = new int[n];
            java.util.Arrays.fill(anon, -1);
            return new TypeUse(explicit, declared, anon);
        }
        return new TypeUse(m.funcTypeIndex(sig), sig, idArray);
    }
}
