;; Growing linear memory in small steps, as malloc grows a C heap.
;; Built with: wat2wasm grow.wat -o grow.wasm
(module
  (memory (export "memory") 0)
  ;; grow(n): grows the memory by one page n times in one call. A grow passes when it returns the
  ;; previous page count and the new page's first byte reads 0 (new memory is zeroed); that byte
  ;; is then written. Returns how many grows passed: n when all of them did.
  (func (export "grow") (param $n i32) (result i32)
    (local $i i32) (local $passed i32) (local $old i32) (local $address i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $old (memory.size))
        (local.set $address (i32.shl (local.get $old) (i32.const 16)))
        (if (i32.eq (memory.grow (i32.const 1)) (local.get $old))
          (then
            (if (i32.eqz (i32.load8_u (local.get $address)))
              (then (local.set $passed (i32.add (local.get $passed) (i32.const 1)))))
            (i32.store8 (local.get $address) (i32.const 255))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $passed)))
