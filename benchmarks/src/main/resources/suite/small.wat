;; The small module of the startup figures: what a typical helper module has (one page of memory with data,
;; a table with an element segment, globals, a handful of functions, an export of each kind), so instantiating
;; it measures an engine's fixed per-instance cost rather than bulk allocation.
(module
  (type $op (func (param i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "ligature small module, instantiated repeatedly")
  (table (export "table") 4 funcref)
  (elem (i32.const 0) $inc $dec $twice $load)
  (global $counter (mut i32) (i32.const 0))
  (global (export "base") i32 (i32.const 16))
  (func $inc (type $op) (i32.add (local.get 0) (i32.const 1)))
  (func $dec (type $op) (i32.sub (local.get 0) (i32.const 1)))
  (func $twice (type $op) (i32.shl (local.get 0) (i32.const 1)))
  (func $load (type $op) (i32.load8_u offset=16 (local.get 0)))
  (func (export "run") (param $n i32) (result i32)
    (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
    (call_indirect (type $op) (local.get $n) (i32.and (local.get $n) (i32.const 3)))))
