package dev.ligature.core.valid;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.InvalidModuleException;
import dev.ligature.core.ast.DataSegment;
import dev.ligature.core.ast.ElementSegment;
import dev.ligature.core.ast.Export;
import dev.ligature.core.ast.Expr;
import dev.ligature.core.ast.Func;
import dev.ligature.core.ast.Global;
import dev.ligature.core.ast.Import;
import dev.ligature.core.ast.Module;
import dev.ligature.core.ast.Table;
import dev.ligature.core.types.CompType;
import dev.ligature.core.types.ExternKind;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.RecType;
import dev.ligature.core.types.SubType;
import dev.ligature.core.types.TableType;
import dev.ligature.core.types.TagType;
import dev.ligature.core.types.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A mutable builder of test modules, plus assertions on validation outcomes. */
final class TestModule {
    final List<RecType> types = new ArrayList<>();
    final List<Import> imports = new ArrayList<>();
    final List<Func> funcs = new ArrayList<>();
    final List<Table> tables = new ArrayList<>();
    final List<MemoryType> memories = new ArrayList<>();
    final List<TagType> tags = new ArrayList<>();
    final List<Global> globals = new ArrayList<>();
    final List<Export> exports = new ArrayList<>();
    final List<ElementSegment> elems = new ArrayList<>();
    final List<DataSegment> data = new ArrayList<>();
    int start = -1;
    private int typeCount;

    static TestModule module() {
        return new TestModule();
    }

    static List<ValType> vals(ValType... ts) {
        return Arrays.asList(ts);
    }

    /** Adds a plain function type; returns its index. */
    int type(List<ValType> params, List<ValType> results) {
        return type(new FuncType(params, results));
    }

    int type(CompType comp) {
        return rec(SubType.of(comp));
    }

    /** Adds a recursion group; returns the index of its first member. */
    int rec(SubType... members) {
        types.add(new RecType(List.of(members)));
        int first = typeCount;
        typeCount += members.length;
        return first;
    }

    /** Adds a function of a new type; returns its index in the function index space. */
    int func(List<ValType> params, List<ValType> results, Code body, Func.Locals... locals) {
        return func(type(params, results), body, locals);
    }

    int func(int typeIndex, Code body, Func.Locals... locals) {
        funcs.add(new Func(typeIndex, List.of(locals), body.expr()));
        return importCount(ExternKind.FUNC) + funcs.size() - 1;
    }

    private int importCount(ExternKind k) {
        return (int) imports.stream().filter(i -> i.type().kind() == k).count();
    }

    TestModule imp(ExternType t) {
        imports.add(new Import("m", "n" + imports.size(), t));
        return this;
    }

    TestModule memory(MemoryType m) {
        memories.add(m);
        return this;
    }

    TestModule table(TableType t) {
        tables.add(new Table(t, null));
        return this;
    }

    TestModule table(TableType t, Expr init) {
        tables.add(new Table(t, init));
        return this;
    }

    TestModule global(GlobalType t, Code init) {
        globals.add(new Global(t, init.expr()));
        return this;
    }

    TestModule tag(int typeIndex) {
        tags.add(new TagType(typeIndex));
        return this;
    }

    TestModule export(String name, ExternKind kind, int index) {
        exports.add(new Export(name, kind, index));
        return this;
    }

    TestModule elem(ElementSegment e) {
        elems.add(e);
        return this;
    }

    TestModule data(DataSegment d) {
        data.add(d);
        return this;
    }

    Module build() {
        return new Module(types, imports, funcs, tables, memories, tags, globals, exports, start, elems, -1, data,
                List.of());
    }

    void assertValid() {
        Module m = build();
        assertDoesNotThrow(() -> Validator.validate(m));
    }

    InvalidModuleException assertInvalid(String phrase) {
        Module m = build();
        InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> Validator.validate(m));
        assertTrue(e.getMessage().startsWith(phrase), () -> "expected \"" + phrase + "\" but got \"" + e.getMessage() + "\"");
        return e;
    }

    /** A module with one function of type params -> results and the given body. */
    static TestModule withFunc(List<ValType> params, List<ValType> results, Code body, Func.Locals... locals) {
        TestModule m = new TestModule();
        m.func(params, results, body, locals);
        return m;
    }

    static void valid(List<ValType> params, List<ValType> results, Code body, Func.Locals... locals) {
        withFunc(params, results, body, locals).assertValid();
    }

    static InvalidModuleException invalid(String phrase, List<ValType> params, List<ValType> results, Code body,
            Func.Locals... locals) {
        return withFunc(params, results, body, locals).assertInvalid(phrase);
    }
}
