/// The translator's view of the operand stack: an array of `Operand`s in storage it owns and
/// frees explicitly (`deallocate()`), so that pushes and pops are stores and loads, without the
/// uniqueness checks and bookkeeping of `Array` (translation does several per instruction).
/// Copying the struct shares the storage: `snapshot()` and `restore(_:)` save and put back its
/// contents.
struct OperandStack {
    private var storage: UnsafeMutablePointer<Operand>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 64
        storage = .allocate(capacity: capacity)
    }

    /// Frees the storage; the stack must not be used afterwards.
    func deallocate() {
        storage.deallocate()
    }

    var isEmpty: Bool { count == 0 }
    var last: Operand? { count > 0 ? storage[count - 1] : nil }
    /// The slot after the top operand's (its slot plus its width), nil when the stack is empty;
    /// reads two fields instead of copying the operand.
    var slotAfterTop: Int? {
        @inline(__always) get { count > 0 ? storage[count - 1].slot + storage[count - 1].type.slotWidth : nil }
    }
    var indices: Range<Int> { 0..<count }

    subscript(index: Int) -> Operand {
        get {
            precondition(index >= 0 && index < count, "operand index out of range")
            return storage[index]
        }
        nonmutating set {
            precondition(index >= 0 && index < count, "operand index out of range")
            storage[index] = newValue
        }
    }

    @inline(__always)
    mutating func append(_ operand: Operand) {
        if _slowPath(count == capacity) { grow() }
        (storage + count).initialize(to: operand)
        count += 1
    }

    @inline(never)
    private mutating func grow() {
        let grown = UnsafeMutablePointer<Operand>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = grown
        capacity *= 2
    }

    @discardableResult
    mutating func removeLast() -> Operand {
        precondition(count > 0, "pop from an empty operand stack")
        count -= 1
        return storage[count]
    }

    mutating func removeLast(_ n: Int) {
        precondition(n >= 0 && n <= count, "removing more operands than there are")
        count -= n
    }

    mutating func removeAll() {
        count = 0
    }

    func contains(where predicate: (Operand) -> Bool) -> Bool {
        for index in 0..<count where predicate(storage[index]) { return true }
        return false
    }

    /// A copy of the contents (for a path that changes them and must leave them as they were).
    func snapshot() -> [Operand] {
        Array(UnsafeBufferPointer(start: storage, count: count))
    }

    /// Replaces the contents with `saved` (a snapshot).
    mutating func restore(_ saved: [Operand]) {
        count = 0
        for operand in saved { append(operand) }
    }
}
