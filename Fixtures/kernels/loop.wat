;; Tight i32 loops with a known instruction count, for "ns per wasm instruction".
;; Built with: wat2wasm loop.wat -o loop.wasm
(module
  ;; xorshift(n): the xorshift32 generator (13, 17, 5) stepped n times from 2463534242.
  ;; Each iteration executes exactly 23 instructions (18 in the three xor-shift steps, 5 in the
  ;; counter and branch); setting x, the entry check and the final local.get add 6 (n > 0), or
  ;; with the early return 7 (n = 0).
  (func (export "xorshift") (param $n i32) (result i32)
    (local $x i32)
    (local.set $x (i32.const 2463534242))
    (if (i32.eqz (local.get $n)) (then (return (local.get $x))))
    (loop $next
      ;; x ^= x << 13
      local.get $x
      local.get $x
      i32.const 13
      i32.shl
      i32.xor
      local.set $x
      ;; x ^= x >> 17
      local.get $x
      local.get $x
      i32.const 17
      i32.shr_u
      i32.xor
      local.set $x
      ;; x ^= x << 5
      local.get $x
      local.get $x
      i32.const 5
      i32.shl
      i32.xor
      local.set $x
      ;; if (--n != 0) continue
      local.get $n
      i32.const 1
      i32.sub
      local.tee $n
      br_if $next)
    (local.get $x))

  ;; sum(n): 0 + 1 + ... + (n - 1) modulo 2^32. Each iteration executes exactly 13 instructions
  ;; (the last, exiting one 4).
  (func (export "sum") (param $n i32) (result i32)
    (local $i i32)
    (local $sum i32)
    (block $done
      (loop $next
        ;; if (i >= n) break
        local.get $i
        local.get $n
        i32.ge_u
        br_if $done
        ;; sum += i
        local.get $sum
        local.get $i
        i32.add
        local.set $sum
        ;; i += 1
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br $next))
    (local.get $sum))
)
