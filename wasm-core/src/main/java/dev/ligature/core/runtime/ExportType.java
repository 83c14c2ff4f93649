package dev.ligature.core.runtime;

import dev.ligature.core.types.ExternKind;
import dev.ligature.core.types.FuncType;

/**
 * One export a module declares.
 *
 * @param name the export name
 * @param kind what it exports
 * @param functionType the function's type for a function export, the payload type for a tag, else null
 */
public record ExportType(String name, ExternKind kind, FuncType functionType) {}
