;; stringOps: byte-string primitives over linear memory.
;;
;; The module of the design guide (section 2.1), with its bugs fixed:
;; - the comments no longer promise SIMD or Boyer-Moore-Horspool: these are plain byte loops;
;; - fastSearch's bound check `i + needleLen > haystackLen` could wrap around; it now compares
;;   against `haystackLen - needleLen`, which cannot (needleLen <= haystackLen is checked first);
;; - a range that runs past the end of the 32-bit address space used to wrap around to address 0
;;   and read the wrong bytes silently; now it is logged through env.log and traps.
;;
;; Strings are passed as (pointer, length) pairs of UTF-8 bytes in the imported memory.
;; Lengths and offsets are unsigned. Results:
;; - fastHash:    the 32-bit FNV-1a hash of the bytes (read it as unsigned: "" hashes to 2166136261);
;; - fastCompare: -1, 0 or 1, comparing byte by byte as unsigned values; a proper prefix is smaller;
;; - fastSearch:  the byte offset of the first occurrence of the needle (0 for an empty needle),
;;                or -1 (all bits set) when there is none.
;;
;; Built with: wat2wasm Fixtures/stringOps.wat -o Fixtures/stringOps.wasm
(module
  ;; The host's memory, at least 256 pages (16 MiB); the host may let it grow.
  (import "env" "memory" (memory 256))

  ;; Debug logging: receives the pointer of a range that does not fit in the address space.
  (import "env" "log" (func $log (param i32)))

  ;; Traps (after logging the pointer) unless ptr .. ptr+len-1 fits in 32-bit addresses.
  (func $checkRange (param $ptr i32) (param $len i32)
    (if (i32.eqz (local.get $len))
      (then (return)))
    (if (i32.gt_u
          (i32.sub (local.get $len) (i32.const 1))
          (i32.sub (i32.const -1) (local.get $ptr)))
      (then
        (call $log (local.get $ptr))
        (unreachable)))
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
