package dev.ligature.core.valid;

import static dev.ligature.core.valid.TypeCodes.*;

import dev.ligature.core.InvalidModuleException;
import dev.ligature.core.types.ArrayType;
import dev.ligature.core.types.CompType;
import dev.ligature.core.types.FieldType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.HeapType;
import dev.ligature.core.types.PackedType;
import dev.ligature.core.types.RecType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.StorageType;
import dev.ligature.core.types.StructType;
import dev.ligature.core.types.SubType;
import dev.ligature.core.types.TypeIndex;
import dev.ligature.core.types.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated type section of one module: each type index's canonical id (iso-recursive
 * equivalence through a {@link TypeRegistry}), declared supertype, and its composite type
 * pre-encoded as {@link TypeCodes} so that subtyping checks on hot paths allocate nothing.
 * Building one validates the type section (unknown type indices, supertype rules).
 */
public final class TypeContext {
    /** Storage codes of packed fields (never on the operand stack). */
    public static final int S_I8 = 6, S_I16 = 7;

    private final TypeRegistry registry;
    private final SubType[] types;
    private final int[] canon;
    private final int[] superIdx;
    private final int[] kind;
    /** Function types: parameter and result codes. Struct: field storage codes in params; array: one. */
    private final int[][] params;
    private final int[][] results;
    private final boolean[][] mutable;

    private TypeContext(TypeRegistry registry, int n) {
        this.registry = registry;
        types = new SubType[n];
        canon = new int[n];
        superIdx = new int[n];
        kind = new int[n];
        params = new int[n][];
        results = new int[n][];
        mutable = new boolean[n][];
    }

    /** Validates {@code recTypes} (a module's type section) and canonicalises it in {@code registry}. */
    public static TypeContext build(List<RecType> recTypes, TypeRegistry registry) {
        int n = 0;
        for (RecType r : recTypes) {
            n += r.members().size();
        }
        TypeContext c = new TypeContext(registry, n);
        int base = 0;
        for (RecType r : recTypes) {
            c.addGroup(r.members(), base);
            base += r.members().size();
        }
        return c;
    }

    private void addGroup(List<SubType> members, int base) {
        int end = base + members.size();
        for (int j = 0; j < members.size(); j++) {
            SubType s = members.get(j);
            int idx = base + j;
            types[idx] = s;
            if (s.supertypes().size() > 1) {
                throw InvalidModuleException.of("sub type " + idx + " has more than one supertype");
            }
            superIdx[idx] = -1;
            for (int sup : s.supertypes()) {
                if (sup < 0 || sup >= idx) {
                    throw InvalidModuleException.of("unknown type " + sup);
                }
                superIdx[idx] = sup;
            }
            encodeComp(idx, s.comp(), end);
        }
        List<SubType> key = new ArrayList<>(members.size());
        for (SubType s : members) {
            key.add(rewrite(s, base, end));
        }
        int id = registry.intern(key);
        for (int j = 0; j < members.size(); j++) {
            canon[base + j] = id + j;
        }
        for (int j = 0; j < members.size(); j++) {
            int idx = base + j;
            int sup = superIdx[idx];
            if (sup >= 0 && (types[sup].isFinal() || !compSub(idx, sup))) {
                throw InvalidModuleException.of("sub type " + idx + " does not match super type " + sup);
            }
        }
    }

    private void encodeComp(int idx, CompType comp, int limit) {
        switch (comp) {
            case FuncType f -> {
                kind[idx] = TypeRegistry.KIND_FUNC;
                params[idx] = codes(f.params(), limit);
                results[idx] = codes(f.results(), limit);
            }
            case StructType s -> {
                kind[idx] = TypeRegistry.KIND_STRUCT;
                int[] fs = new int[s.fields().size()];
                boolean[] mut = new boolean[fs.length];
                for (int i = 0; i < fs.length; i++) {
                    FieldType f = s.fields().get(i);
                    fs[i] = storageCode(f.storage(), limit);
                    mut[i] = f.mutable();
                }
                params[idx] = fs;
                mutable[idx] = mut;
            }
            case ArrayType a -> {
                kind[idx] = TypeRegistry.KIND_ARRAY;
                params[idx] = new int[] {storageCode(a.element().storage(), limit)};
                mutable[idx] = new boolean[] {a.element().mutable()};
            }
        }
    }

    private int[] codes(List<ValType> ts, int limit) {
        int[] out = new int[ts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = code(ts.get(i), limit);
        }
        return out;
    }

    private static int storageCode(StorageType s, int limit) {
        if (s instanceof PackedType p) {
            return p == PackedType.I8 ? S_I8 : S_I16;
        }
        return code((ValType) s, limit);
    }

    private static int code(ValType t, int limit) {
        if (t instanceof RefType r && r.heap() instanceof TypeIndex i && (i.index() < 0 || i.index() >= limit)) {
            throw InvalidModuleException.of("unknown type " + i.index());
        }
        return TypeCodes.of(t);
    }

    // ---- canonical keys

    private SubType rewrite(SubType s, int base, int end) {
        List<Integer> sups = new ArrayList<>(s.supertypes().size());
        for (int sup : s.supertypes()) {
            sups.add(mapIndex(sup, base, end));
        }
        CompType comp = switch (s.comp()) {
            case FuncType f -> new FuncType(rewriteAll(f.params(), base, end), rewriteAll(f.results(), base, end));
            case StructType st -> {
                List<FieldType> fs = new ArrayList<>(st.fields().size());
                for (FieldType f : st.fields()) {
                    fs.add(rewrite(f, base, end));
                }
                yield new StructType(fs);
            }
            case ArrayType a -> new ArrayType(rewrite(a.element(), base, end));
        };
        return new SubType(s.isFinal(), sups, comp);
    }

    private int mapIndex(int i, int base, int end) {
        return i >= base && i < end ? -1 - (i - base) : canon[i];
    }

    private List<ValType> rewriteAll(List<ValType> ts, int base, int end) {
        List<ValType> out = new ArrayList<>(ts.size());
        for (ValType t : ts) {
            out.add(rewrite(t, base, end));
        }
        return out;
    }

    private FieldType rewrite(FieldType f, int base, int end) {
        return f.storage() instanceof ValType v ? new FieldType(rewrite(v, base, end), f.mutable()) : f;
    }

    private ValType rewrite(ValType t, int base, int end) {
        if (t instanceof RefType r && r.heap() instanceof TypeIndex i) {
            return new RefType(r.nullable(), new TypeIndex(mapIndex(i.index(), base, end)));
        }
        return t;
    }

    // ---- queries

    /** Number of types in the module's type index space. */
    public int size() {
        return types.length;
    }

    public TypeRegistry registry() {
        return registry;
    }

    public SubType subType(int idx) {
        return types[idx];
    }

    /** Canonical id of type {@code idx} in the registry: equal ids mean equivalent types. */
    public int canonicalId(int idx) {
        return canon[idx];
    }

    /** Declared supertype index, or -1. */
    public int supertype(int idx) {
        return superIdx[idx];
    }

    /** {@link TypeRegistry#KIND_FUNC}, {@code KIND_STRUCT} or {@code KIND_ARRAY}. */
    public int kind(int idx) {
        return kind[idx];
    }

    public boolean isFunc(int idx) {
        return idx >= 0 && idx < types.length && kind[idx] == TypeRegistry.KIND_FUNC;
    }

    public boolean isStruct(int idx) {
        return idx >= 0 && idx < types.length && kind[idx] == TypeRegistry.KIND_STRUCT;
    }

    public boolean isArray(int idx) {
        return idx >= 0 && idx < types.length && kind[idx] == TypeRegistry.KIND_ARRAY;
    }

    /** Parameter codes of function type {@code idx}; callers must not modify the array. */
    public int[] params(int idx) {
        return params[idx];
    }

    /** Result codes of function type {@code idx}; callers must not modify the array. */
    public int[] results(int idx) {
        return results[idx];
    }

    /** Storage codes of the fields of struct type {@code idx} (one element for an array type). */
    public int[] fields(int idx) {
        return params[idx];
    }

    /** Mutability of the fields of struct type {@code idx} (one element for an array type). */
    public boolean[] mutability(int idx) {
        return mutable[idx];
    }

    /** The code of {@code t}, checking that a type index names a type of this module. */
    public int code(ValType t) {
        return code(t, types.length);
    }

    /** The heap code of {@code h}, checking that a type index names a type of this module. */
    public int heapCode(HeapType h) {
        if (h instanceof TypeIndex i && (i.index() < 0 || i.index() >= types.length)) {
            throw InvalidModuleException.of("unknown type " + i.index());
        }
        return TypeCodes.heapCode(h);
    }

    /** Whether value type {@code a} matches (is a subtype of) {@code b}. */
    public boolean matches(ValType a, ValType b) {
        return valSub(code(a), code(b));
    }

    /** The type a value of storage code {@code s} has on the operand stack. */
    public static int unpacked(int s) {
        return s == S_I8 || s == S_I16 ? I32 : s;
    }

    // ---- subtyping on codes

    /** Whether value type code {@code a} is a subtype of {@code b}. */
    public boolean valSub(int a, int b) {
        if (a == b || a == BOT) {
            return true;
        }
        if (!isRef(a) || !isRef(b)) {
            return false;
        }
        if (isNullable(a) && !isNullable(b)) {
            return false;
        }
        return heapSub(heap(a), heap(b));
    }

    /** Whether heap code {@code a} is a subtype of {@code b}. */
    public boolean heapSub(int a, int b) {
        if (a == b || a == H_BOT) {
            return true;
        }
        if (isConcrete(b)) {
            int tb = typeIndex(b);
            if (isConcrete(a)) {
                int want = canon[tb];
                for (int t = typeIndex(a); t >= 0; t = superIdx[t]) {
                    if (canon[t] == want) {
                        return true;
                    }
                }
                return false;
            }
            return switch (kind[tb]) {
                case TypeRegistry.KIND_FUNC -> a == H_NOFUNC;
                default -> a == H_NONE;
            };
        }
        if (isConcrete(a)) {
            return switch (kind[typeIndex(a)]) {
                case TypeRegistry.KIND_FUNC -> b == H_FUNC;
                case TypeRegistry.KIND_STRUCT -> b == H_STRUCT || b == H_EQ || b == H_ANY;
                default -> b == H_ARRAY || b == H_EQ || b == H_ANY;
            };
        }
        return switch (a) {
            case H_NONE -> b == H_ANY || b == H_EQ || b == H_I31 || b == H_STRUCT || b == H_ARRAY;
            case H_I31, H_STRUCT, H_ARRAY -> b == H_EQ || b == H_ANY;
            case H_EQ -> b == H_ANY;
            case H_NOFUNC -> b == H_FUNC;
            case H_NOEXTERN -> b == H_EXTERN;
            case H_NOEXN -> b == H_EXN;
            default -> false;
        };
    }

    /** The top heap type (any, func, extern or exn) of the hierarchy of heap code {@code h}. */
    public int top(int h) {
        if (isConcrete(h)) {
            return kind[typeIndex(h)] == TypeRegistry.KIND_FUNC ? H_FUNC : H_ANY;
        }
        return switch (h) {
            case H_FUNC, H_NOFUNC -> H_FUNC;
            case H_EXTERN, H_NOEXTERN -> H_EXTERN;
            case H_EXN, H_NOEXN -> H_EXN;
            case H_BOT -> H_BOT;
            default -> H_ANY;
        };
    }

    private boolean storageSub(int a, int b) {
        if (a == S_I8 || a == S_I16 || b == S_I8 || b == S_I16) {
            return a == b;
        }
        return valSub(a, b);
    }

    /** Field rule: immutable fields are covariant, mutable ones invariant. */
    public boolean fieldSub(int sa, boolean ma, int sb, boolean mb) {
        if (ma != mb) {
            return false;
        }
        return storageSub(sa, sb) && (!ma || storageSub(sb, sa));
    }

    /** Whether storage code {@code a} can be stored where {@code b} is expected (array.copy). */
    public boolean storageMatches(int a, int b) {
        return storageSub(a, b);
    }

    /** Structural subtyping of the composite types of {@code sub} and {@code sup}. */
    private boolean compSub(int sub, int sup) {
        if (kind[sub] != kind[sup]) {
            return false;
        }
        if (kind[sub] == TypeRegistry.KIND_FUNC) {
            return allSub(params[sup], params[sub]) && allSub(results[sub], results[sup]);
        }
        int[] fa = params[sub];
        int[] fb = params[sup];
        if (fa.length < fb.length || (kind[sub] == TypeRegistry.KIND_ARRAY && fa.length != fb.length)) {
            return false;
        }
        for (int i = 0; i < fb.length; i++) {
            if (!fieldSub(fa[i], mutable[sub][i], fb[i], mutable[sup][i])) {
                return false;
            }
        }
        return true;
    }

    /** Pointwise subtyping of two code sequences of equal length. */
    public boolean allSub(int[] a, int[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!valSub(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }
}
