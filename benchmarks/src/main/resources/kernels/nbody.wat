;; f64 n-body-like integration: 5 bodies of 7 f64 fields at body*56 (x y z vx vy vz mass, field offsets 0..48).
;; run(steps) = bits of the total energy after `steps` advances of dt = 0.01, as i64.
(module
  (memory 1)
  (func $init
    (local $b i32) (local $p i32) (local $f f64)
    (loop $each
      (local.set $p (i32.mul (local.get $b) (i32.const 56)))
      (local.set $f (f64.convert_i32_s (local.get $b)))
      (f64.store offset=0 (local.get $p) (local.get $f))
      (f64.store offset=8 (local.get $p) (f64.mul (local.get $f) (f64.const 0.5)))
      (f64.store offset=16 (local.get $p) (f64.sub (f64.const 1) (local.get $f)))
      (f64.store offset=24 (local.get $p) (f64.mul (local.get $f) (f64.const 0.01)))
      (f64.store offset=32 (local.get $p) (f64.mul (local.get $f) (f64.const -0.02)))
      (f64.store offset=40 (local.get $p) (f64.const 0.005))
      (f64.store offset=48 (local.get $p) (f64.add (local.get $f) (f64.const 1)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br_if $each (i32.lt_u (local.get $b) (i32.const 5)))))

  (func $advance (param $dt f64)
    (local $i i32) (local $j i32) (local $pi i32) (local $pj i32)
    (local $dx f64) (local $dy f64) (local $dz f64) (local $d2 f64) (local $mag f64)
    (local $mi f64) (local $mj f64)
    (loop $outer
      (local.set $pi (i32.mul (local.get $i) (i32.const 56)))
      (local.set $mi (f64.load offset=48 (local.get $pi)))
      (local.set $j (i32.add (local.get $i) (i32.const 1)))
      (block $inner_done
        (loop $inner
          (br_if $inner_done (i32.ge_u (local.get $j) (i32.const 5)))
          (local.set $pj (i32.mul (local.get $j) (i32.const 56)))
          (local.set $mj (f64.load offset=48 (local.get $pj)))
          (local.set $dx (f64.sub (f64.load offset=0 (local.get $pi)) (f64.load offset=0 (local.get $pj))))
          (local.set $dy (f64.sub (f64.load offset=8 (local.get $pi)) (f64.load offset=8 (local.get $pj))))
          (local.set $dz (f64.sub (f64.load offset=16 (local.get $pi)) (f64.load offset=16 (local.get $pj))))
          (local.set $d2
            (f64.add (f64.add (f64.mul (local.get $dx) (local.get $dx)) (f64.mul (local.get $dy) (local.get $dy)))
                     (f64.mul (local.get $dz) (local.get $dz))))
          (local.set $mag (f64.div (local.get $dt) (f64.mul (local.get $d2) (f64.sqrt (local.get $d2)))))
          ;; v_i -= d * (m_j * mag); v_j += d * (m_i * mag)
          (f64.store offset=24 (local.get $pi)
            (f64.sub (f64.load offset=24 (local.get $pi)) (f64.mul (local.get $dx) (f64.mul (local.get $mj) (local.get $mag)))))
          (f64.store offset=32 (local.get $pi)
            (f64.sub (f64.load offset=32 (local.get $pi)) (f64.mul (local.get $dy) (f64.mul (local.get $mj) (local.get $mag)))))
          (f64.store offset=40 (local.get $pi)
            (f64.sub (f64.load offset=40 (local.get $pi)) (f64.mul (local.get $dz) (f64.mul (local.get $mj) (local.get $mag)))))
          (f64.store offset=24 (local.get $pj)
            (f64.add (f64.load offset=24 (local.get $pj)) (f64.mul (local.get $dx) (f64.mul (local.get $mi) (local.get $mag)))))
          (f64.store offset=32 (local.get $pj)
            (f64.add (f64.load offset=32 (local.get $pj)) (f64.mul (local.get $dy) (f64.mul (local.get $mi) (local.get $mag)))))
          (f64.store offset=40 (local.get $pj)
            (f64.add (f64.load offset=40 (local.get $pj)) (f64.mul (local.get $dz) (f64.mul (local.get $mi) (local.get $mag)))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $inner)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $outer (i32.lt_u (local.get $i) (i32.const 5))))
    ;; x += dt * v
    (local.set $i (i32.const 0))
    (loop $move
      (local.set $pi (i32.mul (local.get $i) (i32.const 56)))
      (f64.store offset=0 (local.get $pi)
        (f64.add (f64.load offset=0 (local.get $pi)) (f64.mul (local.get $dt) (f64.load offset=24 (local.get $pi)))))
      (f64.store offset=8 (local.get $pi)
        (f64.add (f64.load offset=8 (local.get $pi)) (f64.mul (local.get $dt) (f64.load offset=32 (local.get $pi)))))
      (f64.store offset=16 (local.get $pi)
        (f64.add (f64.load offset=16 (local.get $pi)) (f64.mul (local.get $dt) (f64.load offset=40 (local.get $pi)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $move (i32.lt_u (local.get $i) (i32.const 5)))))

  (func $energy (result f64)
    (local $e f64) (local $i i32) (local $j i32) (local $pi i32) (local $pj i32)
    (local $vx f64) (local $vy f64) (local $vz f64) (local $dx f64) (local $dy f64) (local $dz f64)
    (loop $outer
      (local.set $pi (i32.mul (local.get $i) (i32.const 56)))
      (local.set $vx (f64.load offset=24 (local.get $pi)))
      (local.set $vy (f64.load offset=32 (local.get $pi)))
      (local.set $vz (f64.load offset=40 (local.get $pi)))
      ;; e += 0.5 * m * (vx*vx + vy*vy + vz*vz)
      (local.set $e
        (f64.add (local.get $e)
          (f64.mul (f64.mul (f64.const 0.5) (f64.load offset=48 (local.get $pi)))
            (f64.add (f64.add (f64.mul (local.get $vx) (local.get $vx)) (f64.mul (local.get $vy) (local.get $vy)))
                     (f64.mul (local.get $vz) (local.get $vz))))))
      (local.set $j (i32.add (local.get $i) (i32.const 1)))
      (block $inner_done
        (loop $inner
          (br_if $inner_done (i32.ge_u (local.get $j) (i32.const 5)))
          (local.set $pj (i32.mul (local.get $j) (i32.const 56)))
          (local.set $dx (f64.sub (f64.load offset=0 (local.get $pi)) (f64.load offset=0 (local.get $pj))))
          (local.set $dy (f64.sub (f64.load offset=8 (local.get $pi)) (f64.load offset=8 (local.get $pj))))
          (local.set $dz (f64.sub (f64.load offset=16 (local.get $pi)) (f64.load offset=16 (local.get $pj))))
          ;; e -= m_i * m_j / sqrt(d2)
          (local.set $e
            (f64.sub (local.get $e)
              (f64.div (f64.mul (f64.load offset=48 (local.get $pi)) (f64.load offset=48 (local.get $pj)))
                (f64.sqrt
                  (f64.add (f64.add (f64.mul (local.get $dx) (local.get $dx)) (f64.mul (local.get $dy) (local.get $dy)))
                           (f64.mul (local.get $dz) (local.get $dz)))))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $inner)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $outer (i32.lt_u (local.get $i) (i32.const 5))))
    (local.get $e))

  (func (export "run") (param $steps i32) (result i64)
    (local $s i32)
    (call $init)
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $s) (local.get $steps)))
        (call $advance (f64.const 0.01))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $step)))
    (i64.reinterpret_f64 (call $energy))))
