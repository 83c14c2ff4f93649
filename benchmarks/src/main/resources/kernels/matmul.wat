;; i32 matrix multiply in linear memory: A[i][j] = i + 2j, B[i][j] = i - j, C = A x B (n x n, n <= 100).
;; A at 0, B at n*n*4, C at 2*n*n*4. run(n) = sum of C[i][j] * (i + 1) xor j, wrapping.
(module
  (memory 2)
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $j i32) (local $k i32) (local $acc i32) (local $sum i32)
    (local $b i32) (local $c i32) (local $nn4 i32)
    (local.set $nn4 (i32.shl (i32.mul (local.get $n) (local.get $n)) (i32.const 2)))
    (local.set $b (local.get $nn4))
    (local.set $c (i32.shl (local.get $nn4) (i32.const 1)))
    ;; Fill A and B.
    (local.set $i (i32.const 0))
    (loop $fill_i
      (local.set $j (i32.const 0))
      (loop $fill_j
        (i32.store
          (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 2))
          (i32.add (local.get $i) (i32.shl (local.get $j) (i32.const 1))))
        (i32.store
          (i32.add (local.get $b)
            (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 2)))
          (i32.sub (local.get $i) (local.get $j)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $fill_j (i32.lt_u (local.get $j) (local.get $n))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $fill_i (i32.lt_u (local.get $i) (local.get $n))))
    ;; C = A x B.
    (local.set $i (i32.const 0))
    (loop $mul_i
      (local.set $j (i32.const 0))
      (loop $mul_j
        (local.set $acc (i32.const 0))
        (local.set $k (i32.const 0))
        (loop $mul_k
          (local.set $acc
            (i32.add (local.get $acc)
              (i32.mul
                (i32.load (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $k)) (i32.const 2)))
                (i32.load offset=0
                  (i32.add (local.get $b)
                    (i32.shl (i32.add (i32.mul (local.get $k) (local.get $n)) (local.get $j)) (i32.const 2)))))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br_if $mul_k (i32.lt_u (local.get $k) (local.get $n))))
        (i32.store
          (i32.add (local.get $c)
            (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 2)))
          (local.get $acc))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $mul_j (i32.lt_u (local.get $j) (local.get $n))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $mul_i (i32.lt_u (local.get $i) (local.get $n))))
    ;; Checksum, reading C back from memory.
    (local.set $i (i32.const 0))
    (loop $sum_i
      (local.set $j (i32.const 0))
      (loop $sum_j
        (local.set $sum
          (i32.add (local.get $sum)
            (i32.xor
              (i32.mul
                (i32.load
                  (i32.add (local.get $c)
                    (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 2))))
                (i32.add (local.get $i) (i32.const 1)))
              (local.get $j))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $sum_j (i32.lt_u (local.get $j) (local.get $n))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $sum_i (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $sum)))
