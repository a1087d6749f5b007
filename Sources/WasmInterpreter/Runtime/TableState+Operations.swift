#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import WasmBinary

/// Table operations: growing and the bulk instructions, shared by handlers and instantiation.
extension TableState {
    /// The most elements a table may hold here: growing past it fails like growing past the maximum.
    static let elementLimit = 10_000_000

    /// A table of `count` elements set to `initialValue`, or nil when the system cannot provide
    /// them. Elements come from `calloc`, so a table of nulls (0) costs no memory until its
    /// elements are written: a module declaring many large tables does not fill gigabytes.
    static func make(count: Int, maximum: Int, elementType: ReferenceType, initialValue: UInt64) -> TableState? {
        let capacity = max(count, 1)
        guard let elements = Self.zeroedElements(capacity) else { return nil }
        if initialValue != 0 { elements.update(repeating: initialValue, count: capacity) }
        return TableState(elements: elements, count: count, capacity: capacity, maximum: maximum, elementType: elementType)
    }

    /// `count` zeroed elements from the system, or nil.
    static func zeroedElements(_ count: Int) -> UnsafeMutablePointer<UInt64>? {
        calloc(count, MemoryLayout<UInt64>.stride)?.bindMemory(to: UInt64.self, capacity: count)
    }

    func deallocate() {
        free(elements)
    }

    /// Grows by `delta` elements set to `value`: the old size, or nil past the maximum.
    mutating func grow(by delta: Int, value: UInt64) -> Int? {
        let old = count
        guard delta >= 0, delta <= min(maximum, TableState.elementLimit) - old else { return nil }
        // Resource limits (ResourceLimiter): checked before growing, counted after.
        guard ResourceLimiter.allowsTableGrowth(limiter, elements: delta) else { return nil }
        defer { if count == old + delta { ResourceLimiter.recordTableGrowth(limiter, elements: delta) } }
        let newCount = old + delta
        if newCount > capacity {
            let newCapacity = max(newCount, min(maximum, capacity * 2))
            guard let newElements = Self.zeroedElements(newCapacity) else { return nil }
            newElements.update(from: elements, count: old)
            free(elements)
            elements = newElements
            capacity = newCapacity
        }
        (elements + old).update(repeating: value, count: delta)
        count = newCount
        return old
    }

    func contains(_ offset: UInt64, count length: UInt64) -> Bool {
        offset <= UInt64(count) && length <= UInt64(count) - offset
    }
}

@inline(__always)
func table(_ state: StatePointer, _ index: UInt64) -> UnsafeMutablePointer<TableState> {
    state.pointee.instance.pointee.tables[Int(truncatingIfNeeded: index)]
}

/// A table index, offset or count operand: the whole slot for a 64-bit table (`wide`), its low
/// 32 bits otherwise.
@inline(__always)
func tableOperand(_ bits: UInt64, wide: Bool) -> UInt64 {
    wide ? bits : UInt64(UInt32(truncatingIfNeeded: bits))
}

/// `table.get`: operands (index, destination), table. `wide` for a 64-bit table (i64 index).
@inline(__always)
func handleTableGet(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
                    wide: Bool = false) {
    let t = table(state, pc[2])
    let index = tableOperand(fp[slotA(pc)], wide: wide)
    guard index < UInt64(t.pointee.count) else { return trap(.outOfBoundsTableAccess, state) }
    fp[slotD(pc)] = t.pointee.elements[Int(index)]
    next(pc + 3, fp, md, ms, state, acc, facc)
}

/// `table.set`: operands (index, value), table.
@inline(__always)
func handleTableSet(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
                    wide: Bool = false) {
    let t = table(state, pc[2])
    let index = tableOperand(fp[slotA(pc)], wide: wide)
    guard index < UInt64(t.pointee.count) else { return trap(.outOfBoundsTableAccess, state) }
    t.pointee.elements[Int(index)] = fp[slotB(pc)]
    next(pc + 3, fp, md, ms, state, acc, facc)
}

@inline(__always)
func handleTableSize(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    fp[slotD(pc)] = UInt64(table(state, pc[2]).pointee.count)
    next(pc + 3, fp, md, ms, state, acc, facc)
}

/// `table.grow`: operands (initial value, count, destination), table. The result is the old
/// size, or -1 of the table's address type.
@inline(__always)
func handleTableGrow(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
                     wide: Bool = false) {
    let delta = tableOperand(fp[slotB(pc)], wide: wide)
    let result = delta <= UInt64(Int.max) ? table(state, pc[2]).pointee.grow(by: Int(delta), value: fp[slotA(pc)]) : nil
    fp[slotD(pc)] = result.map { UInt64($0) } ?? (wide ? UInt64.max : 0xFFFF_FFFF)
    next(pc + 3, fp, md, ms, state, acc, facc)
}

/// `table.fill`: operands (start, value, count), table.
@inline(__always)
func handleTableFill(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
                     wide: Bool = false) {
    let t = table(state, pc[2])
    let start = tableOperand(fp[slotA(pc)], wide: wide)
    let count = tableOperand(fp[slotD(pc)], wide: wide)
    guard t.pointee.contains(start, count: count) else { return trap(.outOfBoundsTableAccess, state) }
    (t.pointee.elements + Int(start)).update(repeating: fp[slotB(pc)], count: Int(count))
    next(pc + 3, fp, md, ms, state, acc, facc)
}

/// `table.copy`: operands (destination, source, count), destination table, source table. The
/// count is 64-bit only between two 64-bit tables.
@inline(__always)
func handleTableCopy(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
                     wideDestination: Bool = false, wideSource: Bool = false) {
    let destinationTable = table(state, pc[2]), sourceTable = table(state, pc[3])
    let destination = tableOperand(fp[slotA(pc)], wide: wideDestination)
    let source = tableOperand(fp[slotB(pc)], wide: wideSource)
    let count = tableOperand(fp[slotD(pc)], wide: wideDestination && wideSource)
    guard destinationTable.pointee.contains(destination, count: count), sourceTable.pointee.contains(source, count: count) else {
        return trap(.outOfBoundsTableAccess, state)
    }
    (destinationTable.pointee.elements + Int(destination)).update(from: sourceTable.pointee.elements + Int(source), count: Int(count))
    next(pc + 4, fp, md, ms, state, acc, facc)
}

/// `table.init`: operands (destination, source offset, count), element segment, table. Only the
/// destination is 64-bit in a 64-bit table.
@inline(__always)
func handleTableInit(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
                     wide: Bool = false) {
    let segment = state.pointee.instance.pointee.elementSegments[Int(truncatingIfNeeded: pc[2])]
    let t = table(state, pc[3])
    let destination = tableOperand(fp[slotA(pc)], wide: wide)
    let source = UInt64(UInt32(truncatingIfNeeded: fp[slotB(pc)]))
    let count = UInt64(UInt32(truncatingIfNeeded: fp[slotD(pc)]))
    guard t.pointee.contains(destination, count: count), source <= UInt64(segment.count), count <= UInt64(segment.count) - source else {
        return trap(.outOfBoundsTableAccess, state)
    }
    if count > 0, let words = segment.words {
        (t.pointee.elements + Int(destination)).update(from: words + Int(source), count: Int(count))
    }
    next(pc + 4, fp, md, ms, state, acc, facc)
}

@inline(__always)
func handleElementDrop(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    state.pointee.instance.pointee.elementSegments[Int(truncatingIfNeeded: pc[1])].count = 0
    next(pc + 2, fp, md, ms, state, acc, facc)
}

extension Handlers {
    static var tableGet: UInt64 { handlerWord { handleTableGet($0, $1, $2, $3, $4, $5, $6) } }
    static var tableSet: UInt64 { handlerWord { handleTableSet($0, $1, $2, $3, $4, $5, $6) } }
    static var tableSize: UInt64 { handlerWord { handleTableSize($0, $1, $2, $3, $4, $5, $6) } }
    static var tableGrow: UInt64 { handlerWord { handleTableGrow($0, $1, $2, $3, $4, $5, $6) } }
    static var tableFill: UInt64 { handlerWord { handleTableFill($0, $1, $2, $3, $4, $5, $6) } }
    static var tableCopy: UInt64 { handlerWord { handleTableCopy($0, $1, $2, $3, $4, $5, $6) } }
    static var tableInit: UInt64 { handlerWord { handleTableInit($0, $1, $2, $3, $4, $5, $6) } }
    static var elementDrop: UInt64 { handlerWord { handleElementDrop($0, $1, $2, $3, $4, $5, $6) } }
}
