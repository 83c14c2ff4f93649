package dev.ligature.core.engine;

import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.ValType;
import dev.ligature.core.types.VecType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The typed forms of calls between Java and Wasm: boxed calls checked on every call, views through
 * functional interfaces checked once, and the Wasm types of Java methods for host functions. Not API.
 */
public final class TypedCalls {
    private TypedCalls() {}

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle CALL_SLOTS;
    private static final MethodHandle FROM_INT;
    private static final MethodHandle FROM_FLOAT;
    private static final MethodHandle FROM_DOUBLE;
    private static final MethodHandle TO_INT;
    private static final MethodHandle TO_LONG;
    private static final MethodHandle TO_FLOAT;
    private static final MethodHandle TO_DOUBLE;

    static {
        try {
            CALL_SLOTS = LOOKUP.findVirtual(EngineFunction.class, "call", MethodType.methodType(long[].class, long[].class))
                    .asFixedArity();
            FROM_INT = LOOKUP.findStatic(TypedCalls.class, "fromInt", MethodType.methodType(long.class, int.class));
            FROM_FLOAT = LOOKUP.findStatic(TypedCalls.class, "fromFloat", MethodType.methodType(long.class, float.class));
            FROM_DOUBLE = LOOKUP.findStatic(TypedCalls.class, "fromDouble", MethodType.methodType(long.class, double.class));
            TO_INT = LOOKUP.findStatic(TypedCalls.class, "toInt", MethodType.methodType(int.class, long[].class));
            TO_LONG = LOOKUP.findStatic(TypedCalls.class, "toLong", MethodType.methodType(long.class, long[].class));
            TO_FLOAT = LOOKUP.findStatic(TypedCalls.class, "toFloat", MethodType.methodType(float.class, long[].class));
            TO_DOUBLE = LOOKUP.findStatic(TypedCalls.class, "toDouble", MethodType.methodType(double.class, long[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static long fromInt(int v) {
        return v;
    }

    private static long fromFloat(float v) {
        return Values.f32(v);
    }

    private static long fromDouble(double v) {
        return Values.f64(v);
    }

    private static int toInt(long[] r) {
        return (int) r[0];
    }

    private static long toLong(long[] r) {
        return r[0];
    }

    private static float toFloat(long[] r) {
        return Values.asF32(r[0]);
    }

    private static double toDouble(long[] r) {
        return Values.asF64(r[0]);
    }

    /** The Java type a number type takes in typed views and typed host functions. */
    static Class<?> javaType(ValType t) {
        if (t == NumType.I32) {
            return int.class;
        } else if (t == NumType.I64) {
            return long.class;
        } else if (t == NumType.F32) {
            return float.class;
        } else if (t == NumType.F64) {
            return double.class;
        }
        return null;
    }

    /** The Wasm number type of a Java primitive, or null. */
    static ValType wasmType(Class<?> c) {
        if (c == int.class) {
            return NumType.I32;
        } else if (c == long.class) {
            return NumType.I64;
        } else if (c == float.class) {
            return NumType.F32;
        } else if (c == double.class) {
            return NumType.F64;
        }
        return null;
    }

    /** The one abstract method of a functional interface. */
    public static Method functionalMethod(Class<?> iface) {
        if (iface == null || !iface.isInterface()) {
            throw new IllegalArgumentException((iface == null ? "null" : iface.getName()) + " is not an interface");
        }
        Method found = null;
        for (Method m : iface.getMethods()) {
            if (!Modifier.isAbstract(m.getModifiers()) || isObjectMethod(m)) {
                continue;
            }
            if (found != null) {
                throw new IllegalArgumentException(iface.getName() + " has more than one abstract method");
            }
            found = m;
        }
        if (found == null) {
            throw new IllegalArgumentException(iface.getName() + " has no abstract method");
        }
        return found;
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String javaSignature(Method m) {
        StringBuilder b = new StringBuilder(m.getDeclaringClass().getSimpleName()).append('.').append(m.getName()).append('(');
        Class<?>[] ps = m.getParameterTypes();
        for (int i = 0; i < ps.length; i++) {
            b.append(i == 0 ? "" : ", ").append(ps[i].getSimpleName());
        }
        return b.append(") -> ").append(m.getReturnType().getSimpleName()).toString();
    }

    /** A view of {@code f} through {@code iface}, whose method must match f's type exactly. */
    public static <T> T view(EngineFunction f, Class<T> iface) {
        Method m = functionalMethod(iface);
        FuncType type = f.type();
        Class<?>[] ps = m.getParameterTypes();
        boolean fits = ps.length == type.params().size() && type.results().size() <= 1;
        for (int i = 0; fits && i < ps.length; i++) {
            fits = ps[i] == javaType(type.params().get(i));
        }
        Class<?> ret = m.getReturnType();
        fits = fits && (type.results().isEmpty() ? ret == void.class : ret == javaType(type.results().get(0)));
        if (!fits) {
            throw new IllegalArgumentException(javaSignature(m) + " does not match " + f.name() + type
                    + " (typed views take i32 as int, i64 as long, f32 as float, f64 as double, at most one result)");
        }
        MethodHandle h = CALL_SLOTS.bindTo(f).asCollector(long[].class, ps.length);
        MethodHandle[] filters = new MethodHandle[ps.length];
        for (int i = 0; i < ps.length; i++) {
            ValType p = type.params().get(i);
            filters[i] = p == NumType.I32 ? FROM_INT : p == NumType.F32 ? FROM_FLOAT : p == NumType.F64 ? FROM_DOUBLE : null;
        }
        h = MethodHandles.filterArguments(h, 0, filters);
        if (ret == void.class) {
            h = h.asType(h.type().changeReturnType(void.class));
        } else {
            ValType r = type.results().get(0);
            h = MethodHandles.filterReturnValue(h,
                    r == NumType.I32 ? TO_INT : r == NumType.I64 ? TO_LONG : r == NumType.F32 ? TO_FLOAT : TO_DOUBLE);
        }
        return MethodHandleProxies.asInterfaceInstance(iface, h);
    }

    /** A call with boxed arguments, each checked against the parameter's type. */
    public static Object[] callValues(EngineFunction f, Object... args) {
        FuncType type = f.type();
        List<ValType> params = type.params();
        if (args == null) {
            args = new Object[] {null};
        }
        if (args.length != params.size()) {
            throw new IllegalArgumentException(f.name() + " " + type + ": expected " + params.size() + " argument"
                    + (params.size() == 1 ? "" : "s") + ", got " + args.length);
        }
        long[] slots = new long[f.paramSlots()];
        Object[] refs = new Object[slots.length];
        int s = 0;
        for (int i = 0; i < args.length; i++) {
            ValType p = params.get(i);
            Object a = args[i];
            if (p instanceof RefType r) {
                if (a == null && !r.nullable()) {
                    throw argument(f, i, p, a);
                }
                if (a != null && r.heap() == AbsHeapType.FUNC && !(a instanceof WasmFunction)) {
                    throw argument(f, i, p, a);
                }
                refs[s++] = a;
            } else if (p == VecType.V128) {
                if (!(a instanceof long[] v) || v.length != 2) {
                    throw argument(f, i, p, a);
                }
                slots[s++] = v[0];
                slots[s++] = v[1];
            } else {
                slots[s++] = toSlot(f, i, p, a);
            }
        }
        long[] results = new long[f.resultSlots()];
        Object[] resultRefs = new Object[results.length];
        f.call(null, slots, refs, results, resultRefs);
        List<ValType> rs = type.results();
        Object[] out = new Object[rs.size()];
        s = 0;
        for (int i = 0; i < out.length; i++) {
            ValType r = rs.get(i);
            if (r instanceof RefType) {
                out[i] = resultRefs[s++];
            } else if (r == VecType.V128) {
                out[i] = new long[] {results[s], results[s + 1]};
                s += 2;
            } else {
                out[i] = box(r, results[s++]);
            }
        }
        return out;
    }

    /** A slot value boxed as its Java type. */
    public static Object box(ValType t, long slot) {
        if (t == NumType.I32) {
            return (int) slot;
        } else if (t == NumType.I64) {
            return slot;
        } else if (t == NumType.F32) {
            return Values.asF32(slot);
        } else if (t == NumType.F64) {
            return Values.asF64(slot);
        }
        throw new IllegalArgumentException("not a number type: " + t);
    }

    /** The slot of a boxed number of exactly type {@code t}'s Java type (what {@link #box} gives back). */
    public static long unbox(ValType t, Object boxed) {
        if (t == NumType.I32) {
            return (Integer) boxed;
        } else if (t == NumType.I64) {
            return (Long) boxed;
        } else if (t == NumType.F32) {
            return Values.f32((Float) boxed);
        } else if (t == NumType.F64) {
            return Values.f64((Double) boxed);
        }
        throw new IllegalArgumentException("not a number type: " + t);
    }

    /** Java's widening conversions, to a number type's slot: byte/short/char/int to i32, also long to i64, and so on. */
    private static long toSlot(EngineFunction f, int i, ValType p, Object a) {
        if (p == NumType.I32) {
            if (a instanceof Integer || a instanceof Short || a instanceof Byte) {
                return ((Number) a).intValue();
            } else if (a instanceof Character c) {
                return c;
            }
        } else if (p == NumType.I64) {
            if (a instanceof Long || a instanceof Integer || a instanceof Short || a instanceof Byte) {
                return ((Number) a).longValue();
            } else if (a instanceof Character c) {
                return c;
            }
        } else if (p == NumType.F32) {
            if (a instanceof Float || a instanceof Long || a instanceof Integer || a instanceof Short || a instanceof Byte) {
                return Values.f32(((Number) a).floatValue());
            } else if (a instanceof Character c) {
                return Values.f32(c);
            }
        } else if (p == NumType.F64) {
            if (a instanceof Number n && !(n instanceof java.math.BigDecimal) && !(n instanceof java.math.BigInteger)
                    && (n instanceof Double || n instanceof Float || n instanceof Long || n instanceof Integer
                            || n instanceof Short || n instanceof Byte)) {
                return Values.f64(n.doubleValue());
            } else if (a instanceof Character c) {
                return Values.f64(c);
            }
        }
        throw argument(f, i, p, a);
    }

    private static IllegalArgumentException argument(EngineFunction f, int i, ValType p, Object a) {
        return new IllegalArgumentException(f.name() + " " + f.type() + ": argument " + i + " must be " + p + ", got "
                + (a == null ? "null" : a.getClass().getSimpleName() + " " + a));
    }

    /** A host function's Wasm type from a Java method: number parameters (after an optional leading {@link Instance}) and result. */
    public static FuncType hostType(Method m) {
        Class<?>[] ps = m.getParameterTypes();
        List<ValType> params = new ArrayList<>();
        for (int i = 0; i < ps.length; i++) {
            if (i == 0 && ps[0] == Instance.class) {
                continue;
            }
            ValType t = wasmType(ps[i]);
            if (t == null) {
                throw new IllegalArgumentException(javaSignature(m) + ": parameter " + i + " (" + ps[i].getSimpleName()
                        + ") has no Wasm type; use int, long, float, double, and optionally Instance first for the caller");
            }
            params.add(t);
        }
        Class<?> r = m.getReturnType();
        ValType rt = r == void.class ? null : wasmType(r);
        if (r != void.class && rt == null) {
            throw new IllegalArgumentException(javaSignature(m) + ": result " + r.getSimpleName()
                    + " has no Wasm type; use void, int, long, float or double");
        }
        return new FuncType(params, rt == null ? List.of() : List.of(rt));
    }
}
