/// A growable buffer of trivial values in storage it owns and frees explicitly (`deallocate()`):
/// an append is a capacity test and a store, without `Array`'s uniqueness check. Copying the
/// struct shares the storage, so one owner must free it (or hand it over with `take()`).
struct WordBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the storage; the buffer must not be used afterwards.
    func deallocate() {
        base.deallocate()
    }

    /// The elements, for reading (valid until the next append).
    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    subscript(index: Int) -> Element {
        @inline(__always) get {
            precondition(index >= 0 && index < count, "word index out of range")
            return base[index]
        }
        @inline(__always) set {
            precondition(index >= 0 && index < count, "word index out of range")
            base[index] = newValue
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if _slowPath(count == capacity) { grow(to: capacity * 2) }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Appends two elements, then three: one capacity test for all of them (an instruction's
    /// words are appended together).
    @inline(__always)
    mutating func append(_ first: Element, _ second: Element) {
        if _slowPath(capacity &- count < 2) { grow(to: max(capacity * 2, count + 2)) }
        let end = base + count
        end.initialize(to: first)
        (end + 1).initialize(to: second)
        count &+= 2
    }

    @inline(__always)
    mutating func append(_ first: Element, _ second: Element, _ third: Element) {
        if _slowPath(capacity &- count < 3) { grow(to: max(capacity * 2, count + 3)) }
        let end = base + count
        end.initialize(to: first)
        (end + 1).initialize(to: second)
        (end + 2).initialize(to: third)
        count &+= 3
    }

    /// Appends copies of `value` until there are `newCount` elements (none when there are that
    /// many already); the storage grows at least twofold when it must.
    mutating func extend(toCount newCount: Int, filling value: Element) {
        guard newCount > count else { return }
        if newCount > capacity { grow(to: max(newCount, capacity * 2)) }
        (base + count).initialize(repeating: value, count: newCount - count)
        count = newCount
    }

    /// Makes room for `total` elements in all.
    mutating func reserveCapacity(_ total: Int) {
        if total > capacity { grow(to: total) }
    }

    /// Drops the elements from `newCount` on.
    mutating func removeLast(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "truncating past the end")
        count = newCount
    }

    @inline(never)
    private mutating func grow(to newCapacity: Int) {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    /// Hands the storage to the caller (who frees it with `deallocate()` on the pointer) and
    /// starts over empty.
    mutating func take() -> (base: UnsafeMutablePointer<Element>, count: Int) {
        let taken = (base, count)
        capacity = 1
        base = .allocate(capacity: 1)
        count = 0
        return taken
    }
}
