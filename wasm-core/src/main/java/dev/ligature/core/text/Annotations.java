package dev.ligature.core.text;

import dev.ligature.core.InvalidModuleException;
import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.ast.CustomSection;
import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.NameSection;
import dev.ligature.core.binary.WasmWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Interprets the annotations the {@link Lexer} records, by the position of the token each one
 * precedes: {@code (@custom ...)} between module fields becomes a custom section,
 * {@code (@name ...)} after {@code module}, {@code func $id?} or {@code tag $id?} a name in the
 * {@code name} section, and {@code (@metadata.code.branch_hint ...)} before an {@code if} or
 * {@code br_if} of a function body an entry of the {@code metadata.code.branch_hint} section.
 *
 * <p>A branch hint before any other instruction is reported as {@link InvalidModuleException}
 * ("invalid target"), as the annotations proposal classifies it, yet it is detected here, in the
 * text layer, because only the text knows which instruction an annotation stood before: the
 * binary section would merely hold an offset. The error is therefore held back until the module
 * has parsed, so that a malformed module is still reported as malformed first.
 */
final class Annotations {
    /** The section kinds a placement may name, with their section ids. */
    private static final Map<String, Integer> SECTION_KINDS = Map.ofEntries(
            Map.entry("type", Module.SEC_TYPE), Map.entry("import", Module.SEC_IMPORT),
            Map.entry("func", Module.SEC_FUNCTION), Map.entry("table", Module.SEC_TABLE),
            Map.entry("memory", Module.SEC_MEMORY), Map.entry("global", Module.SEC_GLOBAL),
            Map.entry("export", Module.SEC_EXPORT), Map.entry("start", Module.SEC_START),
            Map.entry("elem", Module.SEC_ELEMENT), Map.entry("code", Module.SEC_CODE),
            Map.entry("data", Module.SEC_DATA), Map.entry("datacount", Module.SEC_DATA_COUNT),
            Map.entry("tag", Module.SEC_TAG));

    /** The binary format's section order (the same as the decoder's). */
    private static final int[] SECTION_ORDER = {
        Module.SEC_TYPE, Module.SEC_IMPORT, Module.SEC_FUNCTION, Module.SEC_TABLE, Module.SEC_MEMORY,
        Module.SEC_TAG, Module.SEC_GLOBAL, Module.SEC_EXPORT, Module.SEC_START, Module.SEC_ELEMENT,
        Module.SEC_DATA_COUNT, Module.SEC_CODE, Module.SEC_DATA,
    };

    static final String BRANCH_HINT_SECTION = "metadata.code.branch_hint";

    private final Tokens t;
    private final List<CustomSection> customs = new ArrayList<>();
    private String moduleName;
    private final Map<Integer, String> functionNames = new TreeMap<>();
    private final Map<Integer, String> tagNames = new TreeMap<>();
    /** Hint byte by the token index of the hinted instruction's keyword. */
    private final Map<Integer, Integer> hintsByKeyword = new HashMap<>();
    /** Per function index, (offset in the expression, hint) pairs in emission order. */
    private final Map<Integer, List<int[]>> hints = new TreeMap<>();
    private InvalidModuleException deferred;

    private int currentFunction = -1;

    private Annotations(Tokens t) {
        this.t = t;
    }

    /** No annotations at all: the state before {@link #collect} runs. */
    static Annotations none(Tokens t) {
        return new Annotations(t);
    }

    /**
     * Checks and interprets every recorded annotation of a module whose fields start at the token
     * indices {@code fields} and end just before {@code ends}; {@code nameAt} is the token index
     * where a module name annotation may stand, or -1 when the module has no {@code module} keyword.
     */
    static Annotations collect(Tokens t, List<Integer> fields, List<Integer> ends, int nameAt) {
        Annotations a = new Annotations(t);
        if (!t.lx.annotations().isEmpty()) {
            a.interpret(fields, ends, nameAt);
        }
        return a;
    }

    private void interpret(List<Integer> fields, List<Integer> ends, int nameAt) {
        int[] funcIndex = new int[fields.size()];
        int[] tagIndex = new int[fields.size()];
        int funcs = 0, tags = 0;
        for (int i = 0; i < fields.size(); i++) {
            int f = fields.get(i);
            String kind = t.lx.kind(f + 1) == Lexer.KEYWORD ? t.lx.text(f + 1) : "";
            if (kind.equals("import") && f + 5 < t.lx.count() && t.lx.kind(f + 4) == Lexer.LPAREN
                    && t.lx.kind(f + 5) == Lexer.KEYWORD) {
                kind = t.lx.text(f + 5).equals("func") || t.lx.text(f + 5).equals("tag") ? "import-" + t.lx.text(f + 5) : "";
            }
            // an imported function or tag takes an index but has no body or name to annotate here
            boolean imported = kind.startsWith("import-");
            int fi = kind.endsWith("func") ? funcs++ : -1;
            int ti = kind.endsWith("tag") ? tags++ : -1;
            funcIndex[i] = imported ? -1 : fi;
            tagIndex[i] = imported ? -1 : ti;
        }
        for (Lexer.Annotation a : t.lx.annotations()) {
            int b = a.token();
            int field = -1;
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i) < b && b < ends.get(i)) {
                    field = i;
                    break;
                }
            }
            switch (a.id()) {
                case "custom" -> {
                    if (field >= 0) {
                        throw t.error("misplaced @custom annotation", b);
                    }
                    customs.add(custom(t.lx.contents(a)));
                }
                case "name" -> name(a, field, fields, funcIndex, tagIndex, nameAt);
                default -> branchHint(a, field, fields, funcIndex);
            }
        }
    }

    private void name(Lexer.Annotation a, int field, List<Integer> fields, int[] funcIndex, int[] tagIndex, int nameAt) {
        int b = a.token();
        if (field < 0) {
            if (b != nameAt) {
                throw t.error("misplaced @name annotation", b);
            }
            if (moduleName != null) {
                throw t.error("@name annotation: multiple module", b);
            }
            moduleName = nameValue(a);
            return;
        }
        int f = fields.get(field);
        int after = f + 2 + (t.lx.kind(f + 2) == Lexer.ID ? 1 : 0);
        if (b != after || (funcIndex[field] < 0 && tagIndex[field] < 0)) {
            throw t.error("misplaced @name annotation", b);
        }
        Map<Integer, String> names = funcIndex[field] >= 0 ? functionNames : tagNames;
        int index = funcIndex[field] >= 0 ? funcIndex[field] : tagIndex[field];
        if (names.putIfAbsent(index, nameValue(a)) != null) {
            throw t.error("@name annotation: multiple names", b);
        }
    }

    private String nameValue(Lexer.Annotation a) {
        Lexer c = t.lx.contents(a);
        if (c.kind(0) != Lexer.STRING || c.kind(1) != Lexer.EOF) {
            throw t.error("@name annotation: unexpected token", a.token());
        }
        try {
            return c.stringName(0);
        } catch (MalformedModuleException e) {
            throw t.error("@name annotation: malformed UTF-8 encoding", a.token());
        }
    }

    private void branchHint(Lexer.Annotation a, int field, List<Integer> fields, int[] funcIndex) {
        int b = a.token();
        if (field < 0 || funcIndex[field] < 0) {
            throw t.error("@metadata.code.branch_hint annotation: not in a function", b);
        }
        Lexer c = t.lx.contents(a);
        if (c.kind(0) != Lexer.STRING || c.kind(1) != Lexer.EOF) {
            throw t.error("@metadata.code.branch_hint annotation: unexpected token", b);
        }
        byte[] value = c.stringBytes(0);
        if (value.length != 1 || (value[0] != 0 && value[0] != 1)) {
            throw t.error("@metadata.code.branch_hint annotation: malformed hint", b);
        }
        int keyword = t.lx.kind(b) == Lexer.LPAREN ? b + 1 : b;
        if (hintsByKeyword.containsKey(keyword)) {
            throw t.error("@metadata.code.branch_hint annotation: duplicate annotation", b);
        }
        hintsByKeyword.put(keyword, (int) value[0]);
        if (deferred == null && !(t.lx.isKeyword(keyword, "if") || t.lx.isKeyword(keyword, "br_if"))) {
            MalformedModuleException where = t.error("", b);
            deferred = InvalidModuleException.of("@metadata.code.branch_hint annotation: invalid target at "
                    + where.line() + ":" + where.column());
        }
    }

    /** {@code "name" placement? "bytes"*}, the contents of {@code (@custom ...)}. */
    private static CustomSection custom(Lexer c) {
        if (c.kind(0) != Lexer.STRING) {
            throw c.error("@custom annotation: missing section name", 0);
        }
        String name;
        try {
            name = c.stringName(0);
        } catch (MalformedModuleException e) {
            throw c.error("@custom annotation: malformed UTF-8 encoding", 0);
        }
        int p = 1;
        int after = SECTION_ORDER[SECTION_ORDER.length - 1];
        if (c.kind(p) == Lexer.LPAREN) {
            boolean before = c.isKeyword(p + 1, "before");
            if (!before && !c.isKeyword(p + 1, "after")) {
                throw c.error("@custom annotation: malformed placement", p + 1);
            }
            p += 2;
            String kind = c.kind(p) == Lexer.KEYWORD ? c.text(p) : "";
            if (kind.equals("first") && before) {
                after = 0;
            } else if (kind.equals("last") && !before) {
                after = SECTION_ORDER[SECTION_ORDER.length - 1];
            } else {
                Integer id = SECTION_KINDS.get(kind);
                if (id == null) {
                    throw c.error("@custom annotation: malformed section kind", p);
                }
                after = before ? preceding(id) : id;
            }
            p++;
            if (c.kind(p) != Lexer.RPAREN) {
                throw c.error("@custom annotation: unexpected token", p);
            }
            p++;
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (c.kind(p) == Lexer.STRING) {
            data.writeBytes(c.stringBytes(p));
            p++;
        }
        if (c.kind(p) != Lexer.EOF) {
            throw c.error("@custom annotation: unexpected token", p);
        }
        return new CustomSection(name, data.toByteArray(), after);
    }

    /** Position of the point just after section {@code id} (0: before all sections) in binary order. */
    private static int rank(int id) {
        for (int i = 0; i < SECTION_ORDER.length; i++) {
            if (SECTION_ORDER[i] == id) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The id of the section that comes right before section {@code id}, or 0 before the first. */
    private static int preceding(int id) {
        for (int i = 1; i < SECTION_ORDER.length; i++) {
            if (SECTION_ORDER[i] == id) {
                return SECTION_ORDER[i - 1];
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------------------------------------
    // Branch hints while code is emitted

    /** Whether any branch hint was written; lets the instruction parser skip the lookups otherwise. */
    boolean hasHints() {
        return !hintsByKeyword.isEmpty();
    }

    /** Marks the start of the body of the function with index {@code index}. */
    void beginFunction(int index) {
        currentFunction = index;
    }

    /**
     * Called by the instruction parser when it emits the {@code if} or {@code br_if} whose keyword
     * is token {@code keyword} at byte {@code offset} of the current function's expression.
     */
    void emitted(int keyword, int offset) {
        Integer hint = hintsByKeyword.get(keyword);
        if (hint != null && currentFunction >= 0) {
            hints.computeIfAbsent(currentFunction, k -> new ArrayList<>()).add(new int[] {offset, hint});
        }
    }

    /**
     * Ends the current function, whose locals declarations take {@code localsSize} bytes: the
     * proposal counts hint offsets from the start of the body, that is, from the locals.
     */
    void endFunction(int localsSize) {
        List<int[]> list = hints.get(currentFunction);
        if (list != null) {
            for (int[] h : list) {
                h[0] += localsSize;
            }
        }
        currentFunction = -1;
    }

    /**
     * The custom sections the annotations produce, in the order the binary format will hold them:
     * every {@code @custom} where it is placed, the branch hints after the function section (so
     * before the code they describe, as the proposal requires) and the name section after the last
     * section. Throws the held-back invalid-target error, if any.
     */
    List<CustomSection> sections() {
        if (deferred != null) {
            throw deferred;
        }
        List<CustomSection> out = new ArrayList<>(customs);
        if (!hints.isEmpty()) {
            WasmWriter w = new WasmWriter(64);
            w.u32(hints.size());
            hints.forEach((func, list) -> {
                list.sort((x, y) -> Integer.compare(x[0], y[0]));
                w.u32(func).u32(list.size());
                for (int[] h : list) {
                    w.u32(h[0]).u32(1).u8(h[1]);
                }
            });
            out.add(new CustomSection(BRANCH_HINT_SECTION, w.toByteArray(), Module.SEC_FUNCTION));
        }
        if (moduleName != null || !functionNames.isEmpty() || !tagNames.isEmpty()) {
            NameSection names = new NameSection(moduleName, functionNames, Map.of(), Map.of(), Map.of(), Map.of(),
                    Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), tagNames);
            out.add(names.toCustomSection(SECTION_ORDER[SECTION_ORDER.length - 1]));
        }
        // binary order (stable within a position), so the module equals its own encode-decode
        out.sort((x, y) -> Integer.compare(rank(x.after()), rank(y.after())));
        return out;
    }
}
