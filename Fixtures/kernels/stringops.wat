;; stringops: the stringOps module's original byte-at-a-time loops (Fixtures/stringOps.wat
;; before it was rewritten to work 8 bytes at a time), kept as a kernel so that the engine's
;; progress on them stays visible. The functions are the original's; the kernel has its own
;; memory instead of env.memory and traps without logging instead of calling env.log.
;;
;; prepare(len) lays out the inputs: at 1024 `len` bytes of "The quick brown fox jumps over the
;; lazy dog" repeated, ending with "lazy cat" (len >= 8); at 1024 + len a copy whose last byte is
;; one higher; the needle "lazy cat" at 64. It grows the memory as needed and returns 0 (-1 if
;; it cannot). Then fastHash(1024, len), fastCompare(1024, len, 1024 + len, len) (-1, after
;; comparing every byte) and fastSearch(1024, len, 64, 8) (len - 8, after trying every offset).
(module
  (memory (export "memory") 1)
  (data (i32.const 0) "The quick brown fox jumps over the lazy dog")
  (data (i32.const 64) "lazy cat")

  (func (export "prepare") (param $len i32) (result i32)
    (local $i i32)
    (local $need i32)
    (if (i32.lt_u (local.get $len) (i32.const 8))
      (then (return (i32.const -1))))
    ;; 1024 + 2 * len bytes, in pages, rounded up (len < 2^30 keeps this from wrapping).
    (if (i32.ge_u (local.get $len) (i32.const 0x40000000))
      (then (return (i32.const -1))))
    (local.set $need
      (i32.shr_u (i32.add (i32.add (i32.const 1024) (i32.shl (local.get $len) (i32.const 1))) (i32.const 65535))
                 (i32.const 16)))
    (if (i32.gt_u (local.get $need) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $need) (memory.size))) (i32.const -1))
          (then (return (i32.const -1))))))
    (local.set $i (i32.const 0))
    (block $done
      (loop $fill
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 offset=1024 (local.get $i) (i32.load8_u (i32.rem_u (local.get $i) (i32.const 43))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $fill)))
    ;; End the text with the needle, then copy it and raise the copy's last byte.
    (memory.copy (i32.sub (i32.add (i32.const 1024) (local.get $len)) (i32.const 8)) (i32.const 64) (i32.const 8))
    (memory.copy (i32.add (i32.const 1024) (local.get $len)) (i32.const 1024) (local.get $len))
    (i32.store8 offset=1023
      (i32.shl (local.get $len) (i32.const 1))
      (i32.add (i32.load8_u offset=1023 (i32.shl (local.get $len) (i32.const 1))) (i32.const 1)))
    (i32.const 0)
  )

  ;; Traps unless ptr .. ptr+len-1 fits in 32-bit addresses.
  (func $checkRange (param $ptr i32) (param $len i32)
    (if (i32.eqz (local.get $len))
      (then (return)))
    (if (i32.gt_u
          (i32.sub (local.get $len) (i32.const 1))
          (i32.sub (i32.const -1) (local.get $ptr)))
      (then (unreachable)))
  )

  ;; FNV-1a over the bytes: hash = (hash XOR byte) * 16777619, starting from 2166136261.
  (func $fastHash (export "fastHash")
    (param $ptr i32) (param $len i32) (result i32)
    (local $hash i32)
    (local $i i32)

    (call $checkRange (local.get $ptr) (local.get $len))

    ;; FNV offset basis
    (local.set $hash (i32.const 2166136261))
    (local.set $i (i32.const 0))

    (block $break
      (loop $continue
        (br_if $break (i32.ge_u (local.get $i) (local.get $len)))

        ;; hash = (hash ^ byte) * FNV prime
        (local.set $hash
          (i32.mul
            (i32.xor
              (local.get $hash)
              (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
            (i32.const 16777619)))

        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $continue)
      )
    )

    (local.get $hash)
  )

  ;; Byte-wise comparison. Returns -1 (a < b), 0 (a == b) or 1 (a > b).
  (func $fastCompare (export "fastCompare")
    (param $ptr1 i32) (param $len1 i32)
    (param $ptr2 i32) (param $len2 i32)
    (result i32)
    (local $i i32)
    (local $minLen i32)
    (local $byte1 i32)
    (local $byte2 i32)

    (call $checkRange (local.get $ptr1) (local.get $len1))
    (call $checkRange (local.get $ptr2) (local.get $len2))

    (local.set $minLen
      (select (local.get $len1) (local.get $len2)
        (i32.lt_u (local.get $len1) (local.get $len2))))

    (local.set $i (i32.const 0))
    (block $break
      (loop $continue
        (br_if $break (i32.ge_u (local.get $i) (local.get $minLen)))

        (local.set $byte1
          (i32.load8_u (i32.add (local.get $ptr1) (local.get $i))))
        (local.set $byte2
          (i32.load8_u (i32.add (local.get $ptr2) (local.get $i))))

        ;; The first differing byte decides.
        (if (i32.ne (local.get $byte1) (local.get $byte2))
          (then
            (return
              (select (i32.const -1) (i32.const 1)
                (i32.lt_u (local.get $byte1) (local.get $byte2))))))

        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $continue)
      )
    )

    ;; Equal up to the shorter length: the shorter string comes first.
    (i32.sub
      (i32.gt_u (local.get $len1) (local.get $len2))
      (i32.lt_u (local.get $len1) (local.get $len2)))
  )

  ;; Naive substring search: tries each start offset in turn.
  (func $fastSearch (export "fastSearch")
    (param $haystackPtr i32) (param $haystackLen i32)
    (param $needlePtr i32) (param $needleLen i32)
    (result i32)
    (local $i i32)
    (local $j i32)
    (local $last i32)

    (call $checkRange (local.get $haystackPtr) (local.get $haystackLen))
    (call $checkRange (local.get $needlePtr) (local.get $needleLen))

    ;; Edge cases
    (if (i32.eqz (local.get $needleLen))
      (then (return (i32.const 0))))
    (if (i32.gt_u (local.get $needleLen) (local.get $haystackLen))
      (then (return (i32.const -1))))

    ;; The last start offset where the needle still fits.
    (local.set $last (i32.sub (local.get $haystackLen) (local.get $needleLen)))

    (local.set $i (i32.const 0))
    (block $notFound
      (loop $nextStart
        ;; Compare the needle with the haystack at offset i.
        (local.set $j (i32.const 0))
        (block $mismatch
          (loop $nextByte
            ;; Every byte matched: found.
            (if (i32.ge_u (local.get $j) (local.get $needleLen))
              (then (return (local.get $i))))

            (br_if $mismatch
              (i32.ne
                (i32.load8_u
                  (i32.add (local.get $haystackPtr)
                    (i32.add (local.get $i) (local.get $j))))
                (i32.load8_u
                  (i32.add (local.get $needlePtr) (local.get $j)))))

            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $nextByte)
          )
        )

        (br_if $notFound (i32.ge_u (local.get $i) (local.get $last)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $nextStart)
      )
    )

    ;; Not found
    (i32.const -1)
  )
)
