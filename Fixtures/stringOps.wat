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
;; bytes. Word loads stay inside the caller's ranges and inside memory (what is left is done a
;; byte at a time), so every call, even with a range that runs past the end of memory, answers or
;; traps exactly as the byte loops did; the range check is inlined. The byte-at-a-time original is
;; Fixtures/kernels/stringops.wat.
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

  ;; FNV-1a over the bytes: hash = (hash XOR byte) * 16777619, starting from 2166136261.
  (func $fastHash (export "fastHash")
    (param $ptr i32) (param $len i32) (result i32)
    (local $hash i32)
    (local $i i32)
    (local $p i32)

    ;; Log the pointer and trap unless $ptr .. $ptr+$len-1 fits in 32-bit addresses, that is
    ;; unless $len <= 2^32 - $ptr (always true for $ptr = 0).
    (if (i32.gt_u (local.get $len) (i32.sub (i32.const 0) (local.get $ptr)))
      (then
        (if (local.get $ptr)
          (then
            (call $log (local.get $ptr))
            (unreachable)))))

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
    (local $memoryBytes i64)
    (local $available i64)
    (local $wordBytes i64)

    ;; Log the pointer and trap unless $ptr1 .. $ptr1+$len1-1 fits in 32-bit addresses, that is
    ;; unless $len1 <= 2^32 - $ptr1 (always true for $ptr1 = 0).
    (if (i32.gt_u (local.get $len1) (i32.sub (i32.const 0) (local.get $ptr1)))
      (then
        (if (local.get $ptr1)
          (then
            (call $log (local.get $ptr1))
            (unreachable)))))
    ;; Log the pointer and trap unless $ptr2 .. $ptr2+$len2-1 fits in 32-bit addresses, that is
    ;; unless $len2 <= 2^32 - $ptr2 (always true for $ptr2 = 0).
    (if (i32.gt_u (local.get $len2) (i32.sub (i32.const 0) (local.get $ptr2)))
      (then
        (if (local.get $ptr2)
          (then
            (call $log (local.get $ptr2))
            (unreachable)))))

    (local.set $minLen
      (select (local.get $len1) (local.get $len2)
        (i32.lt_u (local.get $len1) (local.get $len2))))

    (local.set $i (i32.const 0))

    ;; Eight bytes at a time while at least eight are left, from the first wordBytes bytes: those
    ;; lie in memory in both strings, so that a range that runs past the end of memory traps at
    ;; the same byte as a byte loop would.
    (if (i32.ge_u (local.get $minLen) (i32.const 8))
      (then
        (local.set $memoryBytes (i64.shl (i64.extend_i32_u (memory.size)) (i64.const 16)))
        (local.set $wordBytes (i64.extend_i32_u (local.get $minLen)))
        (local.set $available (i64.sub (local.get $memoryBytes) (i64.extend_i32_u (local.get $ptr1))))
        (local.set $wordBytes
          (select (local.get $available) (local.get $wordBytes) (i64.lt_s (local.get $available) (local.get $wordBytes))))
        (local.set $available (i64.sub (local.get $memoryBytes) (i64.extend_i32_u (local.get $ptr2))))
        (local.set $wordBytes
          (select (local.get $available) (local.get $wordBytes) (i64.lt_s (local.get $available) (local.get $wordBytes))))))

    (if (i64.ge_s (local.get $wordBytes) (i64.const 8))
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
          (br_if $words
            (i32.le_u (local.get $i) (i32.sub (i32.wrap_i64 (local.get $wordBytes)) (i32.const 8)))))))

    ;; What is left (0-7 bytes, or more near the end of memory), one at a time.
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
    (local $scanWords i32)
    (local $wordLimit i32)
    (local $verifyWords i32)
    (local $verifyLimit i32)
    (local $needleTail i32)
    (local $memoryBytes i64)
    (local $haystackInMemory i64)
    (local $first i32)
    (local $pattern i64)
    (local $x i64)
    (local $zeros i64)

    ;; Log the pointer and trap unless $haystackPtr .. $haystackPtr+$haystackLen-1 fits in 32-bit addresses, that is
    ;; unless $haystackLen <= 2^32 - $haystackPtr (always true for $haystackPtr = 0).
    (if (i32.gt_u (local.get $haystackLen) (i32.sub (i32.const 0) (local.get $haystackPtr)))
      (then
        (if (local.get $haystackPtr)
          (then
            (call $log (local.get $haystackPtr))
            (unreachable)))))
    ;; Log the pointer and trap unless $needlePtr .. $needlePtr+$needleLen-1 fits in 32-bit addresses, that is
    ;; unless $needleLen <= 2^32 - $needlePtr (always true for $needlePtr = 0).
    (if (i32.gt_u (local.get $needleLen) (i32.sub (i32.const 0) (local.get $needlePtr)))
      (then
        (if (local.get $needlePtr)
          (then
            (call $log (local.get $needlePtr))
            (unreachable)))))

    ;; Edge cases
    (if (i32.eqz (local.get $needleLen))
      (then (return (i32.const 0))))
    (if (i32.gt_u (local.get $needleLen) (local.get $haystackLen))
      (then (return (i32.const -1))))

    ;; The last start offset where the needle still fits.
    (local.set $last (i32.sub (local.get $haystackLen) (local.get $needleLen)))
    ;; Words are read only where every byte lies in memory, so that a range that runs past the end
    ;; of memory traps at the same byte as a byte loop would: haystackInMemory is how many of the
    ;; haystack's bytes do (negative when none).
    (local.set $memoryBytes (i64.shl (i64.extend_i32_u (memory.size)) (i64.const 16)))
    (local.set $haystackInMemory (i64.sub (local.get $memoryBytes) (i64.extend_i32_u (local.get $haystackPtr))))
    (if (i64.gt_s (local.get $haystackInMemory) (i64.extend_i32_u (local.get $haystackLen)))
      (then (local.set $haystackInMemory (i64.extend_i32_u (local.get $haystackLen)))))
    ;; Candidates are looked for 8 bytes at a time from offsets up to wordLimit.
    (local.set $scanWords (i64.ge_s (local.get $haystackInMemory) (i64.const 8)))
    (local.set $wordLimit (i32.sub (i32.wrap_i64 (local.get $haystackInMemory)) (i32.const 8)))
    ;; The needle is compared in words at offsets up to verifyLimit, if it lies in memory.
    (local.set $verifyWords
      (i32.and
        (i64.le_u
          (i64.add (i64.extend_i32_u (local.get $needlePtr)) (i64.extend_i32_u (local.get $needleLen)))
          (local.get $memoryBytes))
        (i64.ge_s (local.get $haystackInMemory) (i64.extend_i32_u (local.get $needleLen)))))
    (local.set $verifyLimit (i32.sub (i32.wrap_i64 (local.get $haystackInMemory)) (local.get $needleLen)))
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
            ;; Eight haystack bytes at a time while i + 8 <= haystackInMemory.
            (br_if $fewBytesLeft (i32.eqz (local.get $scanWords)))
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
          (if (i32.and (local.get $verifyWords) (i32.le_u (local.get $i) (local.get $verifyLimit)))
            (then
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
                  (return (local.get $i))))))
          ;; Otherwise (1 to 3 bytes, or near the end of memory): the first byte matched already;
          ;; the others one at a time.
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
