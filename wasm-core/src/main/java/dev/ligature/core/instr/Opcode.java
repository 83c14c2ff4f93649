package dev.ligature.core.instr;

import java.util.HashMap;
import java.util.Map;

/**
 * The opcode table: every instruction of WebAssembly 3.0 with its text mnemonic, binary encoding,
 * immediate shape and, for instructions with a fixed stack effect, its type rule. It is the single
 * source of truth that the decoder, encoder, validator, text parser and execution engines read;
 * adding an instruction means adding a row here and giving it meaning where it runs.
 *
 * <p>The type rule {@code sig} lists parameter and result types as letters, parameters before
 * {@code '>'}: {@code i} i32, {@code I} i64, {@code f} f32, {@code F} f64, {@code v} v128, and
 * {@code a} the address type of the accessed memory (i32 or i64). Instructions whose typing depends
 * on context (control, locals, references, ...) have a null rule and are typed by the validator.
 *
 * <p>{@code width} is the number of bytes accessed by memory instructions (which fixes the natural
 * alignment) and the lane count of lane instructions; 0 otherwise. A memory instruction's row also
 * yields its {@link #memAccess} (bytes, value type, load or store, and for a widening load whether it
 * sign-extends: the row's {@code SIGNED} or {@code UNSIGNED} flag), which both engines read instead of
 * listing the loads and stores themselves. The {@code CONSTANT} flag marks the instructions allowed in
 * constant expressions ({@link #constant}).
 *
 * <p>A few rows share a mnemonic: {@code select} with and without types, and {@code ref.test} /
 * {@code ref.cast} with nullable targets. {@link #forMnemonic} yields the plain one; the text parser
 * picks the variant from the operands.
 */
public enum Opcode {
    UNREACHABLE("unreachable", 0, 0x00, Imm.NONE, null, 0),
    NOP("nop", 0, 0x01, Imm.NONE, ">", 0),
    BLOCK("block", 0, 0x02, Imm.BLOCK_TYPE, null, 0),
    LOOP("loop", 0, 0x03, Imm.BLOCK_TYPE, null, 0),
    IF("if", 0, 0x04, Imm.BLOCK_TYPE, null, 0),
    ELSE("else", 0, 0x05, Imm.NONE, null, 0),
    TRY("try", 0, 0x06, Imm.BLOCK_TYPE, null, 0),
    CATCH("catch", 0, 0x07, Imm.TAG, null, 0),
    THROW("throw", 0, 0x08, Imm.TAG, null, 0),
    RETHROW("rethrow", 0, 0x09, Imm.LABEL, null, 0),
    THROW_REF("throw_ref", 0, 0x0A, Imm.NONE, null, 0),
    END("end", 0, 0x0B, Imm.NONE, null, 0, Flag.CONSTANT),
    BR("br", 0, 0x0C, Imm.LABEL, null, 0),
    BR_IF("br_if", 0, 0x0D, Imm.LABEL, null, 0),
    BR_TABLE("br_table", 0, 0x0E, Imm.LABEL_TABLE, null, 0),
    RETURN("return", 0, 0x0F, Imm.NONE, null, 0),
    CALL("call", 0, 0x10, Imm.FUNC, null, 0),
    CALL_INDIRECT("call_indirect", 0, 0x11, Imm.CALL_INDIRECT, null, 0),
    RETURN_CALL("return_call", 0, 0x12, Imm.FUNC, null, 0),
    RETURN_CALL_INDIRECT("return_call_indirect", 0, 0x13, Imm.CALL_INDIRECT, null, 0),
    CALL_REF("call_ref", 0, 0x14, Imm.TYPE, null, 0),
    RETURN_CALL_REF("return_call_ref", 0, 0x15, Imm.TYPE, null, 0),
    DELEGATE("delegate", 0, 0x18, Imm.LABEL, null, 0),
    CATCH_ALL("catch_all", 0, 0x19, Imm.NONE, null, 0),
    DROP("drop", 0, 0x1A, Imm.NONE, null, 0),
    SELECT("select", 0, 0x1B, Imm.NONE, null, 0),
    SELECT_T("select", 0, 0x1C, Imm.SELECT_TYPES, null, 0),
    TRY_TABLE("try_table", 0, 0x1F, Imm.TRY_TABLE, null, 0),
    LOCAL_GET("local.get", 0, 0x20, Imm.LOCAL, null, 0),
    LOCAL_SET("local.set", 0, 0x21, Imm.LOCAL, null, 0),
    LOCAL_TEE("local.tee", 0, 0x22, Imm.LOCAL, null, 0),
    GLOBAL_GET("global.get", 0, 0x23, Imm.GLOBAL, null, 0, Flag.CONSTANT),
    GLOBAL_SET("global.set", 0, 0x24, Imm.GLOBAL, null, 0),
    TABLE_GET("table.get", 0, 0x25, Imm.TABLE, null, 0),
    TABLE_SET("table.set", 0, 0x26, Imm.TABLE, null, 0),
    I32_LOAD("i32.load", 0, 0x28, Imm.MEMARG, "a>i", 4),
    I64_LOAD("i64.load", 0, 0x29, Imm.MEMARG, "a>I", 8),
    F32_LOAD("f32.load", 0, 0x2A, Imm.MEMARG, "a>f", 4),
    F64_LOAD("f64.load", 0, 0x2B, Imm.MEMARG, "a>F", 8),
    I32_LOAD8_S("i32.load8_s", 0, 0x2C, Imm.MEMARG, "a>i", 1, Flag.SIGNED),
    I32_LOAD8_U("i32.load8_u", 0, 0x2D, Imm.MEMARG, "a>i", 1, Flag.UNSIGNED),
    I32_LOAD16_S("i32.load16_s", 0, 0x2E, Imm.MEMARG, "a>i", 2, Flag.SIGNED),
    I32_LOAD16_U("i32.load16_u", 0, 0x2F, Imm.MEMARG, "a>i", 2, Flag.UNSIGNED),
    I64_LOAD8_S("i64.load8_s", 0, 0x30, Imm.MEMARG, "a>I", 1, Flag.SIGNED),
    I64_LOAD8_U("i64.load8_u", 0, 0x31, Imm.MEMARG, "a>I", 1, Flag.UNSIGNED),
    I64_LOAD16_S("i64.load16_s", 0, 0x32, Imm.MEMARG, "a>I", 2, Flag.SIGNED),
    I64_LOAD16_U("i64.load16_u", 0, 0x33, Imm.MEMARG, "a>I", 2, Flag.UNSIGNED),
    I64_LOAD32_S("i64.load32_s", 0, 0x34, Imm.MEMARG, "a>I", 4, Flag.SIGNED),
    I64_LOAD32_U("i64.load32_u", 0, 0x35, Imm.MEMARG, "a>I", 4, Flag.UNSIGNED),
    I32_STORE("i32.store", 0, 0x36, Imm.MEMARG, "ai>", 4),
    I64_STORE("i64.store", 0, 0x37, Imm.MEMARG, "aI>", 8),
    F32_STORE("f32.store", 0, 0x38, Imm.MEMARG, "af>", 4),
    F64_STORE("f64.store", 0, 0x39, Imm.MEMARG, "aF>", 8),
    I32_STORE8("i32.store8", 0, 0x3A, Imm.MEMARG, "ai>", 1),
    I32_STORE16("i32.store16", 0, 0x3B, Imm.MEMARG, "ai>", 2),
    I64_STORE8("i64.store8", 0, 0x3C, Imm.MEMARG, "aI>", 1),
    I64_STORE16("i64.store16", 0, 0x3D, Imm.MEMARG, "aI>", 2),
    I64_STORE32("i64.store32", 0, 0x3E, Imm.MEMARG, "aI>", 4),
    MEMORY_SIZE("memory.size", 0, 0x3F, Imm.MEMORY, null, 0),
    MEMORY_GROW("memory.grow", 0, 0x40, Imm.MEMORY, null, 0),
    I32_CONST("i32.const", 0, 0x41, Imm.I32, ">i", 0, Flag.CONSTANT),
    I64_CONST("i64.const", 0, 0x42, Imm.I64, ">I", 0, Flag.CONSTANT),
    F32_CONST("f32.const", 0, 0x43, Imm.F32, ">f", 0, Flag.CONSTANT),
    F64_CONST("f64.const", 0, 0x44, Imm.F64, ">F", 0, Flag.CONSTANT),
    I32_EQZ("i32.eqz", 0, 0x45, Imm.NONE, "i>i", 0),
    I32_EQ("i32.eq", 0, 0x46, Imm.NONE, "ii>i", 0),
    I32_NE("i32.ne", 0, 0x47, Imm.NONE, "ii>i", 0),
    I32_LT_S("i32.lt_s", 0, 0x48, Imm.NONE, "ii>i", 0),
    I32_LT_U("i32.lt_u", 0, 0x49, Imm.NONE, "ii>i", 0),
    I32_GT_S("i32.gt_s", 0, 0x4A, Imm.NONE, "ii>i", 0),
    I32_GT_U("i32.gt_u", 0, 0x4B, Imm.NONE, "ii>i", 0),
    I32_LE_S("i32.le_s", 0, 0x4C, Imm.NONE, "ii>i", 0),
    I32_LE_U("i32.le_u", 0, 0x4D, Imm.NONE, "ii>i", 0),
    I32_GE_S("i32.ge_s", 0, 0x4E, Imm.NONE, "ii>i", 0),
    I32_GE_U("i32.ge_u", 0, 0x4F, Imm.NONE, "ii>i", 0),
    I64_EQZ("i64.eqz", 0, 0x50, Imm.NONE, "I>i", 0),
    I64_EQ("i64.eq", 0, 0x51, Imm.NONE, "II>i", 0),
    I64_NE("i64.ne", 0, 0x52, Imm.NONE, "II>i", 0),
    I64_LT_S("i64.lt_s", 0, 0x53, Imm.NONE, "II>i", 0),
    I64_LT_U("i64.lt_u", 0, 0x54, Imm.NONE, "II>i", 0),
    I64_GT_S("i64.gt_s", 0, 0x55, Imm.NONE, "II>i", 0),
    I64_GT_U("i64.gt_u", 0, 0x56, Imm.NONE, "II>i", 0),
    I64_LE_S("i64.le_s", 0, 0x57, Imm.NONE, "II>i", 0),
    I64_LE_U("i64.le_u", 0, 0x58, Imm.NONE, "II>i", 0),
    I64_GE_S("i64.ge_s", 0, 0x59, Imm.NONE, "II>i", 0),
    I64_GE_U("i64.ge_u", 0, 0x5A, Imm.NONE, "II>i", 0),
    F32_EQ("f32.eq", 0, 0x5B, Imm.NONE, "ff>i", 0),
    F32_NE("f32.ne", 0, 0x5C, Imm.NONE, "ff>i", 0),
    F32_LT("f32.lt", 0, 0x5D, Imm.NONE, "ff>i", 0),
    F32_GT("f32.gt", 0, 0x5E, Imm.NONE, "ff>i", 0),
    F32_LE("f32.le", 0, 0x5F, Imm.NONE, "ff>i", 0),
    F32_GE("f32.ge", 0, 0x60, Imm.NONE, "ff>i", 0),
    F64_EQ("f64.eq", 0, 0x61, Imm.NONE, "FF>i", 0),
    F64_NE("f64.ne", 0, 0x62, Imm.NONE, "FF>i", 0),
    F64_LT("f64.lt", 0, 0x63, Imm.NONE, "FF>i", 0),
    F64_GT("f64.gt", 0, 0x64, Imm.NONE, "FF>i", 0),
    F64_LE("f64.le", 0, 0x65, Imm.NONE, "FF>i", 0),
    F64_GE("f64.ge", 0, 0x66, Imm.NONE, "FF>i", 0),
    I32_CLZ("i32.clz", 0, 0x67, Imm.NONE, "i>i", 0),
    I32_CTZ("i32.ctz", 0, 0x68, Imm.NONE, "i>i", 0),
    I32_POPCNT("i32.popcnt", 0, 0x69, Imm.NONE, "i>i", 0),
    I32_ADD("i32.add", 0, 0x6A, Imm.NONE, "ii>i", 0, Flag.CONSTANT),
    I32_SUB("i32.sub", 0, 0x6B, Imm.NONE, "ii>i", 0, Flag.CONSTANT),
    I32_MUL("i32.mul", 0, 0x6C, Imm.NONE, "ii>i", 0, Flag.CONSTANT),
    I32_DIV_S("i32.div_s", 0, 0x6D, Imm.NONE, "ii>i", 0),
    I32_DIV_U("i32.div_u", 0, 0x6E, Imm.NONE, "ii>i", 0),
    I32_REM_S("i32.rem_s", 0, 0x6F, Imm.NONE, "ii>i", 0),
    I32_REM_U("i32.rem_u", 0, 0x70, Imm.NONE, "ii>i", 0),
    I32_AND("i32.and", 0, 0x71, Imm.NONE, "ii>i", 0),
    I32_OR("i32.or", 0, 0x72, Imm.NONE, "ii>i", 0),
    I32_XOR("i32.xor", 0, 0x73, Imm.NONE, "ii>i", 0),
    I32_SHL("i32.shl", 0, 0x74, Imm.NONE, "ii>i", 0),
    I32_SHR_S("i32.shr_s", 0, 0x75, Imm.NONE, "ii>i", 0),
    I32_SHR_U("i32.shr_u", 0, 0x76, Imm.NONE, "ii>i", 0),
    I32_ROTL("i32.rotl", 0, 0x77, Imm.NONE, "ii>i", 0),
    I32_ROTR("i32.rotr", 0, 0x78, Imm.NONE, "ii>i", 0),
    I64_CLZ("i64.clz", 0, 0x79, Imm.NONE, "I>I", 0),
    I64_CTZ("i64.ctz", 0, 0x7A, Imm.NONE, "I>I", 0),
    I64_POPCNT("i64.popcnt", 0, 0x7B, Imm.NONE, "I>I", 0),
    I64_ADD("i64.add", 0, 0x7C, Imm.NONE, "II>I", 0, Flag.CONSTANT),
    I64_SUB("i64.sub", 0, 0x7D, Imm.NONE, "II>I", 0, Flag.CONSTANT),
    I64_MUL("i64.mul", 0, 0x7E, Imm.NONE, "II>I", 0, Flag.CONSTANT),
    I64_DIV_S("i64.div_s", 0, 0x7F, Imm.NONE, "II>I", 0),
    I64_DIV_U("i64.div_u", 0, 0x80, Imm.NONE, "II>I", 0),
    I64_REM_S("i64.rem_s", 0, 0x81, Imm.NONE, "II>I", 0),
    I64_REM_U("i64.rem_u", 0, 0x82, Imm.NONE, "II>I", 0),
    I64_AND("i64.and", 0, 0x83, Imm.NONE, "II>I", 0),
    I64_OR("i64.or", 0, 0x84, Imm.NONE, "II>I", 0),
    I64_XOR("i64.xor", 0, 0x85, Imm.NONE, "II>I", 0),
    I64_SHL("i64.shl", 0, 0x86, Imm.NONE, "II>I", 0),
    I64_SHR_S("i64.shr_s", 0, 0x87, Imm.NONE, "II>I", 0),
    I64_SHR_U("i64.shr_u", 0, 0x88, Imm.NONE, "II>I", 0),
    I64_ROTL("i64.rotl", 0, 0x89, Imm.NONE, "II>I", 0),
    I64_ROTR("i64.rotr", 0, 0x8A, Imm.NONE, "II>I", 0),
    F32_ABS("f32.abs", 0, 0x8B, Imm.NONE, "f>f", 0),
    F32_NEG("f32.neg", 0, 0x8C, Imm.NONE, "f>f", 0),
    F32_CEIL("f32.ceil", 0, 0x8D, Imm.NONE, "f>f", 0),
    F32_FLOOR("f32.floor", 0, 0x8E, Imm.NONE, "f>f", 0),
    F32_TRUNC("f32.trunc", 0, 0x8F, Imm.NONE, "f>f", 0),
    F32_NEAREST("f32.nearest", 0, 0x90, Imm.NONE, "f>f", 0),
    F32_SQRT("f32.sqrt", 0, 0x91, Imm.NONE, "f>f", 0),
    F32_ADD("f32.add", 0, 0x92, Imm.NONE, "ff>f", 0),
    F32_SUB("f32.sub", 0, 0x93, Imm.NONE, "ff>f", 0),
    F32_MUL("f32.mul", 0, 0x94, Imm.NONE, "ff>f", 0),
    F32_DIV("f32.div", 0, 0x95, Imm.NONE, "ff>f", 0),
    F32_MIN("f32.min", 0, 0x96, Imm.NONE, "ff>f", 0),
    F32_MAX("f32.max", 0, 0x97, Imm.NONE, "ff>f", 0),
    F32_COPYSIGN("f32.copysign", 0, 0x98, Imm.NONE, "ff>f", 0),
    F64_ABS("f64.abs", 0, 0x99, Imm.NONE, "F>F", 0),
    F64_NEG("f64.neg", 0, 0x9A, Imm.NONE, "F>F", 0),
    F64_CEIL("f64.ceil", 0, 0x9B, Imm.NONE, "F>F", 0),
    F64_FLOOR("f64.floor", 0, 0x9C, Imm.NONE, "F>F", 0),
    F64_TRUNC("f64.trunc", 0, 0x9D, Imm.NONE, "F>F", 0),
    F64_NEAREST("f64.nearest", 0, 0x9E, Imm.NONE, "F>F", 0),
    F64_SQRT("f64.sqrt", 0, 0x9F, Imm.NONE, "F>F", 0),
    F64_ADD("f64.add", 0, 0xA0, Imm.NONE, "FF>F", 0),
    F64_SUB("f64.sub", 0, 0xA1, Imm.NONE, "FF>F", 0),
    F64_MUL("f64.mul", 0, 0xA2, Imm.NONE, "FF>F", 0),
    F64_DIV("f64.div", 0, 0xA3, Imm.NONE, "FF>F", 0),
    F64_MIN("f64.min", 0, 0xA4, Imm.NONE, "FF>F", 0),
    F64_MAX("f64.max", 0, 0xA5, Imm.NONE, "FF>F", 0),
    F64_COPYSIGN("f64.copysign", 0, 0xA6, Imm.NONE, "FF>F", 0),
    I32_WRAP_I64("i32.wrap_i64", 0, 0xA7, Imm.NONE, "I>i", 0),
    I32_TRUNC_F32_S("i32.trunc_f32_s", 0, 0xA8, Imm.NONE, "f>i", 0),
    I32_TRUNC_F32_U("i32.trunc_f32_u", 0, 0xA9, Imm.NONE, "f>i", 0),
    I32_TRUNC_F64_S("i32.trunc_f64_s", 0, 0xAA, Imm.NONE, "F>i", 0),
    I32_TRUNC_F64_U("i32.trunc_f64_u", 0, 0xAB, Imm.NONE, "F>i", 0),
    I64_EXTEND_I32_S("i64.extend_i32_s", 0, 0xAC, Imm.NONE, "i>I", 0),
    I64_EXTEND_I32_U("i64.extend_i32_u", 0, 0xAD, Imm.NONE, "i>I", 0),
    I64_TRUNC_F32_S("i64.trunc_f32_s", 0, 0xAE, Imm.NONE, "f>I", 0),
    I64_TRUNC_F32_U("i64.trunc_f32_u", 0, 0xAF, Imm.NONE, "f>I", 0),
    I64_TRUNC_F64_S("i64.trunc_f64_s", 0, 0xB0, Imm.NONE, "F>I", 0),
    I64_TRUNC_F64_U("i64.trunc_f64_u", 0, 0xB1, Imm.NONE, "F>I", 0),
    F32_CONVERT_I32_S("f32.convert_i32_s", 0, 0xB2, Imm.NONE, "i>f", 0),
    F32_CONVERT_I32_U("f32.convert_i32_u", 0, 0xB3, Imm.NONE, "i>f", 0),
    F32_CONVERT_I64_S("f32.convert_i64_s", 0, 0xB4, Imm.NONE, "I>f", 0),
    F32_CONVERT_I64_U("f32.convert_i64_u", 0, 0xB5, Imm.NONE, "I>f", 0),
    F32_DEMOTE_F64("f32.demote_f64", 0, 0xB6, Imm.NONE, "F>f", 0),
    F64_CONVERT_I32_S("f64.convert_i32_s", 0, 0xB7, Imm.NONE, "i>F", 0),
    F64_CONVERT_I32_U("f64.convert_i32_u", 0, 0xB8, Imm.NONE, "i>F", 0),
    F64_CONVERT_I64_S("f64.convert_i64_s", 0, 0xB9, Imm.NONE, "I>F", 0),
    F64_CONVERT_I64_U("f64.convert_i64_u", 0, 0xBA, Imm.NONE, "I>F", 0),
    F64_PROMOTE_F32("f64.promote_f32", 0, 0xBB, Imm.NONE, "f>F", 0),
    I32_REINTERPRET_F32("i32.reinterpret_f32", 0, 0xBC, Imm.NONE, "f>i", 0),
    I64_REINTERPRET_F64("i64.reinterpret_f64", 0, 0xBD, Imm.NONE, "F>I", 0),
    F32_REINTERPRET_I32("f32.reinterpret_i32", 0, 0xBE, Imm.NONE, "i>f", 0),
    F64_REINTERPRET_I64("f64.reinterpret_i64", 0, 0xBF, Imm.NONE, "I>F", 0),
    I32_EXTEND8_S("i32.extend8_s", 0, 0xC0, Imm.NONE, "i>i", 0),
    I32_EXTEND16_S("i32.extend16_s", 0, 0xC1, Imm.NONE, "i>i", 0),
    I64_EXTEND8_S("i64.extend8_s", 0, 0xC2, Imm.NONE, "I>I", 0),
    I64_EXTEND16_S("i64.extend16_s", 0, 0xC3, Imm.NONE, "I>I", 0),
    I64_EXTEND32_S("i64.extend32_s", 0, 0xC4, Imm.NONE, "I>I", 0),
    REF_NULL("ref.null", 0, 0xD0, Imm.HEAP_TYPE, null, 0, Flag.CONSTANT),
    REF_IS_NULL("ref.is_null", 0, 0xD1, Imm.NONE, null, 0),
    REF_FUNC("ref.func", 0, 0xD2, Imm.FUNC, null, 0, Flag.CONSTANT),
    REF_EQ("ref.eq", 0, 0xD3, Imm.NONE, null, 0),
    REF_AS_NON_NULL("ref.as_non_null", 0, 0xD4, Imm.NONE, null, 0),
    BR_ON_NULL("br_on_null", 0, 0xD5, Imm.LABEL, null, 0),
    BR_ON_NON_NULL("br_on_non_null", 0, 0xD6, Imm.LABEL, null, 0),
    STRUCT_NEW("struct.new", 0xFB, 0x00, Imm.TYPE, null, 0, Flag.CONSTANT),
    STRUCT_NEW_DEFAULT("struct.new_default", 0xFB, 0x01, Imm.TYPE, null, 0, Flag.CONSTANT),
    STRUCT_GET("struct.get", 0xFB, 0x02, Imm.TYPE_FIELD, null, 0),
    STRUCT_GET_S("struct.get_s", 0xFB, 0x03, Imm.TYPE_FIELD, null, 0),
    STRUCT_GET_U("struct.get_u", 0xFB, 0x04, Imm.TYPE_FIELD, null, 0),
    STRUCT_SET("struct.set", 0xFB, 0x05, Imm.TYPE_FIELD, null, 0),
    ARRAY_NEW("array.new", 0xFB, 0x06, Imm.TYPE, null, 0, Flag.CONSTANT),
    ARRAY_NEW_DEFAULT("array.new_default", 0xFB, 0x07, Imm.TYPE, null, 0, Flag.CONSTANT),
    ARRAY_NEW_FIXED("array.new_fixed", 0xFB, 0x08, Imm.TYPE_LEN, null, 0, Flag.CONSTANT),
    ARRAY_NEW_DATA("array.new_data", 0xFB, 0x09, Imm.TYPE_DATA, null, 0),
    ARRAY_NEW_ELEM("array.new_elem", 0xFB, 0x0A, Imm.TYPE_ELEM, null, 0),
    ARRAY_GET("array.get", 0xFB, 0x0B, Imm.TYPE, null, 0),
    ARRAY_GET_S("array.get_s", 0xFB, 0x0C, Imm.TYPE, null, 0),
    ARRAY_GET_U("array.get_u", 0xFB, 0x0D, Imm.TYPE, null, 0),
    ARRAY_SET("array.set", 0xFB, 0x0E, Imm.TYPE, null, 0),
    ARRAY_LEN("array.len", 0xFB, 0x0F, Imm.NONE, null, 0),
    ARRAY_FILL("array.fill", 0xFB, 0x10, Imm.TYPE, null, 0),
    ARRAY_COPY("array.copy", 0xFB, 0x11, Imm.TYPE_TYPE, null, 0),
    ARRAY_INIT_DATA("array.init_data", 0xFB, 0x12, Imm.TYPE_DATA, null, 0),
    ARRAY_INIT_ELEM("array.init_elem", 0xFB, 0x13, Imm.TYPE_ELEM, null, 0),
    REF_TEST("ref.test", 0xFB, 0x14, Imm.HEAP_TYPE, null, 0),
    REF_TEST_NULL("ref.test", 0xFB, 0x15, Imm.HEAP_TYPE, null, 0),
    REF_CAST("ref.cast", 0xFB, 0x16, Imm.HEAP_TYPE, null, 0),
    REF_CAST_NULL("ref.cast", 0xFB, 0x17, Imm.HEAP_TYPE, null, 0),
    BR_ON_CAST("br_on_cast", 0xFB, 0x18, Imm.BR_ON_CAST, null, 0),
    BR_ON_CAST_FAIL("br_on_cast_fail", 0xFB, 0x19, Imm.BR_ON_CAST, null, 0),
    ANY_CONVERT_EXTERN("any.convert_extern", 0xFB, 0x1A, Imm.NONE, null, 0, Flag.CONSTANT),
    EXTERN_CONVERT_ANY("extern.convert_any", 0xFB, 0x1B, Imm.NONE, null, 0, Flag.CONSTANT),
    REF_I31("ref.i31", 0xFB, 0x1C, Imm.NONE, null, 0, Flag.CONSTANT),
    I31_GET_S("i31.get_s", 0xFB, 0x1D, Imm.NONE, null, 0),
    I31_GET_U("i31.get_u", 0xFB, 0x1E, Imm.NONE, null, 0),
    I32_TRUNC_SAT_F32_S("i32.trunc_sat_f32_s", 0xFC, 0x00, Imm.NONE, "f>i", 0),
    I32_TRUNC_SAT_F32_U("i32.trunc_sat_f32_u", 0xFC, 0x01, Imm.NONE, "f>i", 0),
    I32_TRUNC_SAT_F64_S("i32.trunc_sat_f64_s", 0xFC, 0x02, Imm.NONE, "F>i", 0),
    I32_TRUNC_SAT_F64_U("i32.trunc_sat_f64_u", 0xFC, 0x03, Imm.NONE, "F>i", 0),
    I64_TRUNC_SAT_F32_S("i64.trunc_sat_f32_s", 0xFC, 0x04, Imm.NONE, "f>I", 0),
    I64_TRUNC_SAT_F32_U("i64.trunc_sat_f32_u", 0xFC, 0x05, Imm.NONE, "f>I", 0),
    I64_TRUNC_SAT_F64_S("i64.trunc_sat_f64_s", 0xFC, 0x06, Imm.NONE, "F>I", 0),
    I64_TRUNC_SAT_F64_U("i64.trunc_sat_f64_u", 0xFC, 0x07, Imm.NONE, "F>I", 0),
    MEMORY_INIT("memory.init", 0xFC, 0x08, Imm.MEMORY_INIT, null, 0),
    DATA_DROP("data.drop", 0xFC, 0x09, Imm.DATA, null, 0),
    MEMORY_COPY("memory.copy", 0xFC, 0x0A, Imm.MEMORY_COPY, null, 0),
    MEMORY_FILL("memory.fill", 0xFC, 0x0B, Imm.MEMORY, null, 0),
    TABLE_INIT("table.init", 0xFC, 0x0C, Imm.TABLE_INIT, null, 0),
    ELEM_DROP("elem.drop", 0xFC, 0x0D, Imm.ELEM, null, 0),
    TABLE_COPY("table.copy", 0xFC, 0x0E, Imm.TABLE_COPY, null, 0),
    TABLE_GROW("table.grow", 0xFC, 0x0F, Imm.TABLE, null, 0),
    TABLE_SIZE("table.size", 0xFC, 0x10, Imm.TABLE, null, 0),
    TABLE_FILL("table.fill", 0xFC, 0x11, Imm.TABLE, null, 0),
    V128_LOAD("v128.load", 0xFD, 0x00, Imm.MEMARG, "a>v", 16),
    V128_LOAD8X8_S("v128.load8x8_s", 0xFD, 0x01, Imm.MEMARG, "a>v", 8, Flag.SIGNED),
    V128_LOAD8X8_U("v128.load8x8_u", 0xFD, 0x02, Imm.MEMARG, "a>v", 8, Flag.UNSIGNED),
    V128_LOAD16X4_S("v128.load16x4_s", 0xFD, 0x03, Imm.MEMARG, "a>v", 8, Flag.SIGNED),
    V128_LOAD16X4_U("v128.load16x4_u", 0xFD, 0x04, Imm.MEMARG, "a>v", 8, Flag.UNSIGNED),
    V128_LOAD32X2_S("v128.load32x2_s", 0xFD, 0x05, Imm.MEMARG, "a>v", 8, Flag.SIGNED),
    V128_LOAD32X2_U("v128.load32x2_u", 0xFD, 0x06, Imm.MEMARG, "a>v", 8, Flag.UNSIGNED),
    V128_LOAD8_SPLAT("v128.load8_splat", 0xFD, 0x07, Imm.MEMARG, "a>v", 1),
    V128_LOAD16_SPLAT("v128.load16_splat", 0xFD, 0x08, Imm.MEMARG, "a>v", 2),
    V128_LOAD32_SPLAT("v128.load32_splat", 0xFD, 0x09, Imm.MEMARG, "a>v", 4),
    V128_LOAD64_SPLAT("v128.load64_splat", 0xFD, 0x0A, Imm.MEMARG, "a>v", 8),
    V128_STORE("v128.store", 0xFD, 0x0B, Imm.MEMARG, "av>", 16),
    V128_CONST("v128.const", 0xFD, 0x0C, Imm.V128, ">v", 0, Flag.CONSTANT),
    I8X16_SHUFFLE("i8x16.shuffle", 0xFD, 0x0D, Imm.SHUFFLE, "vv>v", 0),
    I8X16_SWIZZLE("i8x16.swizzle", 0xFD, 0x0E, Imm.NONE, "vv>v", 0),
    I8X16_SPLAT("i8x16.splat", 0xFD, 0x0F, Imm.NONE, "i>v", 0),
    I16X8_SPLAT("i16x8.splat", 0xFD, 0x10, Imm.NONE, "i>v", 0),
    I32X4_SPLAT("i32x4.splat", 0xFD, 0x11, Imm.NONE, "i>v", 0),
    I64X2_SPLAT("i64x2.splat", 0xFD, 0x12, Imm.NONE, "I>v", 0),
    F32X4_SPLAT("f32x4.splat", 0xFD, 0x13, Imm.NONE, "f>v", 0),
    F64X2_SPLAT("f64x2.splat", 0xFD, 0x14, Imm.NONE, "F>v", 0),
    I8X16_EXTRACT_LANE_S("i8x16.extract_lane_s", 0xFD, 0x15, Imm.LANE, "v>i", 16),
    I8X16_EXTRACT_LANE_U("i8x16.extract_lane_u", 0xFD, 0x16, Imm.LANE, "v>i", 16),
    I8X16_REPLACE_LANE("i8x16.replace_lane", 0xFD, 0x17, Imm.LANE, "vi>v", 16),
    I16X8_EXTRACT_LANE_S("i16x8.extract_lane_s", 0xFD, 0x18, Imm.LANE, "v>i", 8),
    I16X8_EXTRACT_LANE_U("i16x8.extract_lane_u", 0xFD, 0x19, Imm.LANE, "v>i", 8),
    I16X8_REPLACE_LANE("i16x8.replace_lane", 0xFD, 0x1A, Imm.LANE, "vi>v", 8),
    I32X4_EXTRACT_LANE("i32x4.extract_lane", 0xFD, 0x1B, Imm.LANE, "v>i", 4),
    I32X4_REPLACE_LANE("i32x4.replace_lane", 0xFD, 0x1C, Imm.LANE, "vi>v", 4),
    I64X2_EXTRACT_LANE("i64x2.extract_lane", 0xFD, 0x1D, Imm.LANE, "v>I", 2),
    I64X2_REPLACE_LANE("i64x2.replace_lane", 0xFD, 0x1E, Imm.LANE, "vI>v", 2),
    F32X4_EXTRACT_LANE("f32x4.extract_lane", 0xFD, 0x1F, Imm.LANE, "v>f", 4),
    F32X4_REPLACE_LANE("f32x4.replace_lane", 0xFD, 0x20, Imm.LANE, "vf>v", 4),
    F64X2_EXTRACT_LANE("f64x2.extract_lane", 0xFD, 0x21, Imm.LANE, "v>F", 2),
    F64X2_REPLACE_LANE("f64x2.replace_lane", 0xFD, 0x22, Imm.LANE, "vF>v", 2),
    I8X16_EQ("i8x16.eq", 0xFD, 0x23, Imm.NONE, "vv>v", 0),
    I8X16_NE("i8x16.ne", 0xFD, 0x24, Imm.NONE, "vv>v", 0),
    I8X16_LT_S("i8x16.lt_s", 0xFD, 0x25, Imm.NONE, "vv>v", 0),
    I8X16_LT_U("i8x16.lt_u", 0xFD, 0x26, Imm.NONE, "vv>v", 0),
    I8X16_GT_S("i8x16.gt_s", 0xFD, 0x27, Imm.NONE, "vv>v", 0),
    I8X16_GT_U("i8x16.gt_u", 0xFD, 0x28, Imm.NONE, "vv>v", 0),
    I8X16_LE_S("i8x16.le_s", 0xFD, 0x29, Imm.NONE, "vv>v", 0),
    I8X16_LE_U("i8x16.le_u", 0xFD, 0x2A, Imm.NONE, "vv>v", 0),
    I8X16_GE_S("i8x16.ge_s", 0xFD, 0x2B, Imm.NONE, "vv>v", 0),
    I8X16_GE_U("i8x16.ge_u", 0xFD, 0x2C, Imm.NONE, "vv>v", 0),
    I16X8_EQ("i16x8.eq", 0xFD, 0x2D, Imm.NONE, "vv>v", 0),
    I16X8_NE("i16x8.ne", 0xFD, 0x2E, Imm.NONE, "vv>v", 0),
    I16X8_LT_S("i16x8.lt_s", 0xFD, 0x2F, Imm.NONE, "vv>v", 0),
    I16X8_LT_U("i16x8.lt_u", 0xFD, 0x30, Imm.NONE, "vv>v", 0),
    I16X8_GT_S("i16x8.gt_s", 0xFD, 0x31, Imm.NONE, "vv>v", 0),
    I16X8_GT_U("i16x8.gt_u", 0xFD, 0x32, Imm.NONE, "vv>v", 0),
    I16X8_LE_S("i16x8.le_s", 0xFD, 0x33, Imm.NONE, "vv>v", 0),
    I16X8_LE_U("i16x8.le_u", 0xFD, 0x34, Imm.NONE, "vv>v", 0),
    I16X8_GE_S("i16x8.ge_s", 0xFD, 0x35, Imm.NONE, "vv>v", 0),
    I16X8_GE_U("i16x8.ge_u", 0xFD, 0x36, Imm.NONE, "vv>v", 0),
    I32X4_EQ("i32x4.eq", 0xFD, 0x37, Imm.NONE, "vv>v", 0),
    I32X4_NE("i32x4.ne", 0xFD, 0x38, Imm.NONE, "vv>v", 0),
    I32X4_LT_S("i32x4.lt_s", 0xFD, 0x39, Imm.NONE, "vv>v", 0),
    I32X4_LT_U("i32x4.lt_u", 0xFD, 0x3A, Imm.NONE, "vv>v", 0),
    I32X4_GT_S("i32x4.gt_s", 0xFD, 0x3B, Imm.NONE, "vv>v", 0),
    I32X4_GT_U("i32x4.gt_u", 0xFD, 0x3C, Imm.NONE, "vv>v", 0),
    I32X4_LE_S("i32x4.le_s", 0xFD, 0x3D, Imm.NONE, "vv>v", 0),
    I32X4_LE_U("i32x4.le_u", 0xFD, 0x3E, Imm.NONE, "vv>v", 0),
    I32X4_GE_S("i32x4.ge_s", 0xFD, 0x3F, Imm.NONE, "vv>v", 0),
    I32X4_GE_U("i32x4.ge_u", 0xFD, 0x40, Imm.NONE, "vv>v", 0),
    F32X4_EQ("f32x4.eq", 0xFD, 0x41, Imm.NONE, "vv>v", 0),
    F32X4_NE("f32x4.ne", 0xFD, 0x42, Imm.NONE, "vv>v", 0),
    F32X4_LT("f32x4.lt", 0xFD, 0x43, Imm.NONE, "vv>v", 0),
    F32X4_GT("f32x4.gt", 0xFD, 0x44, Imm.NONE, "vv>v", 0),
    F32X4_LE("f32x4.le", 0xFD, 0x45, Imm.NONE, "vv>v", 0),
    F32X4_GE("f32x4.ge", 0xFD, 0x46, Imm.NONE, "vv>v", 0),
    F64X2_EQ("f64x2.eq", 0xFD, 0x47, Imm.NONE, "vv>v", 0),
    F64X2_NE("f64x2.ne", 0xFD, 0x48, Imm.NONE, "vv>v", 0),
    F64X2_LT("f64x2.lt", 0xFD, 0x49, Imm.NONE, "vv>v", 0),
    F64X2_GT("f64x2.gt", 0xFD, 0x4A, Imm.NONE, "vv>v", 0),
    F64X2_LE("f64x2.le", 0xFD, 0x4B, Imm.NONE, "vv>v", 0),
    F64X2_GE("f64x2.ge", 0xFD, 0x4C, Imm.NONE, "vv>v", 0),
    V128_NOT("v128.not", 0xFD, 0x4D, Imm.NONE, "v>v", 0),
    V128_AND("v128.and", 0xFD, 0x4E, Imm.NONE, "vv>v", 0),
    V128_ANDNOT("v128.andnot", 0xFD, 0x4F, Imm.NONE, "vv>v", 0),
    V128_OR("v128.or", 0xFD, 0x50, Imm.NONE, "vv>v", 0),
    V128_XOR("v128.xor", 0xFD, 0x51, Imm.NONE, "vv>v", 0),
    V128_BITSELECT("v128.bitselect", 0xFD, 0x52, Imm.NONE, "vvv>v", 0),
    V128_ANY_TRUE("v128.any_true", 0xFD, 0x53, Imm.NONE, "v>i", 0),
    V128_LOAD8_LANE("v128.load8_lane", 0xFD, 0x54, Imm.MEMARG_LANE, "av>v", 1),
    V128_LOAD16_LANE("v128.load16_lane", 0xFD, 0x55, Imm.MEMARG_LANE, "av>v", 2),
    V128_LOAD32_LANE("v128.load32_lane", 0xFD, 0x56, Imm.MEMARG_LANE, "av>v", 4),
    V128_LOAD64_LANE("v128.load64_lane", 0xFD, 0x57, Imm.MEMARG_LANE, "av>v", 8),
    V128_STORE8_LANE("v128.store8_lane", 0xFD, 0x58, Imm.MEMARG_LANE, "av>", 1),
    V128_STORE16_LANE("v128.store16_lane", 0xFD, 0x59, Imm.MEMARG_LANE, "av>", 2),
    V128_STORE32_LANE("v128.store32_lane", 0xFD, 0x5A, Imm.MEMARG_LANE, "av>", 4),
    V128_STORE64_LANE("v128.store64_lane", 0xFD, 0x5B, Imm.MEMARG_LANE, "av>", 8),
    V128_LOAD32_ZERO("v128.load32_zero", 0xFD, 0x5C, Imm.MEMARG, "a>v", 4),
    V128_LOAD64_ZERO("v128.load64_zero", 0xFD, 0x5D, Imm.MEMARG, "a>v", 8),
    F32X4_DEMOTE_F64X2_ZERO("f32x4.demote_f64x2_zero", 0xFD, 0x5E, Imm.NONE, "v>v", 0),
    F64X2_PROMOTE_LOW_F32X4("f64x2.promote_low_f32x4", 0xFD, 0x5F, Imm.NONE, "v>v", 0),
    I8X16_ABS("i8x16.abs", 0xFD, 0x60, Imm.NONE, "v>v", 0),
    I8X16_NEG("i8x16.neg", 0xFD, 0x61, Imm.NONE, "v>v", 0),
    I8X16_POPCNT("i8x16.popcnt", 0xFD, 0x62, Imm.NONE, "v>v", 0),
    I8X16_ALL_TRUE("i8x16.all_true", 0xFD, 0x63, Imm.NONE, "v>i", 0),
    I8X16_BITMASK("i8x16.bitmask", 0xFD, 0x64, Imm.NONE, "v>i", 0),
    I8X16_NARROW_I16X8_S("i8x16.narrow_i16x8_s", 0xFD, 0x65, Imm.NONE, "vv>v", 0),
    I8X16_NARROW_I16X8_U("i8x16.narrow_i16x8_u", 0xFD, 0x66, Imm.NONE, "vv>v", 0),
    F32X4_CEIL("f32x4.ceil", 0xFD, 0x67, Imm.NONE, "v>v", 0),
    F32X4_FLOOR("f32x4.floor", 0xFD, 0x68, Imm.NONE, "v>v", 0),
    F32X4_TRUNC("f32x4.trunc", 0xFD, 0x69, Imm.NONE, "v>v", 0),
    F32X4_NEAREST("f32x4.nearest", 0xFD, 0x6A, Imm.NONE, "v>v", 0),
    I8X16_SHL("i8x16.shl", 0xFD, 0x6B, Imm.NONE, "vi>v", 0),
    I8X16_SHR_S("i8x16.shr_s", 0xFD, 0x6C, Imm.NONE, "vi>v", 0),
    I8X16_SHR_U("i8x16.shr_u", 0xFD, 0x6D, Imm.NONE, "vi>v", 0),
    I8X16_ADD("i8x16.add", 0xFD, 0x6E, Imm.NONE, "vv>v", 0),
    I8X16_ADD_SAT_S("i8x16.add_sat_s", 0xFD, 0x6F, Imm.NONE, "vv>v", 0),
    I8X16_ADD_SAT_U("i8x16.add_sat_u", 0xFD, 0x70, Imm.NONE, "vv>v", 0),
    I8X16_SUB("i8x16.sub", 0xFD, 0x71, Imm.NONE, "vv>v", 0),
    I8X16_SUB_SAT_S("i8x16.sub_sat_s", 0xFD, 0x72, Imm.NONE, "vv>v", 0),
    I8X16_SUB_SAT_U("i8x16.sub_sat_u", 0xFD, 0x73, Imm.NONE, "vv>v", 0),
    F64X2_CEIL("f64x2.ceil", 0xFD, 0x74, Imm.NONE, "v>v", 0),
    F64X2_FLOOR("f64x2.floor", 0xFD, 0x75, Imm.NONE, "v>v", 0),
    I8X16_MIN_S("i8x16.min_s", 0xFD, 0x76, Imm.NONE, "vv>v", 0),
    I8X16_MIN_U("i8x16.min_u", 0xFD, 0x77, Imm.NONE, "vv>v", 0),
    I8X16_MAX_S("i8x16.max_s", 0xFD, 0x78, Imm.NONE, "vv>v", 0),
    I8X16_MAX_U("i8x16.max_u", 0xFD, 0x79, Imm.NONE, "vv>v", 0),
    F64X2_TRUNC("f64x2.trunc", 0xFD, 0x7A, Imm.NONE, "v>v", 0),
    I8X16_AVGR_U("i8x16.avgr_u", 0xFD, 0x7B, Imm.NONE, "vv>v", 0),
    I16X8_EXTADD_PAIRWISE_I8X16_S("i16x8.extadd_pairwise_i8x16_s", 0xFD, 0x7C, Imm.NONE, "v>v", 0),
    I16X8_EXTADD_PAIRWISE_I8X16_U("i16x8.extadd_pairwise_i8x16_u", 0xFD, 0x7D, Imm.NONE, "v>v", 0),
    I32X4_EXTADD_PAIRWISE_I16X8_S("i32x4.extadd_pairwise_i16x8_s", 0xFD, 0x7E, Imm.NONE, "v>v", 0),
    I32X4_EXTADD_PAIRWISE_I16X8_U("i32x4.extadd_pairwise_i16x8_u", 0xFD, 0x7F, Imm.NONE, "v>v", 0),
    I16X8_ABS("i16x8.abs", 0xFD, 0x80, Imm.NONE, "v>v", 0),
    I16X8_NEG("i16x8.neg", 0xFD, 0x81, Imm.NONE, "v>v", 0),
    I16X8_Q15MULR_SAT_S("i16x8.q15mulr_sat_s", 0xFD, 0x82, Imm.NONE, "vv>v", 0),
    I16X8_ALL_TRUE("i16x8.all_true", 0xFD, 0x83, Imm.NONE, "v>i", 0),
    I16X8_BITMASK("i16x8.bitmask", 0xFD, 0x84, Imm.NONE, "v>i", 0),
    I16X8_NARROW_I32X4_S("i16x8.narrow_i32x4_s", 0xFD, 0x85, Imm.NONE, "vv>v", 0),
    I16X8_NARROW_I32X4_U("i16x8.narrow_i32x4_u", 0xFD, 0x86, Imm.NONE, "vv>v", 0),
    I16X8_EXTEND_LOW_I8X16_S("i16x8.extend_low_i8x16_s", 0xFD, 0x87, Imm.NONE, "v>v", 0),
    I16X8_EXTEND_HIGH_I8X16_S("i16x8.extend_high_i8x16_s", 0xFD, 0x88, Imm.NONE, "v>v", 0),
    I16X8_EXTEND_LOW_I8X16_U("i16x8.extend_low_i8x16_u", 0xFD, 0x89, Imm.NONE, "v>v", 0),
    I16X8_EXTEND_HIGH_I8X16_U("i16x8.extend_high_i8x16_u", 0xFD, 0x8A, Imm.NONE, "v>v", 0),
    I16X8_SHL("i16x8.shl", 0xFD, 0x8B, Imm.NONE, "vi>v", 0),
    I16X8_SHR_S("i16x8.shr_s", 0xFD, 0x8C, Imm.NONE, "vi>v", 0),
    I16X8_SHR_U("i16x8.shr_u", 0xFD, 0x8D, Imm.NONE, "vi>v", 0),
    I16X8_ADD("i16x8.add", 0xFD, 0x8E, Imm.NONE, "vv>v", 0),
    I16X8_ADD_SAT_S("i16x8.add_sat_s", 0xFD, 0x8F, Imm.NONE, "vv>v", 0),
    I16X8_ADD_SAT_U("i16x8.add_sat_u", 0xFD, 0x90, Imm.NONE, "vv>v", 0),
    I16X8_SUB("i16x8.sub", 0xFD, 0x91, Imm.NONE, "vv>v", 0),
    I16X8_SUB_SAT_S("i16x8.sub_sat_s", 0xFD, 0x92, Imm.NONE, "vv>v", 0),
    I16X8_SUB_SAT_U("i16x8.sub_sat_u", 0xFD, 0x93, Imm.NONE, "vv>v", 0),
    F64X2_NEAREST("f64x2.nearest", 0xFD, 0x94, Imm.NONE, "v>v", 0),
    I16X8_MUL("i16x8.mul", 0xFD, 0x95, Imm.NONE, "vv>v", 0),
    I16X8_MIN_S("i16x8.min_s", 0xFD, 0x96, Imm.NONE, "vv>v", 0),
    I16X8_MIN_U("i16x8.min_u", 0xFD, 0x97, Imm.NONE, "vv>v", 0),
    I16X8_MAX_S("i16x8.max_s", 0xFD, 0x98, Imm.NONE, "vv>v", 0),
    I16X8_MAX_U("i16x8.max_u", 0xFD, 0x99, Imm.NONE, "vv>v", 0),
    I16X8_AVGR_U("i16x8.avgr_u", 0xFD, 0x9B, Imm.NONE, "vv>v", 0),
    I16X8_EXTMUL_LOW_I8X16_S("i16x8.extmul_low_i8x16_s", 0xFD, 0x9C, Imm.NONE, "vv>v", 0),
    I16X8_EXTMUL_HIGH_I8X16_S("i16x8.extmul_high_i8x16_s", 0xFD, 0x9D, Imm.NONE, "vv>v", 0),
    I16X8_EXTMUL_LOW_I8X16_U("i16x8.extmul_low_i8x16_u", 0xFD, 0x9E, Imm.NONE, "vv>v", 0),
    I16X8_EXTMUL_HIGH_I8X16_U("i16x8.extmul_high_i8x16_u", 0xFD, 0x9F, Imm.NONE, "vv>v", 0),
    I32X4_ABS("i32x4.abs", 0xFD, 0xA0, Imm.NONE, "v>v", 0),
    I32X4_NEG("i32x4.neg", 0xFD, 0xA1, Imm.NONE, "v>v", 0),
    I32X4_ALL_TRUE("i32x4.all_true", 0xFD, 0xA3, Imm.NONE, "v>i", 0),
    I32X4_BITMASK("i32x4.bitmask", 0xFD, 0xA4, Imm.NONE, "v>i", 0),
    I32X4_EXTEND_LOW_I16X8_S("i32x4.extend_low_i16x8_s", 0xFD, 0xA7, Imm.NONE, "v>v", 0),
    I32X4_EXTEND_HIGH_I16X8_S("i32x4.extend_high_i16x8_s", 0xFD, 0xA8, Imm.NONE, "v>v", 0),
    I32X4_EXTEND_LOW_I16X8_U("i32x4.extend_low_i16x8_u", 0xFD, 0xA9, Imm.NONE, "v>v", 0),
    I32X4_EXTEND_HIGH_I16X8_U("i32x4.extend_high_i16x8_u", 0xFD, 0xAA, Imm.NONE, "v>v", 0),
    I32X4_SHL("i32x4.shl", 0xFD, 0xAB, Imm.NONE, "vi>v", 0),
    I32X4_SHR_S("i32x4.shr_s", 0xFD, 0xAC, Imm.NONE, "vi>v", 0),
    I32X4_SHR_U("i32x4.shr_u", 0xFD, 0xAD, Imm.NONE, "vi>v", 0),
    I32X4_ADD("i32x4.add", 0xFD, 0xAE, Imm.NONE, "vv>v", 0),
    I32X4_SUB("i32x4.sub", 0xFD, 0xB1, Imm.NONE, "vv>v", 0),
    I32X4_MUL("i32x4.mul", 0xFD, 0xB5, Imm.NONE, "vv>v", 0),
    I32X4_MIN_S("i32x4.min_s", 0xFD, 0xB6, Imm.NONE, "vv>v", 0),
    I32X4_MIN_U("i32x4.min_u", 0xFD, 0xB7, Imm.NONE, "vv>v", 0),
    I32X4_MAX_S("i32x4.max_s", 0xFD, 0xB8, Imm.NONE, "vv>v", 0),
    I32X4_MAX_U("i32x4.max_u", 0xFD, 0xB9, Imm.NONE, "vv>v", 0),
    I32X4_DOT_I16X8_S("i32x4.dot_i16x8_s", 0xFD, 0xBA, Imm.NONE, "vv>v", 0),
    I32X4_EXTMUL_LOW_I16X8_S("i32x4.extmul_low_i16x8_s", 0xFD, 0xBC, Imm.NONE, "vv>v", 0),
    I32X4_EXTMUL_HIGH_I16X8_S("i32x4.extmul_high_i16x8_s", 0xFD, 0xBD, Imm.NONE, "vv>v", 0),
    I32X4_EXTMUL_LOW_I16X8_U("i32x4.extmul_low_i16x8_u", 0xFD, 0xBE, Imm.NONE, "vv>v", 0),
    I32X4_EXTMUL_HIGH_I16X8_U("i32x4.extmul_high_i16x8_u", 0xFD, 0xBF, Imm.NONE, "vv>v", 0),
    I64X2_ABS("i64x2.abs", 0xFD, 0xC0, Imm.NONE, "v>v", 0),
    I64X2_NEG("i64x2.neg", 0xFD, 0xC1, Imm.NONE, "v>v", 0),
    I64X2_ALL_TRUE("i64x2.all_true", 0xFD, 0xC3, Imm.NONE, "v>i", 0),
    I64X2_BITMASK("i64x2.bitmask", 0xFD, 0xC4, Imm.NONE, "v>i", 0),
    I64X2_EXTEND_LOW_I32X4_S("i64x2.extend_low_i32x4_s", 0xFD, 0xC7, Imm.NONE, "v>v", 0),
    I64X2_EXTEND_HIGH_I32X4_S("i64x2.extend_high_i32x4_s", 0xFD, 0xC8, Imm.NONE, "v>v", 0),
    I64X2_EXTEND_LOW_I32X4_U("i64x2.extend_low_i32x4_u", 0xFD, 0xC9, Imm.NONE, "v>v", 0),
    I64X2_EXTEND_HIGH_I32X4_U("i64x2.extend_high_i32x4_u", 0xFD, 0xCA, Imm.NONE, "v>v", 0),
    I64X2_SHL("i64x2.shl", 0xFD, 0xCB, Imm.NONE, "vi>v", 0),
    I64X2_SHR_S("i64x2.shr_s", 0xFD, 0xCC, Imm.NONE, "vi>v", 0),
    I64X2_SHR_U("i64x2.shr_u", 0xFD, 0xCD, Imm.NONE, "vi>v", 0),
    I64X2_ADD("i64x2.add", 0xFD, 0xCE, Imm.NONE, "vv>v", 0),
    I64X2_SUB("i64x2.sub", 0xFD, 0xD1, Imm.NONE, "vv>v", 0),
    I64X2_MUL("i64x2.mul", 0xFD, 0xD5, Imm.NONE, "vv>v", 0),
    I64X2_EQ("i64x2.eq", 0xFD, 0xD6, Imm.NONE, "vv>v", 0),
    I64X2_NE("i64x2.ne", 0xFD, 0xD7, Imm.NONE, "vv>v", 0),
    I64X2_LT_S("i64x2.lt_s", 0xFD, 0xD8, Imm.NONE, "vv>v", 0),
    I64X2_GT_S("i64x2.gt_s", 0xFD, 0xD9, Imm.NONE, "vv>v", 0),
    I64X2_LE_S("i64x2.le_s", 0xFD, 0xDA, Imm.NONE, "vv>v", 0),
    I64X2_GE_S("i64x2.ge_s", 0xFD, 0xDB, Imm.NONE, "vv>v", 0),
    I64X2_EXTMUL_LOW_I32X4_S("i64x2.extmul_low_i32x4_s", 0xFD, 0xDC, Imm.NONE, "vv>v", 0),
    I64X2_EXTMUL_HIGH_I32X4_S("i64x2.extmul_high_i32x4_s", 0xFD, 0xDD, Imm.NONE, "vv>v", 0),
    I64X2_EXTMUL_LOW_I32X4_U("i64x2.extmul_low_i32x4_u", 0xFD, 0xDE, Imm.NONE, "vv>v", 0),
    I64X2_EXTMUL_HIGH_I32X4_U("i64x2.extmul_high_i32x4_u", 0xFD, 0xDF, Imm.NONE, "vv>v", 0),
    F32X4_ABS("f32x4.abs", 0xFD, 0xE0, Imm.NONE, "v>v", 0),
    F32X4_NEG("f32x4.neg", 0xFD, 0xE1, Imm.NONE, "v>v", 0),
    F32X4_SQRT("f32x4.sqrt", 0xFD, 0xE3, Imm.NONE, "v>v", 0),
    F32X4_ADD("f32x4.add", 0xFD, 0xE4, Imm.NONE, "vv>v", 0),
    F32X4_SUB("f32x4.sub", 0xFD, 0xE5, Imm.NONE, "vv>v", 0),
    F32X4_MUL("f32x4.mul", 0xFD, 0xE6, Imm.NONE, "vv>v", 0),
    F32X4_DIV("f32x4.div", 0xFD, 0xE7, Imm.NONE, "vv>v", 0),
    F32X4_MIN("f32x4.min", 0xFD, 0xE8, Imm.NONE, "vv>v", 0),
    F32X4_MAX("f32x4.max", 0xFD, 0xE9, Imm.NONE, "vv>v", 0),
    F32X4_PMIN("f32x4.pmin", 0xFD, 0xEA, Imm.NONE, "vv>v", 0),
    F32X4_PMAX("f32x4.pmax", 0xFD, 0xEB, Imm.NONE, "vv>v", 0),
    F64X2_ABS("f64x2.abs", 0xFD, 0xEC, Imm.NONE, "v>v", 0),
    F64X2_NEG("f64x2.neg", 0xFD, 0xED, Imm.NONE, "v>v", 0),
    F64X2_SQRT("f64x2.sqrt", 0xFD, 0xEF, Imm.NONE, "v>v", 0),
    F64X2_ADD("f64x2.add", 0xFD, 0xF0, Imm.NONE, "vv>v", 0),
    F64X2_SUB("f64x2.sub", 0xFD, 0xF1, Imm.NONE, "vv>v", 0),
    F64X2_MUL("f64x2.mul", 0xFD, 0xF2, Imm.NONE, "vv>v", 0),
    F64X2_DIV("f64x2.div", 0xFD, 0xF3, Imm.NONE, "vv>v", 0),
    F64X2_MIN("f64x2.min", 0xFD, 0xF4, Imm.NONE, "vv>v", 0),
    F64X2_MAX("f64x2.max", 0xFD, 0xF5, Imm.NONE, "vv>v", 0),
    F64X2_PMIN("f64x2.pmin", 0xFD, 0xF6, Imm.NONE, "vv>v", 0),
    F64X2_PMAX("f64x2.pmax", 0xFD, 0xF7, Imm.NONE, "vv>v", 0),
    I32X4_TRUNC_SAT_F32X4_S("i32x4.trunc_sat_f32x4_s", 0xFD, 0xF8, Imm.NONE, "v>v", 0),
    I32X4_TRUNC_SAT_F32X4_U("i32x4.trunc_sat_f32x4_u", 0xFD, 0xF9, Imm.NONE, "v>v", 0),
    F32X4_CONVERT_I32X4_S("f32x4.convert_i32x4_s", 0xFD, 0xFA, Imm.NONE, "v>v", 0),
    F32X4_CONVERT_I32X4_U("f32x4.convert_i32x4_u", 0xFD, 0xFB, Imm.NONE, "v>v", 0),
    I32X4_TRUNC_SAT_F64X2_S_ZERO("i32x4.trunc_sat_f64x2_s_zero", 0xFD, 0xFC, Imm.NONE, "v>v", 0),
    I32X4_TRUNC_SAT_F64X2_U_ZERO("i32x4.trunc_sat_f64x2_u_zero", 0xFD, 0xFD, Imm.NONE, "v>v", 0),
    F64X2_CONVERT_LOW_I32X4_S("f64x2.convert_low_i32x4_s", 0xFD, 0xFE, Imm.NONE, "v>v", 0),
    F64X2_CONVERT_LOW_I32X4_U("f64x2.convert_low_i32x4_u", 0xFD, 0xFF, Imm.NONE, "v>v", 0),
    I8X16_RELAXED_SWIZZLE("i8x16.relaxed_swizzle", 0xFD, 0x100, Imm.NONE, "vv>v", 0),
    I32X4_RELAXED_TRUNC_F32X4_S("i32x4.relaxed_trunc_f32x4_s", 0xFD, 0x101, Imm.NONE, "v>v", 0),
    I32X4_RELAXED_TRUNC_F32X4_U("i32x4.relaxed_trunc_f32x4_u", 0xFD, 0x102, Imm.NONE, "v>v", 0),
    I32X4_RELAXED_TRUNC_F64X2_S_ZERO("i32x4.relaxed_trunc_f64x2_s_zero", 0xFD, 0x103, Imm.NONE, "v>v", 0),
    I32X4_RELAXED_TRUNC_F64X2_U_ZERO("i32x4.relaxed_trunc_f64x2_u_zero", 0xFD, 0x104, Imm.NONE, "v>v", 0),
    F32X4_RELAXED_MADD("f32x4.relaxed_madd", 0xFD, 0x105, Imm.NONE, "vvv>v", 0),
    F32X4_RELAXED_NMADD("f32x4.relaxed_nmadd", 0xFD, 0x106, Imm.NONE, "vvv>v", 0),
    F64X2_RELAXED_MADD("f64x2.relaxed_madd", 0xFD, 0x107, Imm.NONE, "vvv>v", 0),
    F64X2_RELAXED_NMADD("f64x2.relaxed_nmadd", 0xFD, 0x108, Imm.NONE, "vvv>v", 0),
    I8X16_RELAXED_LANESELECT("i8x16.relaxed_laneselect", 0xFD, 0x109, Imm.NONE, "vvv>v", 0),
    I16X8_RELAXED_LANESELECT("i16x8.relaxed_laneselect", 0xFD, 0x10A, Imm.NONE, "vvv>v", 0),
    I32X4_RELAXED_LANESELECT("i32x4.relaxed_laneselect", 0xFD, 0x10B, Imm.NONE, "vvv>v", 0),
    I64X2_RELAXED_LANESELECT("i64x2.relaxed_laneselect", 0xFD, 0x10C, Imm.NONE, "vvv>v", 0),
    F32X4_RELAXED_MIN("f32x4.relaxed_min", 0xFD, 0x10D, Imm.NONE, "vv>v", 0),
    F32X4_RELAXED_MAX("f32x4.relaxed_max", 0xFD, 0x10E, Imm.NONE, "vv>v", 0),
    F64X2_RELAXED_MIN("f64x2.relaxed_min", 0xFD, 0x10F, Imm.NONE, "vv>v", 0),
    F64X2_RELAXED_MAX("f64x2.relaxed_max", 0xFD, 0x110, Imm.NONE, "vv>v", 0),
    I16X8_RELAXED_Q15MULR_S("i16x8.relaxed_q15mulr_s", 0xFD, 0x111, Imm.NONE, "vv>v", 0),
    I16X8_RELAXED_DOT_I8X16_I7X16_S("i16x8.relaxed_dot_i8x16_i7x16_s", 0xFD, 0x112, Imm.NONE, "vv>v", 0),
    I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S("i32x4.relaxed_dot_i8x16_i7x16_add_s", 0xFD, 0x113, Imm.NONE, "vvv>v", 0);

    /** Prefix byte of GC instructions. */
    public static final int GC = 0xFB;
    /** Prefix byte of saturating conversions and bulk memory/table instructions. */
    public static final int MISC = 0xFC;
    /** Prefix byte of SIMD instructions. */
    public static final int SIMD = 0xFD;

    private static final Opcode[] PLAIN = new Opcode[256];
    private static final Opcode[] GC_OPS = new Opcode[32];
    private static final Opcode[] MISC_OPS = new Opcode[32];
    private static final Opcode[] SIMD_OPS = new Opcode[0x114];
    private static final Map<String, Opcode> BY_MNEMONIC = new HashMap<>();

    static {
        for (Opcode op : values()) {
            Opcode[] table = switch (op.prefix) {
                case 0 -> PLAIN;
                case GC -> GC_OPS;
                case MISC -> MISC_OPS;
                case SIMD -> SIMD_OPS;
                default -> throw new AssertionError(op);
            };
            table[op.code] = op;
            BY_MNEMONIC.putIfAbsent(op.mnemonic, op);
        }
    }

    /** Per-row properties beyond the columns. */
    enum Flag {
        /** The instruction is allowed in constant expressions. */
        CONSTANT,
        /** A load that widens what it reads (a narrow scalar load, {@code v128.loadNxM}) sign-extends it. */
        SIGNED,
        /** A load that widens what it reads zero-extends it. */
        UNSIGNED
    }

    private final String mnemonic;
    private final int prefix;
    private final int code;
    private final Imm imm;
    private final String sig;
    private final int width;
    private final boolean constant;
    private final MemAccess memAccess;

    Opcode(String mnemonic, int prefix, int code, Imm imm, String sig, int width, Flag... flags) {
        this.mnemonic = mnemonic;
        this.prefix = prefix;
        this.code = code;
        this.imm = imm;
        this.sig = sig;
        this.width = width;
        boolean constant = false;
        Boolean signed = null;
        for (Flag f : flags) {
            if (f == Flag.CONSTANT) {
                constant = true;
            } else {
                signed = f == Flag.SIGNED;
            }
        }
        this.constant = constant;
        this.memAccess = imm == Imm.MEMARG || imm == Imm.MEMARG_LANE ? MemAccess.of(mnemonic, sig, width, signed) : null;
        if (memAccess == null && signed != null) {
            throw new IllegalArgumentException(mnemonic + ": signedness on an instruction that does not access memory");
        }
    }

    /** The instruction's name in the text format. */
    public String mnemonic() {
        return mnemonic;
    }

    /** The prefix byte (0xFB, 0xFC, 0xFD), or 0 for single-byte opcodes. */
    public int prefix() {
        return prefix;
    }

    /** The opcode byte, or for prefixed instructions the u32 that follows the prefix. */
    public int code() {
        return code;
    }

    public Imm imm() {
        return imm;
    }

    /** The fixed type rule (see the class comment), or null when typing depends on context. */
    public String sig() {
        return sig;
    }

    /** Bytes accessed by a memory instruction, or lanes of a lane instruction; 0 otherwise. */
    public int width() {
        return width;
    }

    /** How a load or store (an instruction with a memarg) accesses memory; null for every other instruction. */
    public MemAccess memAccess() {
        return memAccess;
    }

    /** Whether the instruction is allowed in a constant expression (global initialisers, segment offsets, elements). */
    public boolean constant() {
        return constant;
    }

    /** The natural alignment exponent of a memory instruction: log2 of its access width. */
    public int naturalAlignment() {
        return Integer.numberOfTrailingZeros(width);
    }

    /** The single-byte opcode {@code b}, or null when no instruction has that encoding. */
    public static Opcode plain(int b) {
        return b >= 0 && b < 256 ? PLAIN[b] : null;
    }

    /** The instruction encoded as {@code prefix} followed by {@code code}, or null. */
    public static Opcode prefixed(int prefix, long code) {
        Opcode[] table = switch (prefix) {
            case GC -> GC_OPS;
            case MISC -> MISC_OPS;
            case SIMD -> SIMD_OPS;
            default -> null;
        };
        return table != null && code >= 0 && code < table.length ? table[(int) code] : null;
    }

    /** The instruction with this text mnemonic (the plain variant where several share it), or null. */
    public static Opcode forMnemonic(String mnemonic) {
        return BY_MNEMONIC.get(mnemonic);
    }
}
