;; byteStats: a second small module for the runtime coordinator, to show it is not tied to stringOps.
;; Same host contract as stringOps (env.memory, env.log); byte strings are (pointer, length) pairs.
;;
;; - adler32(ptr, len) -> i32:         the Adler-32 checksum of the bytes (as zlib computes it);
;; - countByte(ptr, len, byte) -> i32: how many bytes equal `byte` (its low 8 bits), logging the
;;                                     offset of each match through env.log;
;; - sumBytes(ptr, len) -> i64:        the sum of the bytes as unsigned values.
;;
;; Built with: wat2wasm Fixtures/byteStats.wat -o Fixtures/byteStats.wasm
(module
  (import "env" "memory" (memory 1))
  (import "env" "log" (func $log (param i32)))

  ;; Adler-32: a = 1 + sum of bytes, b = sum of the a's, both modulo 65521; result (b << 16) | a.
  (func (export "adler32") (param $ptr i32) (param $len i32) (result i32)
    (local $a i32)
    (local $b i32)
    (local $i i32)
    (local.set $a (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $a
          (i32.rem_u
            (i32.add (local.get $a)
              (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
            (i32.const 65521)))
        (local.set $b
          (i32.rem_u (i32.add (local.get $b) (local.get $a)) (i32.const 65521)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.or (i32.shl (local.get $b) (i32.const 16)) (local.get $a))
  )

  ;; Counts the bytes equal to `byte`, logging each match's offset.
  (func (export "countByte") (param $ptr i32) (param $len i32) (param $byte i32) (result i32)
    (local $i i32)
    (local $count i32)
    (local.set $byte (i32.and (local.get $byte) (i32.const 255)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (if (i32.eq
              (i32.load8_u (i32.add (local.get $ptr) (local.get $i)))
              (local.get $byte))
          (then
            (call $log (local.get $i))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $count)
  )

  ;; The sum of the bytes, as a 64-bit value.
  (func (export "sumBytes") (param $ptr i32) (param $len i32) (result i64)
    (local $i i32)
    (local $sum i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $sum
          (i64.add (local.get $sum)
            (i64.load8_u (i32.add (local.get $ptr) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum)
  )
)
