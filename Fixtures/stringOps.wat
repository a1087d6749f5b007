;; stringOps: byte-string primitives over linear memory.
;;
;; The module of the design guide (section 2.1), with its bugs fixed:
;; - the comments no longer promise SIMD or Boyer-Moore-Horspool;
;; - fastSearch's bound check `i + needleLen > haystackLen` could wrap around; it now compares
;;   against `haystackLen - needleLen`, which cannot (needleLen <= haystackLen is checked first);
;; - a range that runs past the end of the 32-bit address space used to wrap around to address 0
;;   and read the wrong bytes silently; now it is logged through env.log and traps.
;; and rewritten for speed with the same imports, exports and results: fastHash takes 8 bytes per
;; loop iteration, fastCompare compares 8 bytes at a time, fastSearch finds candidates for the
;; needle's first byte 8 haystack bytes at a time and compares the needle in words of 8 or 4
;; bytes. Every word load lies inside the caller's ranges; what is left over is done a byte at a
;; time. The byte-at-a-time original is Fixtures/kernels/stringops.wat.
;;
;; Strings are passed as (pointer, length) pairs of UTF-8 bytes in the imported memory.
;; Lengths and offsets are unsigned. Results:
;; - fastHash:    the 32-bit FNV-1a hash of the bytes (read it as unsigned: "" hashes to 2166136261);
;; - fastCompare: -1, 0 or 1, comparing byte by byte as unsigned values; a proper prefix is smaller;
;; - fastSearch:  the byte offset of the first occurrence of the needle (0 for an empty needle),
;;                or -1 (all bits set) when there is none.
;;
;; Built with: swift run wasm wat2wasm Fixtures/stringOps.wat -o Fixtures/stringOps.wasm
;; (wabt's wat2wasm makes the same bytes).
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
    (local $p i32)

    (call $checkRange (local.get $ptr) (local.get $len))

    ;; FNV offset basis
    (local.set $hash (i32.const 2166136261))
    (local.set $i (i32.const 0))

    ;; Eight bytes per iteration while at least eight are left (i + 8 <= len, written so that it
    ;; cannot wrap: i <= len - 8 with len >= 8).
    (if (i32.ge_u (local.get $len) (i32.const 8))
      (then
        (loop $eight
          (local.set $p (i32.add (local.get $ptr) (local.get $i)))
          (local.set $hash (i32.mul (i32.xor (local.get $hash) (i32.load8_u offset=0 (local.get $p))) (i32.const 16777619)))
          (local.set $hash (i32.mul (i32.xor (local.get $hash) (i32.load8_u offset=1 (local.get $p))) (i32.const 16777619)))
          (local.set $hash (i32.mul (i32.xor (local.get $hash) (i32.load8_u offset=2 (local.get $p))) (i32.const 16777619)))
          (local.set $hash (i32.mul (i32.xor (local.get $hash) (i32.load8_u offset=3 (local.get $p))) (i32.const 16777619)))
          (local.set $hash (i32.mul (i32.xor (local.get $hash) (i32.load8_u offset=4 (local.get $p))) (i32.const 16777619)))
          (local.set $hash (i32.mul (i32.xor (local.get $hash) (i32.load8_u offset=5 (local.get $p))) (i32.const 16777619)))
          (local.set $hash (i32.mul (i32.xor (local.get $hash) (i32.load8_u offset=6 (local.get $p))) (i32.const 16777619)))
          (local.set $hash (i32.mul (i32.xor (local.get $hash) (i32.load8_u offset=7 (local.get $p))) (i32.const 16777619)))
          (local.set $i (i32.add (local.get $i) (i32.const 8)))
          (br_if $eight (i32.le_u (local.get $i) (i32.sub (local.get $len) (i32.const 8)))))))

    ;; The last 0-7 bytes, one at a time.
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
    (local $word1 i64)
    (local $word2 i64)
    (local $shift i64)

    (call $checkRange (local.get $ptr1) (local.get $len1))
    (call $checkRange (local.get $ptr2) (local.get $len2))

    (local.set $minLen
      (select (local.get $len1) (local.get $len2)
        (i32.lt_u (local.get $len1) (local.get $len2))))

    (local.set $i (i32.const 0))

    ;; Eight bytes at a time while at least eight are left.
    (if (i32.ge_u (local.get $minLen) (i32.const 8))
      (then
        (loop $words
          (local.set $word1 (i64.load (i32.add (local.get $ptr1) (local.get $i))))
          (local.set $word2 (i64.load (i32.add (local.get $ptr2) (local.get $i))))
          (if (i64.ne (local.get $word1) (local.get $word2))
            (then
              ;; Loads are little-endian: the first differing byte is the lowest differing one.
              (local.set $shift
                (i64.and (i64.ctz (i64.xor (local.get $word1) (local.get $word2))) (i64.const 56)))
              (local.set $byte1
                (i32.wrap_i64 (i64.and (i64.shr_u (local.get $word1) (local.get $shift)) (i64.const 255))))
              (local.set $byte2
                (i32.wrap_i64 (i64.and (i64.shr_u (local.get $word2) (local.get $shift)) (i64.const 255))))
              (return
                (select (i32.const -1) (i32.const 1)
                  (i32.lt_u (local.get $byte1) (local.get $byte2))))))
          (local.set $i (i32.add (local.get $i) (i32.const 8)))
          (br_if $words (i32.le_u (local.get $i) (i32.sub (local.get $minLen) (i32.const 8)))))))

    ;; The last 0-7 bytes, one at a time.
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

  ;; Substring search: finds each start offset whose byte is the needle's first (8 haystack bytes
  ;; at a time), then compares the whole needle there (in words of 8 or 4 bytes, the last word
  ;; overlapping the one before it); the first full match wins.
  (func $fastSearch (export "fastSearch")
    (param $haystackPtr i32) (param $haystackLen i32)
    (param $needlePtr i32) (param $needleLen i32)
    (result i32)
    (local $i i32)
    (local $j i32)
    (local $last i32)
    (local $wordLimit i32)
    (local $needleTail i32)
    (local $first i32)
    (local $pattern i64)
    (local $x i64)
    (local $zeros i64)

    (call $checkRange (local.get $haystackPtr) (local.get $haystackLen))
    (call $checkRange (local.get $needlePtr) (local.get $needleLen))

    ;; Edge cases
    (if (i32.eqz (local.get $needleLen))
      (then (return (i32.const 0))))
    (if (i32.gt_u (local.get $needleLen) (local.get $haystackLen))
      (then (return (i32.const -1))))

    ;; The last start offset where the needle still fits.
    (local.set $last (i32.sub (local.get $haystackLen) (local.get $needleLen)))
    ;; The last offset an 8-byte haystack load may start at (used only when haystackLen >= 8).
    (local.set $wordLimit (i32.sub (local.get $haystackLen) (i32.const 8)))
    ;; Where the needle's last 8 (or 4) bytes start (used only when it has that many).
    (local.set $needleTail
      (i32.sub (local.get $needleLen)
        (select (i32.const 8) (i32.const 4) (i32.ge_u (local.get $needleLen) (i32.const 8)))))

    ;; The needle's first byte, and the same byte in all eight lanes of a word.
    (local.set $first (i32.load8_u (local.get $needlePtr)))
    (local.set $pattern
      (i64.mul (i64.extend_i32_u (local.get $first)) (i64.const 0x0101010101010101)))

    (local.set $i (i32.const 0))
    (block $notFound
      (loop $nextStart
        ;; Here i <= last + 1 <= haystackLen: the offsets below i are ruled out.
        (block $candidate
          (block $fewBytesLeft
            ;; Eight haystack bytes at a time while i + 8 <= haystackLen.
            (br_if $fewBytesLeft (i32.lt_u (local.get $haystackLen) (i32.const 8)))
            (br_if $fewBytesLeft (i32.gt_u (local.get $i) (local.get $wordLimit)))
            (loop $words
              ;; A lane of x is zero where the haystack byte equals the first byte; the lowest
              ;; set bit of zeros is in the first such lane (higher lanes may be false alarms).
              (local.set $x
                (i64.xor (i64.load (i32.add (local.get $haystackPtr) (local.get $i))) (local.get $pattern)))
              (local.set $zeros
                (i64.and
                  (i64.and (i64.sub (local.get $x) (i64.const 0x0101010101010101))
                           (i64.xor (local.get $x) (i64.const -1)))
                  (i64.const 0x8080808080808080)))
              (if (i64.ne (local.get $zeros) (i64.const 0))
                (then
                  (local.set $i
                    (i32.add (local.get $i)
                      (i32.wrap_i64 (i64.shr_u (i64.ctz (local.get $zeros)) (i64.const 3)))))
                  (br $candidate)))
              (local.set $i (i32.add (local.get $i) (i32.const 8)))
              (br_if $words (i32.le_u (local.get $i) (local.get $wordLimit)))))
          ;; A byte at a time over what is left.
          (loop $bytes
            (br_if $notFound (i32.gt_u (local.get $i) (local.get $last)))
            (br_if $candidate
              (i32.eq (i32.load8_u (i32.add (local.get $haystackPtr) (local.get $i))) (local.get $first)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $bytes)))

        ;; The first byte matches at i; too late for the needle to fit means no match at all.
        (br_if $notFound (i32.gt_u (local.get $i) (local.get $last)))

        (block $mismatch
          (if (i32.ge_u (local.get $needleLen) (i32.const 8))
            (then
              ;; 8 bytes at a time, then the needle's last 8 bytes.
              (local.set $j (i32.const 0))
              (loop $needleWords
                (br_if $mismatch
                  (i64.ne
                    (i64.load (i32.add (local.get $haystackPtr) (i32.add (local.get $i) (local.get $j))))
                    (i64.load (i32.add (local.get $needlePtr) (local.get $j)))))
                (local.set $j (i32.add (local.get $j) (i32.const 8)))
                (br_if $needleWords (i32.le_u (local.get $j) (local.get $needleTail))))
              (br_if $mismatch
                (i64.ne
                  (i64.load (i32.add (local.get $haystackPtr) (i32.add (local.get $i) (local.get $needleTail))))
                  (i64.load (i32.add (local.get $needlePtr) (local.get $needleTail)))))
              (return (local.get $i))))
          (if (i32.ge_u (local.get $needleLen) (i32.const 4))
            (then
              ;; 4 to 7 bytes: the first 4 and the last 4.
              (br_if $mismatch
                (i32.ne
                  (i32.load (i32.add (local.get $haystackPtr) (local.get $i)))
                  (i32.load (local.get $needlePtr))))
              (br_if $mismatch
                (i32.ne
                  (i32.load (i32.add (local.get $haystackPtr) (i32.add (local.get $i) (local.get $needleTail))))
                  (i32.load (i32.add (local.get $needlePtr) (local.get $needleTail)))))
              (return (local.get $i))))
          ;; 1 to 3 bytes: the first matched already; the others one at a time.
          (local.set $j (i32.const 1))
          (loop $needleBytes
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
            (br $needleBytes)))

        ;; No match at i: go on from the next offset.
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $nextStart)
      )
    )

    ;; Not found
    (i32.const -1)
  )
)
