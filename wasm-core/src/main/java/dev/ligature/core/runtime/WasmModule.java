package dev.ligature.core.runtime;

import dev.ligature.core.ast.Export;
import dev.ligature.core.ast.Import;
import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.ModuleDecoder;
import dev.ligature.core.binary.NameSection;
import dev.ligature.core.exec.Interpreter;
import dev.ligature.core.text.WatParser;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.valid.TypeContext;
import dev.ligature.core.valid.Validator;
import java.util.List;
import java.util.Objects;

/**
 * A decoded, validated and compiled WebAssembly module: the starting point of the embedding API.
 * Immutable and thread-safe; instantiate it any number of times, from any threads.
 *
 * <pre>{@code
 * WasmModule module = WasmModule.decode(bytes);            // or WasmModule.parseText(wat)
 * Imports imports = Imports.empty()
 *         .function("env", "log", new FuncType(List.of(NumType.I32), List.of()),
 *                   (caller, args) -> { System.out.println(args[0]); return new long[0]; });
 * Instance instance = module.instantiate(imports);
 * int sum = instance.function("add").callInt(2, 3);
 * }</pre>
 */
public final class WasmModule {
    private final Module module;
    private final TypeContext types;
    private final ExecutionEngine.CompiledCode code;
    private volatile NameSection names;

    private WasmModule(Module module, TypeContext types, ExecutionEngine engine) {
        this.module = module;
        this.types = types;
        this.code = engine.compile(module, types);
    }

    /**
     * Validates and compiles {@code module} with the given engine.
     *
     * @throws dev.ligature.core.InvalidModuleException if the module is invalid
     */
    public static WasmModule of(Module module, ExecutionEngine engine) {
        Objects.requireNonNull(module, "module");
        TypeContext types = Validator.validate(module, Types.registry());
        return new WasmModule(module, types, engine);
    }

    /** Validates and compiles {@code module} for the interpreter. */
    public static WasmModule of(Module module) {
        return of(module, Interpreter.INSTANCE);
    }

    /**
     * Decodes, validates and compiles a binary module.
     *
     * @throws dev.ligature.core.MalformedModuleException if the bytes are not a well-formed module
     * @throws dev.ligature.core.InvalidModuleException if the module is invalid
     */
    public static WasmModule decode(byte[] bytes) {
        return of(ModuleDecoder.decode(bytes));
    }

    /** Parses, validates and compiles a module in the text format. */
    public static WasmModule parseText(String wat) {
        return of(WatParser.parseModule(wat));
    }

    /** The module's abstract syntax. */
    public Module ast() {
        return module;
    }

    /** The module's validated, canonicalised types. */
    public TypeContext types() {
        return types;
    }

    /** The engine's compiled form of the code. */
    public ExecutionEngine.CompiledCode code() {
        return code;
    }

    public List<Import> imports() {
        return module.imports();
    }

    public List<Export> exports() {
        return module.exports();
    }

    /** The function type with index {@code typeIndex} in this module. */
    public FuncType funcType(int typeIndex) {
        return (FuncType) types.subType(typeIndex).comp();
    }

    /** Names from the name section (decoded on first use). */
    public NameSection names() {
        NameSection n = names;
        if (n == null) {
            names = n = NameSection.of(module);
        }
        return n;
    }

    /** Instantiates a module that has no imports. */
    public Instance instantiate() {
        return instantiate(Imports.empty(), InstanceOptions.DEFAULT);
    }

    public Instance instantiate(Imports imports) {
        return instantiate(imports, InstanceOptions.DEFAULT);
    }

    /**
     * Creates an instance: resolves and checks imports, creates globals, tables, memories and tags,
     * applies active segments and runs the start function, in the specification's order.
     *
     * @throws LinkException if an import is missing or has an incompatible type
     * @throws Trap if a segment is out of bounds or the start function traps
     * @throws WasmThrow if the start function throws a Wasm exception
     */
    public Instance instantiate(Imports imports, InstanceOptions options) {
        return Linker.instantiate(this, imports, options);
    }
}
