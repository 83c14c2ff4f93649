package dev.ligature.core.valid;

import static dev.ligature.core.types.NumType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.ArrayType;
import dev.ligature.core.types.FieldType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.PackedType;
import dev.ligature.core.types.RecType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.StructType;
import dev.ligature.core.types.SubType;
import dev.ligature.core.types.TypeIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypesTest {
    private static RefType ref(boolean nullable, int idx) {
        return new RefType(nullable, new TypeIndex(idx));
    }

    private static RefType ref(boolean nullable, AbsHeapType h) {
        return new RefType(nullable, h);
    }

    private static SubType open(int sup, dev.ligature.core.types.CompType c) {
        return new SubType(false, sup < 0 ? List.of() : List.of(sup), c);
    }

    private static TypeContext ctx(RecType... groups) {
        return TypeContext.build(List.of(groups), new TypeRegistry());
    }

    @Test
    void equalRecGroupsShareCanonicalIds() {
        // Two structurally identical self-recursive groups, and one that differs.
        SubType list = SubType.of(new StructType(List.of(new FieldType(ref(true, 0), false))));
        SubType list2 = SubType.of(new StructType(List.of(new FieldType(ref(true, 1), false))));
        SubType other = SubType.of(new StructType(List.of(new FieldType(I32, false))));
        TypeContext c = ctx(RecType.of(list), RecType.of(list2), RecType.of(other));
        assertEquals(c.canonicalId(0), c.canonicalId(1));
        assertNotEquals(c.canonicalId(0), c.canonicalId(2));
        assertTrue(c.matches(ref(false, 0), ref(true, 1)));
    }

    @Test
    void groupsAreComparedAsAWhole() {
        SubType a = SubType.of(new FuncType(List.of(), List.of()));
        SubType b = SubType.of(new FuncType(List.of(I32), List.of()));
        TypeContext c = ctx(new RecType(List.of(a, b)), RecType.of(a), new RecType(List.of(a, b)));
        assertNotEquals(c.canonicalId(0), c.canonicalId(2));
        assertEquals(c.canonicalId(0), c.canonicalId(3));
        assertEquals(c.canonicalId(1), c.canonicalId(4));
    }

    @Test
    void sharedRegistryCanonicalisesAcrossModules() {
        TypeRegistry reg = new TypeRegistry();
        SubType f = SubType.of(new FuncType(List.of(I64), List.of(I32)));
        TypeContext one = TypeContext.build(List.of(RecType.of(SubType.of(new ArrayType(new FieldType(I32, true)))),
                RecType.of(f)), reg);
        TypeContext two = TypeContext.build(List.of(RecType.of(f)), reg);
        assertEquals(one.canonicalId(1), two.canonicalId(0));
    }

    @Test
    void abstractHeapSubtyping() {
        TypeContext c = ctx();
        assertTrue(c.matches(ref(false, AbsHeapType.I31), RefType.ANYREF));
        assertTrue(c.matches(ref(true, AbsHeapType.NONE), ref(true, AbsHeapType.STRUCT)));
        assertTrue(c.matches(ref(true, AbsHeapType.NOFUNC), RefType.FUNCREF));
        assertFalse(c.matches(RefType.FUNCREF, RefType.ANYREF));
        assertFalse(c.matches(RefType.ANYREF, ref(false, AbsHeapType.ANY)));
        assertFalse(c.matches(RefType.EXTERNREF, RefType.ANYREF));
        assertTrue(c.matches(ref(true, AbsHeapType.NOEXN), RefType.EXNREF));
        assertFalse(c.matches(I32, I64));
    }

    @Test
    void concreteHeapSubtypingFollowsDeclaredSupertypes() {
        SubType base = open(-1, new StructType(List.of(new FieldType(I32, false))));
        SubType derived = open(0, new StructType(List.of(new FieldType(I32, false), new FieldType(I64, true))));
        SubType fn = SubType.of(new FuncType(List.of(), List.of()));
        TypeContext c = ctx(RecType.of(base), RecType.of(derived), RecType.of(fn));
        assertTrue(c.matches(ref(false, 1), ref(true, 0)));
        assertFalse(c.matches(ref(false, 0), ref(true, 1)));
        assertTrue(c.matches(ref(false, 1), ref(false, AbsHeapType.EQ)));
        assertTrue(c.matches(ref(true, AbsHeapType.NONE), ref(true, 1)));
        assertTrue(c.matches(ref(false, 2), RefType.FUNCREF));
        assertFalse(c.matches(ref(false, 2), RefType.ANYREF));
        assertTrue(c.matches(ref(true, AbsHeapType.NOFUNC), ref(true, 2)));
        assertFalse(c.matches(ref(true, AbsHeapType.NONE), ref(true, 2)));
    }

    @Test
    void invalidSubtypeDeclarations() {
        TestModule m = TestModule.module();
        m.type(new FuncType(List.of(), List.of()));
        m.rec(open(0, new FuncType(List.of(), List.of())));
        m.assertInvalid("sub type");

        TestModule kinds = TestModule.module();
        kinds.rec(open(-1, new ArrayType(new FieldType(I32, false))));
        kinds.rec(open(0, new StructType(List.of())));
        kinds.assertInvalid("sub type");

        TestModule mut = TestModule.module();
        mut.rec(open(-1, new ArrayType(new FieldType(RefType.ANYREF, true))));
        mut.rec(open(0, new ArrayType(new FieldType(new RefType(true, AbsHeapType.NONE), true))));
        mut.assertInvalid("sub type");

        TestModule params = TestModule.module();
        params.rec(open(-1, new FuncType(List.of(RefType.ANYREF), List.of())));
        params.rec(open(0, new FuncType(List.of(new RefType(true, AbsHeapType.EQ)), List.of())));
        params.assertInvalid("sub type");

        TestModule contravariant = TestModule.module();
        contravariant.rec(open(-1, new FuncType(List.of(new RefType(true, AbsHeapType.EQ)), List.of(RefType.ANYREF))));
        contravariant.rec(open(0, new FuncType(List.of(RefType.ANYREF), List.of(new RefType(false, AbsHeapType.I31)))));
        contravariant.assertValid();

        TestModule packed = TestModule.module();
        packed.rec(open(-1, new StructType(List.of(new FieldType(PackedType.I8, false)))));
        packed.rec(open(0, new StructType(List.of(new FieldType(PackedType.I16, false)))));
        packed.assertInvalid("sub type");
    }

    @Test
    void unknownTypeIndices() {
        TestModule m = TestModule.module();
        m.type(new StructType(List.of(new FieldType(ref(true, 3), false))));
        m.assertInvalid("unknown type");

        TestModule forward = TestModule.module();
        forward.rec(open(1, new StructType(List.of())), open(-1, new StructType(List.of())));
        forward.assertInvalid("unknown type");

        // Within a group, members may refer to each other.
        TestModule mutual = TestModule.module();
        mutual.rec(SubType.of(new StructType(List.of(new FieldType(ref(true, 1), false)))),
                SubType.of(new StructType(List.of(new FieldType(ref(true, 0), false)))));
        mutual.assertValid();

        TestModule fn = TestModule.module();
        fn.func(1, Code.code());
        fn.assertInvalid("unknown type");
        TestModule notFunc = TestModule.module();
        int s = notFunc.type(new StructType(List.of()));
        notFunc.func(s, Code.code());
        notFunc.assertInvalid("type mismatch");
    }
}
