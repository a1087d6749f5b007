/// The wide-arithmetic proposal: 128-bit addition and subtraction of (low, high) i64 pairs, and
/// the full 128-bit products of two i64. Results go to the destination slot (low half) and the
/// next one (high half); every operand is read before either is written.
/// <https://github.com/WebAssembly/wide-arithmetic>

/// `i64.add128` (`subtract`: `i64.sub128`). Operands: (low a, high a, destination), (low b, high b).
@inline(__always)
func handleI64AddSub128(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
                        subtract: Bool) {
    let lowA = fp[slotA(pc)], highA = fp[slotB(pc)]
    let lowB = fp[slotA(pc + 1)], highB = fp[slotB(pc + 1)]
    let low: UInt64, high: UInt64
    if subtract {
        let (difference, borrow) = lowA.subtractingReportingOverflow(lowB)
        (low, high) = (difference, highA &- highB &- (borrow ? 1 : 0))
    } else {
        let (sum, carry) = lowA.addingReportingOverflow(lowB)
        (low, high) = (sum, highA &+ highB &+ (carry ? 1 : 0))
    }
    let destination = slotD(pc)
    fp[destination] = low
    fp[destination + 1] = high
    next(pc + 3, fp, md, ms, state, acc, facc)
}

/// `i64.mul_wide_s` (`signed`) and `i64.mul_wide_u`. Operands: (a, b, destination).
@inline(__always)
func handleI64MulWide(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
                      signed: Bool) {
    let a = fp[slotA(pc)], b = fp[slotB(pc)]
    let low: UInt64, high: UInt64
    if signed {
        let product = Int64(bitPattern: a).multipliedFullWidth(by: Int64(bitPattern: b))
        (low, high) = (product.low, UInt64(bitPattern: product.high))
    } else {
        let product = a.multipliedFullWidth(by: b)
        (low, high) = (product.low, product.high)
    }
    let destination = slotD(pc)
    fp[destination] = low
    fp[destination + 1] = high
    next(pc + 2, fp, md, ms, state, acc, facc)
}

extension Handlers {
    static var i64Add128: UInt64 { handlerWord { handleI64AddSub128($0, $1, $2, $3, $4, $5, $6, subtract: false) } }
    static var i64Sub128: UInt64 { handlerWord { handleI64AddSub128($0, $1, $2, $3, $4, $5, $6, subtract: true) } }
    static var i64MulWideS: UInt64 { handlerWord { handleI64MulWide($0, $1, $2, $3, $4, $5, $6, signed: true) } }
    static var i64MulWideU: UInt64 { handlerWord { handleI64MulWide($0, $1, $2, $3, $4, $5, $6, signed: false) } }
}
