package dev.ligature.core.runtime;

import dev.ligature.core.ast.Export;
import dev.ligature.core.ast.Import;
import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.ModuleDecoder;
import dev.ligature.core.binary.NameSection;
import dev.ligature.core.engine.Engines;
import dev.ligature.core.engine.ExecutionEngine;
import dev.ligature.core.engine.ModuleAccess;
import dev.ligature.core.engine.Types;
import dev.ligature.core.text.WatParser;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.TagType;
import dev.ligature.core.valid.TypeContext;
import dev.ligature.core.valid.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A decoded, validated and prepared WebAssembly module: the starting point of the embedding API.
 * Immutable and thread-safe; instantiate it any number of times, from any threads. The code is
 * prepared once, by the {@link Engine} chosen here, and shared by every instance.
 *
 * <pre>{@code
 * WasmModule module = WasmModule.decode(bytes);                      // the interpreter
 * WasmModule fast = WasmModule.decode(bytes, JitEngine.lazy());      // the compiler (ligature-jit-asm)
 * Instance instance = module.instantiate(Imports.empty()
 *         .function("env", "log", HostFunction.of("log", IntConsumer.class, v -> System.out.println(v))));
 * IntBinaryOperator add = instance.function("add").as(IntBinaryOperator.class);
 * int sum = add.applyAsInt(2, 3);
 * }</pre>
 */
public final class WasmModule {
    private final Module module;
    private final TypeContext types;
    private final ExecutionEngine engine;
    private final ExecutionEngine.CompiledCode code;
    private volatile NameSection names;
    private volatile List<ImportType> importTypes;

    static {
        ModuleAccess.install(new ModuleAccess.Bridge() {
            @Override
            public WasmModule create(Module module, ExecutionEngine engine) {
                return WasmModule.create(module, engine);
            }

            @Override
            public Module ast(WasmModule module) {
                return module.module;
            }

            @Override
            public ExecutionEngine.CompiledCode code(WasmModule module) {
                return module.code;
            }

            @Override
            public dev.ligature.core.engine.InstanceState state(Instance instance) {
                return instance.state;
            }

            @Override
            public dev.ligature.core.engine.GlobalCell cell(Global global) {
                return global.cell;
            }
        });
    }

    private WasmModule(Module module, TypeContext types, ExecutionEngine engine) {
        this.module = module;
        this.types = types;
        this.engine = engine;
        this.code = engine.compile(module, types);
    }

    private static WasmModule create(Module module, ExecutionEngine engine) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(engine, "engine");
        TypeContext types = Validator.validate(module, Types.registry());
        return new WasmModule(module, types, engine);
    }

    private static ExecutionEngine engine(Engine engine) {
        return Engines.resolve(Objects.requireNonNull(engine, "engine"));
    }

    /**
     * Decodes, validates and prepares a binary module for the interpreter.
     *
     * @param bytes the module in the binary format; not modified or kept
     * @return the module
     * @throws dev.ligature.core.MalformedModuleException if the bytes are not a well-formed module
     * @throws dev.ligature.core.InvalidModuleException if the module is invalid
     */
    public static WasmModule decode(byte[] bytes) {
        return decode(bytes, Engine.interpreter());
    }

    /**
     * Decodes, validates and prepares a binary module for {@code engine}. An eager compiler
     * compiles every function here; others compile on first call, or not at all.
     *
     * @param bytes the module in the binary format; not modified or kept
     * @param engine the engine that will run the module's code
     * @return the module
     * @throws dev.ligature.core.MalformedModuleException if the bytes are not a well-formed module
     * @throws dev.ligature.core.InvalidModuleException if the module is invalid
     * @throws IllegalArgumentException if {@code engine} is not one of Ligature's engines
     */
    public static WasmModule decode(byte[] bytes, Engine engine) {
        ExecutionEngine e = engine(engine);
        return create(ModuleDecoder.decode(bytes), e);
    }

    /**
     * Parses, validates and prepares a module in the text format for the interpreter.
     *
     * @param wat one module in the text format, {@code (module ...)} or the fields of one
     * @return the module
     * @throws dev.ligature.core.MalformedModuleException if the text is not a well-formed module
     * @throws dev.ligature.core.InvalidModuleException if the module is invalid
     */
    public static WasmModule parseText(String wat) {
        return parseText(wat, Engine.interpreter());
    }

    /**
     * Parses, validates and prepares a module in the text format for {@code engine}.
     *
     * @param wat one module in the text format, {@code (module ...)} or the fields of one
     * @param engine the engine that will run the module's code
     * @return the module
     * @throws dev.ligature.core.MalformedModuleException if the text is not a well-formed module
     * @throws dev.ligature.core.InvalidModuleException if the module is invalid
     * @throws IllegalArgumentException if {@code engine} is not one of Ligature's engines
     */
    public static WasmModule parseText(String wat, Engine engine) {
        ExecutionEngine e = engine(engine);
        return create(WatParser.parseModule(wat), e);
    }

    /** {@return the name of the engine that runs this module's code ({@link Engine#name()})} */
    public String engineName() {
        return engine.name();
    }

    TypeContext types() {
        return types;
    }

    Module ast() {
        return module;
    }

    ExecutionEngine.CompiledCode code() {
        return code;
    }

    /** {@return the imports the module declares, in the order instantiation resolves them (an unmodifiable list)} */
    public List<ImportType> imports() {
        List<ImportType> l = importTypes;
        if (l == null) {
            List<ImportType> out = new ArrayList<>(module.imports().size());
            for (Import imp : module.imports()) {
                out.add(new ImportType(imp.module(), imp.name(), imp.type(), functionType(imp.type())));
            }
            importTypes = l = List.copyOf(out);
        }
        return l;
    }

    /**
     * The contents of the module's custom sections called {@code name}, in the order they appear
     * (for example {@code "dylink.0"}, or {@code "name"}). Each is a copy.
     *
     * @param name the section name
     * @return the sections' bytes after the name; empty if there is none
     */
    public List<byte[]> customSections(String name) {
        List<byte[]> out = new ArrayList<>();
        for (var c : module.customs()) {
            if (c.name().equals(name)) {
                out.add(c.data().clone());
            }
        }
        return List.copyOf(out);
    }

    /** {@return the exports the module declares, in order (an unmodifiable list)} */
    public List<ExportType> exports() {
        List<ExportType> out = new ArrayList<>(module.exports().size());
        for (Export e : module.exports()) {
            FuncType ft = switch (e.kind()) {
                case FUNC -> funcType(functionTypeIndex(e.index()));
                case TAG -> funcType(tagTypeIndex(e.index()));
                default -> null;
            };
            out.add(new ExportType(e.name(), e.kind(), ft));
        }
        return List.copyOf(out);
    }

    private FuncType functionType(ExternType t) {
        return switch (t) {
            case ExternType.Func f -> funcType(f.typeIndex());
            case TagType tag -> funcType(tag.typeIndex());
            default -> null;
        };
    }

    private int functionTypeIndex(int funcIndex) {
        List<ExternType.Func> imported = module.importTypes(ExternType.Func.class);
        return funcIndex < imported.size() ? imported.get(funcIndex).typeIndex()
                : module.functions().get(funcIndex - imported.size()).typeIndex();
    }

    private int tagTypeIndex(int tagIndex) {
        List<TagType> imported = module.importTypes(TagType.class);
        return tagIndex < imported.size() ? imported.get(tagIndex).typeIndex()
                : module.tags().get(tagIndex - imported.size()).typeIndex();
    }

    /** The function type with index {@code typeIndex} in this module. */
    FuncType funcType(int typeIndex) {
        return (FuncType) types.subType(typeIndex).comp();
    }

    /** Names from the name section (decoded on first use). */
    NameSection names() {
        NameSection n = names;
        if (n == null) {
            names = n = NameSection.of(module);
        }
        return n;
    }

    /**
     * Phase 1 of an instantiation taken step by step (see {@link Instantiation}): resolves and checks
     * every import, allocating nothing.
     *
     * @param imports what the imports resolve to
     * @param options limits of the instance
     * @return the instantiation, ready for {@link Instantiation#allocate()}
     * @throws LinkException if an import is missing or has an incompatible type
     */
    public Instantiation link(Imports imports, InstanceOptions options) {
        return new Instantiation(this, imports, options);
    }

    /**
     * Instantiates a module that has no imports, with default options; as
     * {@link #instantiate(Imports, InstanceOptions)}.
     *
     * @return the new instance
     * @throws LinkException if the module has imports
     * @throws Trap if a segment is out of bounds or the start function traps
     * @throws WasmThrow if the start function throws a Wasm exception
     */
    public Instance instantiate() {
        return instantiate(Imports.empty(), InstanceOptions.DEFAULT);
    }

    /**
     * Instantiates with default options; as {@link #instantiate(Imports, InstanceOptions)}.
     *
     * @param imports what the module's imports resolve to
     * @return the new instance
     * @throws LinkException if an import is missing or has an incompatible type
     * @throws Trap if a segment is out of bounds or the start function traps
     * @throws WasmThrow if the start function throws a Wasm exception
     */
    public Instance instantiate(Imports imports) {
        return instantiate(imports, InstanceOptions.DEFAULT);
    }

    /**
     * Creates an instance: resolves and checks imports, creates globals, tables, memories and tags,
     * applies active segments and runs the start function, in the specification's order. Runs on
     * the calling thread; a host function the start function calls sees the new instance as its
     * caller. Any number of threads may instantiate one module at once.
     *
     * @param imports what the module's imports resolve to; only read
     * @param options limits on the new instance
     * @return the new instance
     * @throws LinkException if an import is missing or has an incompatible type
     * @throws Trap if a segment is out of bounds or the start function traps, or
     *     ({@link Trap.Kind#LIMIT_EXCEEDED}) a memory or table is larger than the options or the JVM
     *     allow
     * @throws WasmThrow if the start function throws a Wasm exception
     */
    public Instance instantiate(Imports imports, InstanceOptions options) {
        return link(imports, options).complete();
    }
}
