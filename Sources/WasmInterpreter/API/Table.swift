import WasmBinary

/// A table of references, growable up to its maximum.
public final class Table {
    /// The table's element type and limits as declared.
    public let type: TableType
    let state: UnsafeMutablePointer<TableState>
    /// The element type in the runtime's terms (type indices as runtime type ids), for import matching.
    var canonicalElementType: ReferenceType
    /// For an `exnref` table: the runtime's registry, which keeps exceptions the host stores here alive.
    var exceptionRegistry: ExceptionRegistry?
    /// The resource counts of the runtime that created the table.
    let limiter: ResourceLimiter

    init(type: TableType, initialValue: UInt64, limiter: ResourceLimiter) throws(InstantiationError) {
        self.type = type
        canonicalElementType = type.elementType
        let maximum = Int(min(type.limits.max ?? 0xFFFF_FFFF, 0xFFFF_FFFF))
        let count = Int(min(type.limits.min, 0xFFFF_FFFF))
        try limiter.checkTable(elements: count, count: 1)
        guard var table = TableState.make(count: count, maximum: maximum, elementType: type.elementType, initialValue: initialValue) else {
            throw .resourceExhausted("cannot allocate a table of \(count) elements")
        }
        table.limiter = limiter.unretained
        limiter.recordTable(elements: count)
        self.limiter = limiter
        state = UnsafeMutablePointer<TableState>.allocate(capacity: 1)
        state.initialize(to: table)
    }

    deinit {
        limiter.releaseTable(elements: state.pointee.count)
        state.pointee.deallocate()
        state.deallocate()
    }

    /// Current number of elements.
    public var size: Int { state.pointee.count }

    /// The element at `index`.
    public func element(at index: Int) throws(Trap) -> Reference {
        guard index >= 0, index < state.pointee.count else { throw Trap(.outOfBoundsTableAccess) }
        return Reference(slot: state.pointee.elements[index], type: type.elementType)
    }

    /// Replaces the element at `index`.
    public func setElement(_ reference: Reference, at index: Int) throws(Trap) {
        guard index >= 0, index < state.pointee.count else { throw Trap(.outOfBoundsTableAccess) }
        if case .exception(let exception) = reference { exceptionRegistry?.register(exception) }
        state.pointee.elements[index] = reference.slot
    }

    /// Grows by `count` elements set to `initialValue`: the old size, or nil past the maximum or
    /// the runtime's `ResourceLimits`.
    public func grow(by count: Int, initialValue: Reference) -> Int? {
        if case .exception(let exception) = initialValue { exceptionRegistry?.register(exception) }
        return state.pointee.grow(by: count, value: initialValue.slot)
    }
}
