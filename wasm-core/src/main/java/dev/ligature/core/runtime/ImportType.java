package dev.ligature.core.runtime;

import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.FuncType;

/**
 * One import a module declares.
 *
 * @param module the module name it imports from
 * @param name the field name
 * @param type what it imports: a function ({@link ExternType.Func}), table, memory, global or tag type
 * @param functionType the function's type for a function import, the payload type for a tag, else null
 */
public record ImportType(String module, String name, ExternType type, FuncType functionType) {}
