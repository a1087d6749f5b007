;; Exceptions in the legacy encoding that toolchains still emit (C++ with -fwasm-exceptions):
;; try, catch, catch_all, rethrow and delegate, thrown through several frames. Built with
;; `wasm wat2wasm legacy.wat -o legacy.wasm`.
;;
;;   wasm run legacy.wasm --invoke catch_deep 5     prints what it caught: 7, 5000 (two lines)
;;   wasm run legacy.wasm --invoke relay_deep 5     the same, after a middle frame caught the
;;                                                  exception with catch_all and rethrew it
;;   wasm run legacy.wasm --invoke delegate_deep 5  the same, delegated past an inner catch_all
;;   wasm run legacy.wasm --invoke throw_deep 3     nothing catches it: the tag "failure", 13, 3000
(module
  (tag $failure (export "failure") (param i32 i64))
  (global $relayed (mut i32) (i32.const 0))

  ;; Calls itself `depth` times, then throws $failure with `code` and depth's 1000 multiple.
  (func $descend (param $depth i32) (param $code i32) (param $thousands i64)
    (if (i32.eqz (local.get $depth))
      (then (throw $failure (local.get $code) (local.get $thousands))))
    (call $descend
      (i32.sub (local.get $depth) (i32.const 1))
      (local.get $code)
      (i64.add (local.get $thousands) (i64.const 1000))))

  ;; Throws from `depth` frames down and returns the values it caught.
  (func (export "catch_deep") (param $depth i32) (result i32 i64)
    (try (result i32 i64)
      (do
        (call $descend (local.get $depth) (i32.const 7) (i64.const 0))
        (unreachable))
      (catch $failure)))

  ;; A middle frame catches every exception, counts it and rethrows it.
  (func $relay (param $depth i32)
    (try
      (do (call $descend (local.get $depth) (i32.const 7) (i64.const 0)))
      (catch_all
        (global.set $relayed (i32.add (global.get $relayed) (i32.const 1)))
        (rethrow 0))))

  (func (export "relay_deep") (param $depth i32) (result i32 i64)
    (try (result i32 i64)
      (do
        (call $relay (local.get $depth))
        (unreachable))
      (catch $failure)))

  ;; The inner try delegates to the outer one's label, skipping the catch_all in between.
  (func (export "delegate_deep") (param $depth i32) (result i32 i64)
    (try $outer (result i32 i64)
      (do
        (try (result i32 i64)
          (do
            (try (result i32 i64)
              (do (call $descend (local.get $depth) (i32.const 7) (i64.const 0)) (unreachable))
              (delegate $outer)))
          (catch_all (unreachable))))
      (catch $failure)))

  (func (export "relayed") (result i32) (global.get $relayed))

  (func (export "throw_deep") (param $depth i32)
    (call $descend (local.get $depth) (i32.const 13) (i64.const 0))))
