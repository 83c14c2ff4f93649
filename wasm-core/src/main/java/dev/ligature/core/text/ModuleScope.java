package dev.ligature.core.text;

import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.RecType;
import dev.ligature.core.types.SubType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the parsers of one module share: the token cursor, the identifier bindings of every
 * module-level index space (complete before any field is parsed, so forward references resolve) and
 * the type section as it grows by implicit function types.
 */
final class ModuleScope {
    final Tokens t;
    /** The module's interpreted annotations; none until {@link WatParser} collects them. */
    Annotations annotations;
    final IdSpace types = new IdSpace("type");
    final IdSpace funcs = new IdSpace("func");
    final IdSpace tables = new IdSpace("table");
    final IdSpace memories = new IdSpace("memory");
    final IdSpace globals = new IdSpace("global");
    final IdSpace tags = new IdSpace("tag");
    final IdSpace elems = new IdSpace("elem");
    final IdSpace datas = new IdSpace("data");

    /** Recursion groups of the type section, in order, implicit function types appended. */
    final List<RecType> recs = new ArrayList<>();
    /** The flat type index space. */
    final List<SubType> subTypes = new ArrayList<>();
    /** Field identifiers of struct types, by type index. */
    final Map<Integer, IdSpace> fieldNames = new HashMap<>();
    /** Set when code uses an instruction that needs the data count section in binary form. */
    boolean usesDataCount;

    ModuleScope(Tokens t) {
        this.t = t;
        this.annotations = Annotations.none(t);
    }

    void addRec(List<SubType> members) {
        recs.add(new RecType(members));
        subTypes.addAll(members);
    }

    /**
     * The index of the function type {@code ft} for an inline type use: the first type that is
     * exactly a plain function type with this signature (a final, supertype-less singleton group),
     * else a new type appended at the end of the type section, as the text format prescribes.
     */
    int funcTypeIndex(FuncType ft) {
        int index = 0;
        for (RecType r : recs) {
            if (r.members().size() == 1) {
                SubType s = r.members().get(0);
                if (s.isFinal() && s.supertypes().isEmpty() && s.comp().equals(ft)) {
                    return index;
                }
            }
            index += r.members().size();
        }
        addRec(List.of(SubType.of(ft)));
        return index;
    }

    /** The function type at {@code index}, or null when there is none (yet) or it is no function type. */
    FuncType funcTypeAt(int index) {
        if (index >= 0 && index < subTypes.size() && subTypes.get(index).comp() instanceof FuncType ft) {
            return ft;
        }
        return null;
    }
}
