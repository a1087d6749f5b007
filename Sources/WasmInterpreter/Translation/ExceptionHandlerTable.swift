/// One way out of a function's code for an exception: a `try_table` catch clause, a legacy
/// `catch`/`catch_all`, or a legacy `delegate`, over the range of code it covers.
struct ExceptionHandler {
    enum Match {
        /// Exceptions with the tag of this module tag index.
        case tag(UInt32)
        /// Every exception.
        case all
        /// `delegate`: not caught here; only handlers of the try blocks at control depth
        /// `depth` or less (those enclosing the delegate's label) are considered further.
        case delegate(depth: Int)
    }

    var match: Match
    /// The covered code, as positions in the module's code: from `start` to before `end`.
    var start: Int
    var end: Int
    /// The control-stack depth of the `try` or `try_table` (the function's own frame is 0).
    var depth: Int
    /// Where the handler resumes: a position in the module's code, or `returnsFromFunction`.
    var target: Int
    /// The first slot that receives the exception's values.
    var valueSlot: Int
    /// The slot that receives the exception itself (`catch_ref`, `catch_all_ref`, a legacy catch
    /// whose body rethrows), if any.
    var referenceSlot: Int?

    /// `target` of a handler whose label is the function's own: the values go to the result
    /// slots and the function returns.
    static let returnsFromFunction = -1

    func covers(_ position: Int) -> Bool { start <= position && position < end }
}

/// The exception handlers of a module's translated functions, consulted only while an exception
/// is being thrown. Each function's handlers are listed innermost first (a handler is added when
/// its try block's body ends, so a nested one comes before those enclosing it): the first that
/// covers the throwing position and matches the exception is the one that catches it.
struct ExceptionHandlerTable {
    /// Every function's handlers, one function after another.
    private var handlers: [ExceptionHandler] = []
    /// The range of `handlers` that belongs to each defined function.
    private var ranges: [Range<Int>] = []

    /// Adds the next defined function's handlers.
    mutating func append(function: [ExceptionHandler]) {
        ranges.append(handlers.count..<(handlers.count + function.count))
        handlers += function
    }

    /// The handler of defined function `function` that takes an exception thrown at `position`,
    /// given whether the exception has the tag of each module tag index.
    func handler(for position: Int, inFunction function: Int, hasTag: (UInt32) -> Bool) -> ExceptionHandler? {
        guard function < ranges.count else { return nil }
        var maximumDepth = Int.max
        for handler in handlers[ranges[function]] where handler.depth <= maximumDepth && handler.covers(position) {
            switch handler.match {
            case .all: return handler
            case .tag(let tag): if hasTag(tag) { return handler }
            case .delegate(let depth): maximumDepth = depth
            }
        }
        return nil
    }
}
