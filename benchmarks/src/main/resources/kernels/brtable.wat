;; A bytecode interpreter dispatching with br_table, as interpreters compiled to Wasm (CPython's eval loop) do.
;; Accumulator machine, two bytes per instruction (opcode, operand), registers as i32s at 256 + 4r:
;;   0 HALT  1 LDI k  2 LD r  3 ST r  4 ADD r  5 MUL r  6 XOR r  7 DEC  8 JNZ target
;; The program at address 0 computes: r2 = 7; r1 = 0; do { r1 = ((r0 * r0) xor r1) + r2; r0 -= 1 } while (r0 != 0);
;; return r1. run(n) starts with r0 = n (n >= 1).
(module
  (memory 1)
  (data (i32.const 0)
    "\01\07" "\03\02" "\01\00" "\03\01"                  ;; 0: LDI 7; ST 2; LDI 0; ST 1
    "\02\00" "\05\00" "\06\01" "\04\02" "\03\01"         ;; 8: LD 0; MUL 0; XOR 1; ADD 2; ST 1
    "\02\00" "\07\00" "\03\00" "\08\08"                  ;; 18: LD 0; DEC; ST 0; JNZ 8
    "\02\01" "\00\00")                                   ;; 26: LD 1; HALT
  (func (export "run") (param $n i32) (result i32)
    (local $pc i32) (local $acc i32) (local $op i32) (local $arg i32)
    (i32.store offset=256 (i32.const 0) (local.get $n))
    loop $dispatch
      (local.set $op (i32.load8_u (local.get $pc)))
      (local.set $arg (i32.load8_u offset=1 (local.get $pc)))
      (local.set $pc (i32.add (local.get $pc) (i32.const 2)))
      block $jnz
       block $dec
        block $xor
         block $mul
          block $add
           block $st
            block $ld
             block $ldi
              block $halt
                local.get $op
                br_table $halt $ldi $ld $st $add $mul $xor $dec $jnz $halt
              end
              local.get $acc
              return
             end
             ;; LDI
             (local.set $acc (local.get $arg))
             br $dispatch
            end
            ;; LD
            (local.set $acc (i32.load offset=256 (i32.shl (local.get $arg) (i32.const 2))))
            br $dispatch
           end
           ;; ST
           (i32.store offset=256 (i32.shl (local.get $arg) (i32.const 2)) (local.get $acc))
           br $dispatch
          end
          ;; ADD
          (local.set $acc (i32.add (local.get $acc) (i32.load offset=256 (i32.shl (local.get $arg) (i32.const 2)))))
          br $dispatch
         end
         ;; MUL
         (local.set $acc (i32.mul (local.get $acc) (i32.load offset=256 (i32.shl (local.get $arg) (i32.const 2)))))
         br $dispatch
        end
        ;; XOR
        (local.set $acc (i32.xor (local.get $acc) (i32.load offset=256 (i32.shl (local.get $arg) (i32.const 2)))))
        br $dispatch
       end
       ;; DEC
       (local.set $acc (i32.sub (local.get $acc) (i32.const 1)))
       br $dispatch
      end
      ;; JNZ
      (if (local.get $acc) (then (local.set $pc (local.get $arg))))
      br $dispatch
    end
    unreachable))
