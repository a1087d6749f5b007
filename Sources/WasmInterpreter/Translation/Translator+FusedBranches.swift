import WasmBinary

/// A comparison just emitted (an `eqz` counts as an equality with the immediate 0), remembered so
/// that a following `br_if` or `if` can do the comparison itself (one dispatch instead of two).
struct PendingComparison {
    var start: Int
    var end: Int
    var operation: NumericOperation
    var firstLocation: OperandLocation
    var secondLocation: OperandLocation
    /// The first operand's slot (when in a slot).
    var first: Int
    /// The second operand's slot, or its value when an immediate.
    var second: UInt64
    /// Where the comparison's result went.
    var slot: Int

    var immediate: Bool { secondLocation == .immediate }
    /// True when both operands are in slots or the code: the comparison can be repeated elsewhere.
    var isRepeatable: Bool { firstLocation != .accumulator && secondLocation != .accumulator }
}

/// An `i32.add` just emitted (of two slots, or of a slot and a constant), remembered so that a
/// following load or store can do the addition itself as its address (one dispatch instead of two).
struct PendingAddition {
    /// Where the code to remove starts (the shift's start for a scaled index) and ends.
    var start: Int
    var end: Int
    /// Where the addition itself starts (it left its result in the accumulator, if it did, from there).
    var producer: Int
    var first: Int
    /// The second slot, when `constant` is nil.
    var second: Int
    var constant: UInt32?
    var slot: Int
    /// When the second operand is itself `second << shift` just computed (array indexing): the
    /// shift amount; `start` is then the shift's.
    var shift: UInt32?
}

/// An `i32.shl` of a slot by a constant just emitted, for an `i32.add` of its result to fold
/// into a scaled address.
struct PendingShift {
    var start: Int
    var end: Int
    var source: Int
    var amount: UInt32
    var slot: Int
}

extension NumericOperation {
    /// True for the comparisons that have fused compare-and-branch handlers.
    var isFusableComparison: Bool {
        switch self {
        case .f32Eq, .f32Ne, .f32Lt, .f32Gt, .f32Le, .f32Ge, .f64Eq, .f64Ne, .f64Lt, .f64Gt, .f64Le, .f64Ge: return true
        default: return negatedComparison != nil
        }
    }

    /// The integer comparison that holds exactly when this one does not (nil for floats, where
    /// NaN makes both `a < b` and `a >= b` false).
    var negatedComparison: NumericOperation? {
        switch self {
        case .i64Eq: return .i64Ne
        case .i64Ne: return .i64Eq
        case .i64LtS: return .i64GeS
        case .i64GeS: return .i64LtS
        case .i64LtU: return .i64GeU
        case .i64GeU: return .i64LtU
        case .i64GtS: return .i64LeS
        case .i64LeS: return .i64GtS
        case .i64GtU: return .i64LeU
        case .i64LeU: return .i64GtU
        case .i32Eq: return .i32Ne
        case .i32Ne: return .i32Eq
        case .i32LtS: return .i32GeS
        case .i32GeS: return .i32LtS
        case .i32LtU: return .i32GeU
        case .i32GeU: return .i32LtU
        case .i32GtS: return .i32LeS
        case .i32LeS: return .i32GtS
        case .i32GtU: return .i32LeU
        case .i32LeU: return .i32GtU
        default: return nil
        }
    }
}

extension NumericOperation {
    /// The operation that gives the same result with its two operands swapped: the operation
    /// itself when it is commutative, the mirrored comparison (`lt_s` for `gt_s`); nil for the
    /// others. (For float addition and multiplication the order decides only which NaN payload a
    /// NaN result carries, which the spec leaves open.)
    var withOperandsSwapped: NumericOperation? {
        switch self {
        case .i32Add, .i32Mul, .i32And, .i32Or, .i32Xor, .i32Eq, .i32Ne,
             .i64Add, .i64Mul, .i64And, .i64Or, .i64Xor, .i64Eq, .i64Ne,
             .f32Add, .f32Mul, .f32Eq, .f32Ne, .f64Add, .f64Mul, .f64Eq, .f64Ne:
            return self
        case .f32Lt: return .f32Gt
        case .f32Gt: return .f32Lt
        case .f32Le: return .f32Ge
        case .f32Ge: return .f32Le
        case .f64Lt: return .f64Gt
        case .f64Gt: return .f64Lt
        case .f64Le: return .f64Ge
        case .f64Ge: return .f64Le
        case .i32LtS: return .i32GtS
        case .i32GtS: return .i32LtS
        case .i32LtU: return .i32GtU
        case .i32GtU: return .i32LtU
        case .i32LeS: return .i32GeS
        case .i32GeS: return .i32LeS
        case .i32LeU: return .i32GeU
        case .i32GeU: return .i32LeU
        case .i64LtS: return .i64GtS
        case .i64GtS: return .i64LtS
        case .i64LtU: return .i64GtU
        case .i64GtU: return .i64LtU
        case .i64LeS: return .i64GeS
        case .i64GeS: return .i64LeS
        case .i64LeU: return .i64GeU
        case .i64GeU: return .i64LeU
        default: return nil
        }
    }
}

extension Translator {
    /// When the condition on top of the stack is the result of the comparison emitted just
    /// before, removes that comparison's code and the condition, and returns the comparison.
    mutating func takeFusableComparison() -> PendingComparison? {
        guard let comparison = lastComparison, comparison.end == code.position, let top = operands.last,
              top.source == .temporary || (top.source == .accumulator && top.producer == comparison.start),
              top.slot == comparison.slot else { return nil }
        code.truncate(to: comparison.start)
        pop()
        return comparison
    }

    /// When the operand at stack index `index` is the sum just computed by `i32.add`, removes the
    /// addition's code and returns it, for a memory access that adds as it addresses.
    mutating func takeFusableAddition(at index: Int) -> PendingAddition? {
        guard let addition = lastAddition, addition.end == code.position, index >= 0,
              operands[index].source == .temporary || (operands[index].source == .accumulator && operands[index].producer == addition.producer),
              operands[index].slot == addition.slot else { return nil }
        code.truncate(to: addition.start)
        return addition
    }

    /// Emits a branch taken when `comparison` holds (or, `negated`, when it does not); returns
    /// the jump operand's position and the instruction's start, for patching. With `fuel`, the
    /// metered form, which charges that much when it jumps (a loop's back-edge, Translator+Fuel).
    mutating func emitFusedBranch(_ comparison: PendingComparison, negated: Bool, fuel: Int? = nil) -> (Int, Int) {
        let start = code.position
        let (first, second) = (comparison.firstLocation, comparison.secondLocation)
        let table = fuel == nil ? BranchHandlers.handler : MeteredBranchHandlers.handler
        let handler: UInt64?
        if negated, let opposite = comparison.operation.negatedComparison {
            handler = table(opposite, first, second, false)
        } else {
            handler = table(comparison.operation, first, second, negated)
        }
        guard let handler else { preconditionFailure("no fused branch for \(comparison.operation) \(first) \(second)") }
        code.emit(handler, pack(comparison.first, second == .slot ? Int(comparison.second) : 0, 0))
        let target = code.appendJumpPlaceholder()
        if comparison.immediate { code.append(comparison.second) }
        if let fuel { code.append(UInt64(fuel)) }
        return (target, start)
    }
}
