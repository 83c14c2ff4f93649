;; A tight i32 arithmetic loop over locals: run(n) = sum over i < n of (i * i) xor (i >>> 3), wrapping.
(module
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $sum
          (i32.add (local.get $sum)
            (i32.xor (i32.mul (local.get $i) (local.get $i))
                     (i32.shr_u (local.get $i) (i32.const 3)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum)))
