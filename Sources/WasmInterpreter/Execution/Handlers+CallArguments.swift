/// Calls that move their arguments themselves. A call's arguments must lie in consecutive slots
/// (the callee's frame starts at the first); an argument that a `local.get` left in its local's
/// slot used to be copied there by a `copy` instruction each, one dispatch per argument. These
/// call handlers do the moves first: after the call's own operand words come the moves, two to a
/// word, each a pair of 16-bit fields (source slot, destination slot) in memory order; the
/// operand word's destination field holds how many there are. Sources are locals and
/// destinations argument slots, which lie above every local, so the moves are independent.

/// The words `count` argument moves take.
@inline(__always)
func argumentMoveWords(_ count: Int) -> Int { (count + 1) >> 1 }

/// Performs the `count` argument moves that start at `moves`: unrolled when `count` is a
/// constant; otherwise two at a time, a word per step (an odd count's last word is completed
/// by a move of a slot onto itself).
@inline(__always)
func performArgumentMoves(_ moves: CodePointer, count: Int?, words: Int, _ fp: FramePointer) {
    let fields = UnsafeRawPointer(moves).assumingMemoryBound(to: UInt16.self)
    if let count {
        for index in 0..<count {
            fp[Int(fields[2 * index + 1])] = fp[Int(fields[2 * index])]
        }
        return
    }
    var word = fields
    for _ in 0..<words {
        fp[Int(word[1])] = fp[Int(word[0])]
        fp[Int(word[3])] = fp[Int(word[2])]
        word += 4
    }
}

/// One word of argument moves: `first`, then `second` (nil: `first`'s destination onto itself, harmless).
func argumentMoveWord(_ first: (source: Int, destination: Int), _ second: (source: Int, destination: Int)?) -> UInt64 {
    let last = second ?? (first.destination, first.destination)
    let low = UInt64(UInt16(truncatingIfNeeded: first.source)) | UInt64(UInt16(truncatingIfNeeded: first.destination)) << 16
    let high = UInt64(UInt16(truncatingIfNeeded: last.source)) | UInt64(UInt16(truncatingIfNeeded: last.destination)) << 16
    // The fields lie in memory in this order whatever the byte order.
    return UInt64(littleEndian: low | high << 32)
}

/// `call` of a function of the same module, moving `moves` arguments first (nil: the count in
/// the operand word; a constant count unrolls the moves). Operands: (argument base, –, move
/// count), relative entry, frame slots, then the moves.
@inline(__always)
func handleCallInternalMoving(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer,
                              _ acc: UInt64, _ facc: Double, moves: Int?) {
    let words = argumentMoveWords(moves ?? slotD(pc))
    performArgumentMoves(pc + 4, count: moves, words: words, fp)
    let calleeFrame = fp + slotA(pc)
    let returnPC = pc + 4 + words
    guard pushFrame(returnPC: returnPC, fp: fp, calleeFrame: calleeFrame, frameSlots: Int(truncatingIfNeeded: pc[3]), state) else { return }
    nextFromFramedHandler(pc + Int(truncatingIfNeeded: Int64(bitPattern: pc[2])), calleeFrame, md, ms, state, acc, facc)
}

/// `call_indirect` moving its arguments first, as `handleCallInternalMoving`. Operands: (argument
/// base, selector, move count), type index, table index, then the moves.
@inline(__always)
func handleCallIndirectMoving(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer,
                              _ acc: UInt64, _ facc: Double, moves: Int?, selectorInAccumulator: Bool = false) {
    let words = argumentMoveWords(moves ?? slotD(pc))
    performArgumentMoves(pc + 4, count: moves, words: words, fp)
    callIndirect(pc, returnPC: pc + 4 + words, fp, md, ms, state, acc, facc, selectorInAccumulator: selectorInAccumulator)
}

extension Handlers {
    /// `callInternal` moving 1 to 6 arguments (index: count − 1), then any count.
    static let callInternalMoving: [UInt64] = [
        handlerWord { handleCallInternalMoving($0, $1, $2, $3, $4, $5, $6, moves: 1) },
        handlerWord { handleCallInternalMoving($0, $1, $2, $3, $4, $5, $6, moves: 2) },
        handlerWord { handleCallInternalMoving($0, $1, $2, $3, $4, $5, $6, moves: 3) },
        handlerWord { handleCallInternalMoving($0, $1, $2, $3, $4, $5, $6, moves: 4) },
        handlerWord { handleCallInternalMoving($0, $1, $2, $3, $4, $5, $6, moves: 5) },
        handlerWord { handleCallInternalMoving($0, $1, $2, $3, $4, $5, $6, moves: 6) },
        handlerWord { handleCallInternalMoving($0, $1, $2, $3, $4, $5, $6, moves: nil) },
    ]
    /// `callIndirect` moving 1 to 6 arguments (index: count − 1), then any count.
    static let callIndirectMoving: [UInt64] = [
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: 1) },
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: 2) },
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: 3) },
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: 4) },
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: 5) },
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: 6) },
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: nil) },
    ]

    /// `callIndirectMoving` with the selector in the integer accumulator (its own slot in the operand word).
    static let callIndirectMovingOnAccumulator: [UInt64] = [
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: 1, selectorInAccumulator: true) },
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: 2, selectorInAccumulator: true) },
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: 3, selectorInAccumulator: true) },
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: 4, selectorInAccumulator: true) },
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: 5, selectorInAccumulator: true) },
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: 6, selectorInAccumulator: true) },
        handlerWord { handleCallIndirectMoving($0, $1, $2, $3, $4, $5, $6, moves: nil, selectorInAccumulator: true) },
    ]

    /// The call handler of `table` (`callInternalMoving` or `callIndirectMoving`) for `count` moves.
    static func moving(_ table: [UInt64], count: Int) -> UInt64 {
        table[min(count, table.count) - 1]
    }
}
