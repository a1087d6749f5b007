;; fib(n): the n-th Fibonacci number by naive double recursion (fib(0) = 0, fib(1) = 1).
;; Measures wasm-to-wasm calls: fib(n) makes 2*fib(n+1) - 1 calls.
;; Built with: wat2wasm fib.wat -o fib.wasm
(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else
        (i32.add
          (call $fib (i32.sub (local.get $n) (i32.const 1)))
          (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
)
