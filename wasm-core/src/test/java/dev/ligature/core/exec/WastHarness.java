package dev.ligature.core.exec;

import dev.ligature.core.InvalidModuleException;
import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.ModuleDecoder;
import dev.ligature.core.runtime.Global;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.LinkException;
import dev.ligature.core.runtime.SpecTestHost;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.runtime.Values;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.runtime.WasmThrow;
import dev.ligature.core.script.Action;
import dev.ligature.core.script.Command;
import dev.ligature.core.script.Expected;
import dev.ligature.core.script.ModuleSource;
import dev.ligature.core.script.Script;
import dev.ligature.core.script.WastParser;
import dev.ligature.core.script.WastValue;
import dev.ligature.core.text.WatParser;
import dev.ligature.core.types.NumType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small WAST executor over the public embedding API, for the interpreter's own tests: it shows
 * that the API expresses everything a spec runner needs (register, invoke with slots and refs,
 * globals, telling traps, exhaustion, exceptions and link errors apart). The real runner lives in
 * the spec-tests module.
 */
final class WastHarness {
    /** A host reference named by number in a script. */
    record HostRef(long id) {}

    final List<String> failures = new ArrayList<>();
    int passed;
    private final Imports imports = Imports.empty().module("spectest", SpecTestHost.create(null));
    private final Map<String, Instance> named = new HashMap<>();
    private final Map<String, WasmModule> definitions = new HashMap<>();
    private Instance last;

    static WastHarness run(String source) {
        WastHarness h = new WastHarness();
        Script s = WastParser.parse(source);
        for (Command c : s.commands()) {
            try {
                String problem = h.command(c);
                if (problem == null) {
                    h.passed++;
                } else {
                    h.failures.add("line " + c.line() + ": " + problem);
                }
            } catch (Throwable t) {
                h.failures.add("line " + c.line() + ": " + t);
            }
        }
        return h;
    }

    private static Module load(ModuleSource src) {
        return switch (src) {
            case ModuleSource.Text t -> WatParser.parseModule(t.source(), t.line(), t.column());
            case ModuleSource.Quote q -> WatParser.parseModule(q.source(), 1, 1);
            case ModuleSource.Binary b -> ModuleDecoder.decode(b.bytes());
        };
    }

    private String command(Command c) {
        switch (c) {
            case Command.ModuleCommand m -> {
                WasmModule wm = WasmModule.of(load(m.source()));
                if (m.definition()) {
                    definitions.put(m.id(), wm);
                    return null;
                }
                last = wm.instantiate(imports);
                if (m.id() != null) {
                    named.put(m.id(), last);
                }
                return null;
            }
            case Command.ModuleInstance mi -> {
                last = definitions.get(mi.moduleId()).instantiate(imports);
                if (mi.instanceId() != null) {
                    named.put(mi.instanceId(), last);
                }
                return null;
            }
            case Command.Register r -> {
                imports.register(r.name(), r.moduleId() == null ? last : named.get(r.moduleId()));
                return null;
            }
            case Command.ActionCommand a -> {
                act(a.action());
                return null;
            }
            case Command.AssertReturn a -> {
                Result got = act(a.action());
                return compare(a.results(), got);
            }
            case Command.AssertTrap a -> {
                try {
                    act(a.action());
                    return "expected trap " + a.message();
                } catch (Trap t) {
                    return t.getMessage().startsWith(a.message()) ? null : "wrong trap " + t.getMessage() + " vs " + a.message();
                }
            }
            case Command.AssertExhaustion a -> {
                try {
                    act(a.action());
                    return "expected exhaustion";
                } catch (Trap t) {
                    return t.kind() == Trap.Kind.CALL_STACK_EXHAUSTED ? null : "wrong trap " + t.getMessage();
                }
            }
            case Command.AssertException a -> {
                try {
                    act(a.action());
                    return "expected exception";
                } catch (WasmThrow t) {
                    return null;
                }
            }
            case Command.AssertModuleTrap a -> {
                try {
                    WasmModule.of(load(a.module())).instantiate(imports);
                    return "expected trap on instantiation";
                } catch (Trap t) {
                    return t.getMessage().startsWith(a.message()) ? null : "wrong trap " + t.getMessage();
                }
            }
            case Command.AssertUnlinkable a -> {
                try {
                    WasmModule.of(load(a.module())).instantiate(imports);
                    return "expected link failure";
                } catch (LinkException e) {
                    return e.getMessage().startsWith(a.message().split(" ")[0]) ? null : "wrong message " + e.getMessage();
                }
            }
            case Command.AssertUninstantiable a -> {
                try {
                    WasmModule.of(load(a.module())).instantiate(imports);
                    return "expected instantiation failure";
                } catch (Trap | LinkException e) {
                    return null;
                }
            }
            case Command.AssertMalformed a -> {
                try {
                    WasmModule.of(load(a.module()));
                    return "expected malformed";
                } catch (MalformedModuleException e) {
                    return null;
                }
            }
            case Command.AssertInvalid a -> {
                try {
                    WasmModule.of(load(a.module()));
                    return "expected invalid";
                } catch (InvalidModuleException | MalformedModuleException e) {
                    return null;
                }
            }
            case Command.AssertCustom a -> {
                return null;
            }
        }
    }

    record Result(long[] slots, Object[] refs) {}

    private Result act(Action a) {
        Instance inst = a.moduleId() == null ? last : named.get(a.moduleId());
        switch (a) {
            case Action.Get g -> {
                Global gl = inst.global(g.name());
                return new Result(new long[] {gl.value(), gl.high()}, new Object[] {gl.ref(), null});
            }
            case Action.Invoke i -> {
                WasmFunction f = inst.function(i.name());
                List<Long> slots = new ArrayList<>();
                List<Object> refs = new ArrayList<>();
                for (WastValue v : i.args()) {
                    switch (v) {
                        case WastValue.I32 x -> add(slots, refs, x.value(), null);
                        case WastValue.I64 x -> add(slots, refs, x.value(), null);
                        case WastValue.F32 x -> add(slots, refs, x.bits() & 0xFFFFFFFFL, null);
                        case WastValue.F64 x -> add(slots, refs, x.bits(), null);
                        case WastValue.V128 x -> {
                            add(slots, refs, le(x.bytes(), 0), null);
                            add(slots, refs, le(x.bytes(), 8), null);
                        }
                        case WastValue.RefNull x -> add(slots, refs, 0, null);
                        case WastValue.RefExtern x -> add(slots, refs, 0, new HostRef(x.id()));
                        case WastValue.RefHost x -> add(slots, refs, 0, new HostRef(x.id()));
                    }
                }
                long[] args = slots.stream().mapToLong(Long::longValue).toArray();
                long[] res = new long[f.resultSlots()];
                Object[] rr = new Object[f.resultSlots()];
                f.call(args, refs.toArray(), res, rr);
                return new Result(res, rr);
            }
        }
    }

    private static void add(List<Long> s, List<Object> r, long v, Object ref) {
        s.add(v);
        r.add(ref);
    }

    static long le(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    private static String compare(List<Expected> want, Result got) {
        int at = 0;
        for (Expected e : want) {
            int[] pos = {at};
            if (!matches(e, got, pos)) {
                return "result " + at + ": expected " + e + " got slot " + (at < got.slots.length ? Long.toHexString(got.slots[at]) : "-")
                        + " ref " + (at < got.refs.length ? got.refs[at] : "-");
            }
            at = pos[0];
        }
        return null;
    }

    private static boolean matches(Expected e, Result got, int[] pos) {
        int at = pos[0];
        switch (e) {
            case Expected.Exact x -> {
                WastValue v = x.value();
                pos[0] = at + (v instanceof WastValue.V128 ? 2 : 1);
                return switch (v) {
                    case WastValue.I32 i -> (int) got.slots[at] == i.value();
                    case WastValue.I64 i -> got.slots[at] == i.value();
                    case WastValue.F32 f -> (int) got.slots[at] == f.bits();
                    case WastValue.F64 f -> got.slots[at] == f.bits();
                    case WastValue.V128 b -> got.slots[at] == le(b.bytes(), 0) && got.slots[at + 1] == le(b.bytes(), 8);
                    case WastValue.RefNull n -> got.refs[at] == null;
                    case WastValue.RefExtern r -> new HostRef(r.id()).equals(got.refs[at]);
                    case WastValue.RefHost r -> new HostRef(r.id()).equals(got.refs[at]);
                };
            }
            case Expected.CanonicalNan n -> {
                pos[0] = at + 1;
                return n.type() == NumType.F32 ? ((int) got.slots[at] & 0x7FFFFFFF) == 0x7FC00000
                        : (got.slots[at] & Long.MAX_VALUE) == 0x7FF8000000000000L;
            }
            case Expected.ArithmeticNan n -> {
                pos[0] = at + 1;
                return n.type() == NumType.F32 ? ((int) got.slots[at] & 0x7FC00000) == 0x7FC00000
                        : (got.slots[at] & 0x7FF8000000000000L) == 0x7FF8000000000000L;
            }
            case Expected.V128Lanes l -> {
                pos[0] = at + 2;
                return true; // lane patterns are checked by the real runner
            }
            case Expected.AnyRef r -> {
                pos[0] = at + 1;
                return got.refs[at] != null;
            }
            case Expected.AnyNull n -> {
                pos[0] = at + 1;
                return got.refs[at] == null;
            }
            case Expected.Either ei -> {
                for (Expected alt : ei.alternatives()) {
                    int[] p = {at};
                    if (matches(alt, got, p)) {
                        pos[0] = p[0];
                        return true;
                    }
                }
                return false;
            }
        }
    }

    @SuppressWarnings("unused")
    private static long f32(float v) {
        return Values.f32(v);
    }
}
