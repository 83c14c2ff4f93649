;; Dispatch through a table, as C function pointers and virtual calls compile: four (i32) -> i32 functions.
;; run(n): acc = 1; for i < n: acc = table[i & 3](acc xor i). Returns acc.
(module
  (type $op (func (param i32) (result i32)))
  (table 4 funcref)
  (elem (i32.const 0) $inc $triple $rotate $mix)
  (func $inc (type $op) (i32.add (local.get 0) (i32.const 1)))
  (func $triple (type $op) (i32.mul (local.get 0) (i32.const 3)))
  (func $rotate (type $op) (i32.rotl (local.get 0) (i32.const 5)))
  (func $mix (type $op) (i32.xor (local.get 0) (i32.shr_u (local.get 0) (i32.const 7))))
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (local.set $acc (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc
          (call_indirect (type $op)
            (i32.xor (local.get $acc) (local.get $i))
            (i32.and (local.get $i) (i32.const 3))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc)))
