package dev.ligature.core.text;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.ast.Module;
import dev.ligature.core.types.SubType;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text format (WAT) into a {@link Module}.
 *
 * <p>Parsing runs in three passes over the tokens of the module's fields: the first binds the
 * identifiers of every module-level index space (so any field may refer to one defined later) and
 * checks that imports come before definitions; the second builds the explicit type section; the
 * third parses every other field in order, emitting code as binary instructions and appending the
 * function types that inline type uses imply.
 */
public final class WatParser {
    private WatParser() {}

    /**
     * Parses {@code (module $id? field*)} or a bare sequence of module fields; errors are
     * {@link MalformedModuleException} with line:column relative to {@code line}/{@code column},
     * the position of the first character of {@code source} in its file.
     */
    public static Module parseModule(byte[] utf8Source, int line, int column) {
        Tokens t = new Tokens(Lexer.tokenize(utf8Source, line, column));
        try {
            return parse(t);
        } catch (StackOverflowError e) {
            throw t.error("nesting too deep");
        }
    }

    public static Module parseModule(String source, int line, int column) {
        return parseModule(source.getBytes(java.nio.charset.StandardCharsets.UTF_8), line, column);
    }

    public static Module parseModule(String source) {
        return parseModule(source, 1, 1);
    }

    private static Module parse(Tokens t) {
        boolean wrapped = t.atForm("module");
        if (wrapped) {
            t.p += 2;
            t.takeKeyword("definition");
            t.optId();
        }
        int first = t.p;
        List<Integer> fields = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        while (t.at(Lexer.LPAREN)) {
            fields.add(t.p);
            t.skipItem();
            ends.add(t.p);
        }
        if (wrapped) {
            t.rparen();
        }
        if (!t.at(Lexer.EOF)) {
            throw t.unexpected();
        }
        ModuleScope m = new ModuleScope(t);
        m.annotations = Annotations.collect(t, fields, ends, wrapped ? first : -1);
        bindIds(m, fields);
        t.p = first;
        TypeParser types = new TypeParser(m);
        for (int f : fields) {
            t.p = f;
            if (t.atForm("type")) {
                m.addRec(List.of(typeDef(m, types, m.subTypes.size())));
            } else if (t.atForm("rec")) {
                t.p += 2;
                List<SubType> members = new ArrayList<>();
                while (t.atForm("type")) {
                    members.add(typeDef(m, types, m.subTypes.size() + members.size()));
                }
                t.rparen();
                m.addRec(members);
            }
        }
        FieldParser fp = new FieldParser(m, types);
        for (int f : fields) {
            t.p = f;
            fp.field();
        }
        return fp.build();
    }

    private static SubType typeDef(ModuleScope m, TypeParser types, int index) {
        Tokens t = m.t;
        t.p += 2;
        t.optId();
        SubType s = types.subType(index);
        t.rparen();
        return s;
    }

    /**
     * Pass one: binds identifiers in every module-level index space and enforces that imports come
     * before any definition of a function, table, memory, global or tag.
     */
    private static void bindIds(ModuleScope m, List<Integer> fields) {
        Tokens t = m.t;
        String definedKind = null;
        for (int f : fields) {
            t.p = f + 1;
            if (!t.at(Lexer.KEYWORD)) {
                throw t.unexpected();
            }
            String kw = t.text();
            t.p++;
            switch (kw) {
                case "type" -> m.types.define(t, t.optId());
                case "rec" -> {
                    while (t.atForm("type")) {
                        t.p += 2;
                        m.types.define(t, t.optId());
                        while (!t.at(Lexer.RPAREN)) {
                            t.skipItem();
                        }
                        t.p++;
                    }
                }
                case "import" -> {
                    t.name();
                    t.name();
                    String kind = t.formKeyword();
                    if (kind == null) {
                        throw t.unexpected();
                    }
                    int at = t.p;
                    t.p += 2;
                    IdSpace space = space(m, kind);
                    if (space == null) {
                        throw t.error("unexpected token", at + 1);
                    }
                    if (definedKind != null) {
                        throw t.error("import after " + definedKind, f);
                    }
                    space.define(t, t.optId());
                }
                case "func", "table", "memory", "global", "tag" -> {
                    int id = t.optId();
                    space(m, kw).define(t, id);
                    while (t.atForm("export")) {
                        t.skipItem();
                    }
                    boolean imported = t.atForm("import");
                    if (!imported && (kw.equals("table") || kw.equals("memory"))) {
                        // an inline (elem ...) or (data ...) defines an anonymous segment right here
                        while (!t.at(Lexer.RPAREN) && !t.at(Lexer.EOF)) {
                            if (kw.equals("table") && t.atForm("elem")) {
                                m.elems.define(t, -1);
                            } else if (kw.equals("memory") && t.atForm("data")) {
                                m.datas.define(t, -1);
                            }
                            t.skipItem();
                        }
                    }
                    if (imported) {
                        if (definedKind != null) {
                            throw t.error("import after " + definedKind, f);
                        }
                    } else if (definedKind == null) {
                        definedKind = kw.equals("func") ? "function" : kw;
                    }
                }
                case "elem" -> m.elems.define(t, t.optId());
                case "data" -> m.datas.define(t, t.optId());
                case "export", "start" -> {}
                default -> throw t.error("unexpected token", f + 1);
            }
        }
    }

    private static IdSpace space(ModuleScope m, String kind) {
        return switch (kind) {
            case "func" -> m.funcs;
            case "table" -> m.tables;
            case "memory" -> m.memories;
            case "global" -> m.globals;
            case "tag" -> m.tags;
            default -> null;
        };
    }
}
