;; Exceptions in the WebAssembly 3.0 encoding: throw, try_table (catch, catch_ref, catch_all),
;; throw_ref, thrown through several frames. Built with `wasm wat2wasm try_table.wat -o try_table.wasm`.
;;
;;   wasm run try_table.wasm --invoke catch_deep 5     prints what it caught: 7, 5000 (two lines)
;;   wasm run try_table.wasm --invoke relay_deep 5     the same, after a middle frame caught the
;;                                                     exception with catch_ref and rethrew it
;;   wasm run try_table.wasm --invoke throw_deep 3     nothing catches it: the tag "failure", 13, 3000
;;   wasm run try_table.wasm --invoke throw_internal 1.5   an unexported tag, named by its index: 1
(module
  (tag $failure (export "failure") (param i32 i64))
  (tag $internal (param f64))
  (global $relayed (mut i32) (i32.const 0))

  ;; Calls itself `depth` times, then throws $failure with `code` and depth's 1000 multiple
  ;; (counted on the way down).
  (func $descend (param $depth i32) (param $code i32) (param $thousands i64)
    (if (i32.eqz (local.get $depth))
      (then (throw $failure (local.get $code) (local.get $thousands))))
    (call $descend
      (i32.sub (local.get $depth) (i32.const 1))
      (local.get $code)
      (i64.add (local.get $thousands) (i64.const 1000))))

  ;; Throws from `depth` frames down and returns the values it caught.
  (func (export "catch_deep") (param $depth i32) (result i32 i64)
    (block $caught (result i32 i64)
      (try_table (catch $failure $caught)
        (call $descend (local.get $depth) (i32.const 7) (i64.const 0)))
      (unreachable)))

  ;; A middle frame catches every exception with its reference, counts it and throws it again.
  (func $relay (param $depth i32)
    (block $caught (result exnref)
      (try_table (catch_all_ref $caught)
        (call $descend (local.get $depth) (i32.const 7) (i64.const 0)))
      (return))
    (global.set $relayed (i32.add (global.get $relayed) (i32.const 1)))
    (throw_ref))

  ;; The outer frame catches what the relay rethrew.
  (func (export "relay_deep") (param $depth i32) (result i32 i64)
    (block $caught (result i32 i64)
      (try_table (catch $failure $caught)
        (call $relay (local.get $depth)))
      (unreachable)))

  ;; How many exceptions the relay has rethrown.
  (func (export "relayed") (result i32) (global.get $relayed))

  ;; Nothing catches these.
  (func (export "throw_deep") (param $depth i32)
    (call $descend (local.get $depth) (i32.const 13) (i64.const 0)))
  (func (export "throw_internal") (param f64)
    (throw $internal (local.get 0))))
