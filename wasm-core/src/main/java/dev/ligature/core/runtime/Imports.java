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
 * win over registered instances. Adding an entry under a (module, name) that already has one
 * replaces it. Every method that adds returns this object, for chaining.
 *
 * <p>Types are checked when a module is instantiated with the imports, not when they are added: an
 * entry of the wrong kind or type fails {@link WasmModule#instantiate} with {@link LinkException}.
 * The same {@code Imports} may serve any number of instantiations. Not thread-safe while being
 * built; once built, it may be shared by threads that only instantiate with it.
 */
public final class Imports {
    private final Map<String, Map<String, Object>> entries = new HashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private ImportResolver resolver;

    private Imports() {}

    /** {@return a new, empty set of imports, to add to} */
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

    /**
     * Adds a function: a {@link HostFunction} or a function exported by another instance.
     *
     * @param module the import's module name
     * @param name the import's field name
     * @param f the function
     * @return this object
     * @throws NullPointerException if any argument is null
     */
    public Imports function(String module, String name, WasmFunction f) {
        return add(module, name, f);
    }

    /**
     * Adds a host function with the array body form (see
     * {@link HostFunction#of(String, FuncType, HostFunction.Body)}), named {@code module.name}.
     *
     * @param module the import's module name
     * @param name the import's field name
     * @param type the function's Wasm type, which the import must match exactly
     * @param body the implementation
     * @return this object
     * @throws NullPointerException if any argument is null
     */
    public Imports function(String module, String name, FuncType type, HostFunction.Body body) {
        return add(module, name, HostFunction.of(module + "." + name, type, body));
    }

    /**
     * Adds a host function implemented through a functional interface, whose method gives the Wasm
     * type (see {@link HostFunction#of(String, Class, Object)}), named {@code module.name}.
     *
     * @param <T> the functional interface
     * @param module the import's module name
     * @param name the import's field name
     * @param functionalInterface the interface whose one abstract method gives the Wasm type
     * @param implementation the implementation, for example a lambda
     * @return this object
     * @throws IllegalArgumentException if the interface's method has no Wasm type
     * @throws NullPointerException if any argument is null
     */
    public <T> Imports function(String module, String name, Class<T> functionalInterface, T implementation) {
        return add(module, name, HostFunction.of(module + "." + name, functionalInterface, implementation));
    }

    /**
     * Adds a memory (a host memory, or one exported by another instance).
     *
     * @param module the import's module name
     * @param name the import's field name
     * @param m the memory
     * @return this object
     * @throws NullPointerException if any argument is null
     */
    public Imports memory(String module, String name, Memory m) {
        return add(module, name, m);
    }

    /**
     * Adds a table (a host table, or one exported by another instance).
     *
     * @param module the import's module name
     * @param name the import's field name
     * @param t the table
     * @return this object
     * @throws NullPointerException if any argument is null
     */
    public Imports table(String module, String name, Table t) {
        return add(module, name, t);
    }

    /**
     * Adds a global (a host global, or one exported by another instance).
     *
     * @param module the import's module name
     * @param name the import's field name
     * @param g the global
     * @return this object
     * @throws NullPointerException if any argument is null
     */
    public Imports global(String module, String name, Global g) {
        return add(module, name, g);
    }

    /**
     * Adds an exception tag (a host tag, or one exported by another instance).
     *
     * @param module the import's module name
     * @param name the import's field name
     * @param t the tag
     * @return this object
     * @throws NullPointerException if any argument is null
     */
    public Imports tag(String module, String name, Tag t) {
        return add(module, name, t);
    }

    /**
     * Adds every entry of a map under one module name, as if each were added on its own.
     *
     * @param moduleName the module name of every entry
     * @param exports field names to {@link WasmFunction}, {@link Memory}, {@link Table},
     *     {@link Global} or {@link Tag} objects
     * @return this object
     * @throws NullPointerException if a name or value is null
     */
    public Imports module(String moduleName, Map<String, ?> exports) {
        exports.forEach((n, v) -> add(moduleName, n, v));
        return this;
    }

    /**
     * Makes every export of an instance importable under a module name, as the spec scripts'
     * {@code register} does. Entries added one by one under the same module name take precedence;
     * registering another instance under the same name replaces this one.
     *
     * @param moduleName the module name the exports are imported from
     * @param instance the instance whose exports to offer
     * @return this object
     * @throws NullPointerException if either argument is null
     */
    public Imports register(String moduleName, Instance instance) {
        instances.put(Objects.requireNonNull(moduleName), Objects.requireNonNull(instance));
        return this;
    }

    /**
     * Sets the resolver asked for every import that neither an entry nor a registered instance
     * binds, so entities can be made on demand (a dynamic linker's GOT cells and lazy stubs). A
     * resolver may return null, which leaves the import unknown. Replaces an earlier resolver.
     *
     * @param resolver the resolver, or null for none
     * @return these imports
     */
    public Imports resolver(ImportResolver resolver) {
        this.resolver = resolver;
        return this;
    }

    /** What {@code imp} resolves to: {@link #lookup}, else the {@linkplain #resolver resolver}, else null. */
    Object resolve(ImportType imp) {
        Object v = lookup(imp.module(), imp.name());
        return v != null || resolver == null ? v : resolver.resolve(imp);
    }

    /**
     * The entity an import of (module, name) resolves to: an entry added for it, else the export
     * {@code name} of the instance registered as {@code module}.
     *
     * @param module the import's module name
     * @param name the import's field name
     * @return the {@link WasmFunction}, {@link Memory}, {@link Table}, {@link Global} or {@link Tag},
     *     or null if nothing is bound
     */
    public Object lookup(String module, String name) {
        Map<String, Object> m = entries.get(module);
        if (m != null && m.containsKey(name)) {
            return m.get(name);
        }
        Instance i = instances.get(module);
        return i == null ? null : i.export(name).orElse(null);
    }
}
