;; FNV-1a over linear memory: the same loop as stringOps' fastHash (Fixtures/stringOps.wat),
;; without its range check and import, so it runs on its own.
;; Built with: wat2wasm fnv1a.wat -o fnv1a.wasm
(module
  (memory (export "memory") 1)

  ;; fill(len): makes sure memory holds len bytes (growing it if needed) and writes the
  ;; pattern byte[i] = (i * 31 + 7) mod 256 to 0 ..< len. Returns 0, or -1 if memory cannot grow.
  (func (export "fill") (param $len i32) (result i32)
    (local $i i32)
    (local $pages i32)
    ;; pages needed = ceil(len / 65536)
    (local.set $pages
      (i32.shr_u (i32.add (local.get $len) (i32.const 65535)) (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq
              (memory.grow (i32.sub (local.get $pages) (memory.size)))
              (i32.const -1))
          (then (return (i32.const -1))))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 (local.get $i)
          (i32.add (i32.mul (local.get $i) (i32.const 31)) (i32.const 7)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  ;; fnv1a(ptr, len): the 32-bit FNV-1a hash of memory[ptr ..< ptr + len]:
  ;; hash = (hash XOR byte) * 16777619, starting from 2166136261.
  (func (export "fnv1a") (param $ptr i32) (param $len i32) (result i32)
    (local $hash i32)
    (local $i i32)
    (local.set $hash (i32.const 2166136261))
    (local.set $i (i32.const 0))
    (block $break
      (loop $continue
        (br_if $break (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $hash
          (i32.mul
            (i32.xor
              (local.get $hash)
              (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
            (i32.const 16777619)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $continue)))
    (local.get $hash))
)
