package dev.ligature.core.runtime;

import dev.ligature.core.types.FuncType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a module's imports resolve to, by (module, name): {@link WasmFunction}s (including
 * {@link HostFunction}s), {@link Memory}, {@link Table}, {@link Global} and {@link Tag} objects, plus
 * whole instances registered under a module name (every export of the instance becomes importable
 * as {@code (moduleName, exportName)}, like the spec scripts' {@code register}). Explicit entries
 * win over registered instances. Not thread-safe while being built; read-only use is safe.
 */
public final class Imports {
    private final Map<String, Map<String, Object>> entries = new HashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();

    private Imports() {}

    /** An empty set of imports, to add to. */
    public static Imports empty() {
        return new Imports();
    }

    private Imports add(String module, String name, Object value) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        entries.computeIfAbsent(module, k -> new HashMap<>()).put(name, value);
        return this;
    }

    public Imports function(String module, String name, WasmFunction f) {
        return add(module, name, f);
    }

    /** Adds a host function with the array body form (see {@link HostFunction#of(String, FuncType, HostFunction.Body)}). */
    public Imports function(String module, String name, FuncType type, HostFunction.Body body) {
        return add(module, name, HostFunction.of(module + "." + name, type, body));
    }

    /**
     * Adds a host function implemented through a functional interface, whose method gives the Wasm
     * type (see {@link HostFunction#of(String, Class, Object)}).
     */
    public <T> Imports function(String module, String name, Class<T> functionalInterface, T implementation) {
        return add(module, name, HostFunction.of(module + "." + name, functionalInterface, implementation));
    }

    public Imports memory(String module, String name, Memory m) {
        return add(module, name, m);
    }

    public Imports table(String module, String name, Table t) {
        return add(module, name, t);
    }

    public Imports global(String module, String name, Global g) {
        return add(module, name, g);
    }

    public Imports tag(String module, String name, Tag t) {
        return add(module, name, t);
    }

    /** Adds every entry of {@code exports} (name to function, memory, table, global or tag) under {@code moduleName}. */
    public Imports module(String moduleName, Map<String, ?> exports) {
        exports.forEach((n, v) -> add(moduleName, n, v));
        return this;
    }

    /** Makes every export of {@code instance} importable under {@code moduleName}. */
    public Imports register(String moduleName, Instance instance) {
        instances.put(Objects.requireNonNull(moduleName), Objects.requireNonNull(instance));
        return this;
    }

    /** The entity bound to (module, name), or null. */
    public Object lookup(String module, String name) {
        Map<String, Object> m = entries.get(module);
        if (m != null && m.containsKey(name)) {
            return m.get(name);
        }
        Instance i = instances.get(module);
        return i == null ? null : i.export(name).orElse(null);
    }
}
