#!/usr/bin/env python3
"""Generates the interpreter's numeric and compare-and-branch handlers from NumericOperation.swift,
each calling the instruction's pure function in NumericSemantics (what an instruction computes is
written once; these files only say where its operands come from and where its result goes):

- NumericHandlers.generated.swift: one handler per numeric instruction, operands from slots,
  plus the immediate-operand variants of binary operations;
- AccumulatorHandlers.generated.swift: for the most executed operations (chosen from dispatch
  profiles of real programs), variants that take an operand from the accumulator registers
  (`acc` for integers, `facc` for floats) and/or leave their result there;
- BranchHandlers.generated.swift: fused compare-and-branch handlers, operands from slots, an
  immediate or the accumulators; MeteredBranchHandlers.generated.swift: the same that charge
  fuel when they jump, for loops' back-edges in code that consumes fuel;
- MemoryHandlers.generated.swift: the load and store handler of each memory instruction for
  each address mode, place of the result (loads) and place of the value (stores).

Run from the package root: python3 Scripts/generate-numeric-handlers.py [--check]
"""
import re, sys, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
table = (root / "Sources/WasmBinary/Instructions/NumericOperation.swift").read_text()
cases = [c for c, _ in re.findall(r"^    case (\w+) = 0x([0-9A-F]+)$", table, re.M)]
signatures = {}
for m in re.finditer(r"case ((?:\.\w+, )*\.\w+):\n\s+return \(\[([^\]]*)\], \.(\w+)\)", table):
    names = [n.strip()[1:] for n in m.group(1).split(",")]
    operands = [t.strip()[1:] for t in m.group(2).split(",") if t.strip()]
    for n in names:
        signatures[n] = (operands, m.group(3))

THROWING = re.compile(r"^(i32|i64)(DivS|DivU|RemS|RemU|TruncF32S|TruncF32U|TruncF64S|TruncF64U)$")
SWIFT = {"i32": "UInt32", "f32": "UInt32", "i64": "UInt64", "f64": "UInt64"}
ARGS = "_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double"
CLOSURE = "$0, $1, $2, $3, $4, $5, $6"


def handler(step):
    """A handler word's closure: run the step and pass control on."""
    return f"handlerWord {{ proceed({step}({CLOSURE}), $1, $2, $3, $4) }}"
LOCATION = {"S": ".slot", "I": ".immediate", "A": ".accumulator", "B": ".slotAndAccumulator"}

# Operations with accumulator variants: the arithmetic, bitwise and comparison operations and the
# conversions that dispatch profiles of compiled C programs show most often.
ACCUMULATOR_BINARY = [
    "i32Add", "i32Sub", "i32Mul", "i32And", "i32Or", "i32Xor", "i32Shl", "i32ShrS", "i32ShrU", "i32Rotl", "i32Rotr",
    "i32Eq", "i32Ne", "i32LtS", "i32LtU", "i32GtS", "i32GtU", "i32LeS", "i32LeU", "i32GeS", "i32GeU",
    "i64Add", "i64Sub", "i64Mul", "i64And", "i64Or", "i64Xor", "i64Shl", "i64ShrS", "i64ShrU", "i64Rotl",
    "i64Eq", "i64Ne", "i64LtS", "i64LtU", "i64GtS", "i64GtU",
    "f32Add", "f32Sub", "f32Mul", "f32Div", "f32Eq", "f32Ne", "f32Lt", "f32Gt", "f32Le", "f32Ge",
    "f64Add", "f64Sub", "f64Mul", "f64Div", "f64Eq", "f64Ne", "f64Lt", "f64Gt", "f64Le", "f64Ge",
]
ACCUMULATOR_UNARY = [
    "i32Eqz", "i64Eqz", "i32Extend8S", "i32Extend16S", "i32WrapI64", "i64ExtendI32S", "i64ExtendI32U",
    "f64ConvertI32S", "f64ConvertI32U", "f64ConvertI64S", "f32ConvertI32S", "f64PromoteF32", "f32DemoteF64",
    "f64Sqrt", "f64Abs", "f64Neg", "f32Sqrt", "f32Abs", "f32Neg",
    "i32TruncF64S", "i32TruncSatF64S", "i64ReinterpretF64", "f64ReinterpretI64",
]
# Commutative operations need no (slot, accumulator) forms: the translator swaps the operands.
COMMUTATIVE = {"i32Add", "i32Mul", "i32And", "i32Or", "i32Xor", "i32Eq", "i32Ne",
               "i64Add", "i64Mul", "i64And", "i64Or", "i64Xor", "i64Eq", "i64Ne",
               "f32Add", "f32Mul", "f64Add", "f64Mul", "f32Eq", "f32Ne", "f64Eq", "f64Ne"}


def capitalized(case):
    return case[0].upper() + case[1:]


def read(t, location, which):
    """The expression for operand `which` (A or B) of type `t` at `location` (S, I, A)."""
    if location == "S":
        return f"{SWIFT[t]}(truncatingIfNeeded: fp[slot{which}(pc)])"
    if location == "I":
        return f"{SWIFT[t]}(truncatingIfNeeded: pc[2])"
    if t in ("i32", "i64"):
        return f"{SWIFT[t]}(truncatingIfNeeded: acc)"
    return f"{SWIFT[t]}(truncatingIfNeeded: facc.bitPattern)"


def numeric_body(case, a, b, d, width):
    """A handler's body: compute `case` from locations a (and b), store to d, pass control on."""
    operands, result = signatures[case]
    args = [read(operands[0], a, "A")] + ([read(operands[1], b, "B")] if len(operands) == 2 else [])
    call = f"NumericSemantics.{case}({', '.join(args)})"
    lines = []
    if THROWING.match(case):
        lines.append(f"    let result: {SWIFT[result]}")
        lines.append(f"    do {{ result = try {call} }} catch {{")
        lines.append("        trap(error, state)")
        lines.append("        return Continuation(pc: nil, acc: acc, facc: facc)")
        lines.append("    }")
    else:
        lines.append(f"    let result = {call}")
    accumulator, float_accumulator = "acc", "facc"
    if d in ("S", "B"):
        lines.append("    fp[slotD(pc)] = UInt64(result)")
    if d == "S":
        pass
    elif result in ("i32", "i64"):
        accumulator = "UInt64(result)"
    else:
        float_accumulator = "Double(bitPattern: UInt64(result))"
    lines.append(f"    return Continuation(pc: pc + {width}, acc: {accumulator}, facc: {float_accumulator})")
    return lines


def emit_handler(out, name, body):
    """A step function: the instruction's work, returning where to continue."""
    out.append("@inline(__always)")
    out.append(f"func {name}({ARGS}) -> Continuation {{")
    out.extend(body)
    out.append("}")
    out.append("")


def write(name, text):
    target = root / "Sources/WasmInterpreter/Execution" / name
    if "--check" in sys.argv:
        if not target.exists() or target.read_text() != text:
            sys.exit(f"{target} is out of date: run python3 Scripts/generate-numeric-handlers.py")
    else:
        target.write_text(text)


HEADER = ["// GENERATED by Scripts/generate-numeric-handlers.py from NumericOperation.swift. DO NOT EDIT.", ""]

# --- Slot handlers --------------------------------------------------------------------------
out = HEADER + ["// One threaded handler per numeric instruction; what each computes is NumericSemantics'.", "",
                "import WasmBinary", ""]
binary = []
for case in cases:
    operands, _ = signatures[case]
    emit_handler(out, "numeric" + capitalized(case), numeric_body(case, "S", "S", "S", 2))
    if len(operands) == 2:
        binary.append(case)
        emit_handler(out, "numeric" + capitalized(case) + "Immediate", numeric_body(case, "S", "I", "S", 3))
dense = {c: i for i, c in enumerate(cases)}
out += ["extension NumericOperation {",
        "    /// Numbers 0..<denseCount for the operations, in table order (handler tables are indexed by it).",
        "    var denseIndex: Int {",
        "        switch self {"]
out += [f"        case .{c}: return {i}" for c, i in dense.items()]
out += ["        }", "    }", "",
        f"    static let denseCount = {len(cases)}", "",
        "    /// How many operands the operation takes (its signature's, without building arrays).",
        "    var arity: Int {",
        "        switch self {",
        "        case " + ", ".join("." + c for c in cases if len(signatures[c][0]) == 1) + ": return 1",
        "        default: return 2",
        "        }",
        "    }", "",
        "    /// The type of the operation's result (its signature's, without building arrays).",
        "    var resultType: ValueType {",
        "        switch self {"]
for t in ("i32", "i64", "f32", "f64"):
    out.append("        case " + ", ".join("." + c for c in cases if signatures[c][1] == t) + f": return .{t}")
out += ["        }", "    }", "}", "",
        "/// The handler for each numeric instruction.",
        "enum NumericHandlers {",
        "    /// The handler taking both operands from slots (or the only operand, for unary operations).",
        "    static func handler(_ operation: NumericOperation) -> UInt64 {",
        "        switch operation {"]
out += [f"        case .{c}: return {handler('numeric' + capitalized(c))}" for c in cases]
out += ["        }", "    }", "",
        "    /// The variant taking its second operand as an immediate, for binary operations.",
        "    static func immediateHandler(_ operation: NumericOperation) -> UInt64? {",
        "        switch operation {"]
out += [f"        case .{c}: return {handler('numeric' + capitalized(c) + 'Immediate')}" for c in binary]
out += ["        default: return nil", "        }", "    }", "}", ""]
write("NumericHandlers.generated.swift", "\n".join(out))

# --- Accumulator handlers -------------------------------------------------------------------
# Forms: operand locations (first, second) then the result's: S slot, I immediate, A accumulator.
# B: the result in the destination slot and the accumulator at once (a local.set or local.tee
# of the result: the next reads of the local can use the register).
BINARY_FORMS = ["SSA", "SSB", "SIA", "SIB", "ASS", "ASA", "ASB", "AIS", "AIA", "AIB", "SAS", "SAA", "SAB"]
# Both operands the accumulator (x * x of a local the accumulator holds).
SQUARE_FORMS = ["AAS", "AAA", "AAB"]
SQUARES = {"f32Mul", "f32Add", "f64Mul", "f64Add", "i32Mul", "i64Mul", "i32Add", "i64Add"}
UNARY_FORMS = ["SA", "SB", "AS", "AA", "AB"]
# A constant first operand of an operation that cannot swap its operands (c − x, c / x, 1 << x).
REVERSE_FORMS = ["ISS", "ISA", "ISB", "IAS", "IAA", "IAB"]
REVERSES = {"i32Sub", "i64Sub", "i32Shl", "i64Shl", "f32Sub", "f64Sub", "f32Div", "f64Div"}
out = HEADER + ["// Numeric handlers that read an operand from the accumulators (`acc` for integers, `facc` for",
                "// floats: an f64 as its bits, an f32 as its bits in the low half) or leave the result there.",
                "", "import WasmBinary", ""]
table_cases = []
for case in ACCUMULATOR_BINARY:
    for form in BINARY_FORMS + (SQUARE_FORMS if case in SQUARES else []) + (REVERSE_FORMS if case in REVERSES else []):
        if form.startswith("SA") and case in COMMUTATIVE:
            continue
        name = f"numeric{capitalized(case)}{form}"
        emit_handler(out, name, numeric_body(case, form[0], form[1], form[2], 3 if "I" in form[:2] else 2))
        table_cases.append((case, form[0], form[1], form[2], name))
for case in ACCUMULATOR_UNARY:
    for form in UNARY_FORMS:
        name = f"numeric{capitalized(case)}{form}"
        emit_handler(out, name, numeric_body(case, form[0], "S", form[1], 2))
        table_cases.append((case, form[0], "S", form[1], name))
out += ["/// The numeric handlers with an operand or the result in an accumulator.",
        "enum AccumulatorHandlers {",
        "    /// The handler computing `operation` from `first` (and `second`) into `result`; nil when",
        "    /// there is none (the translator then keeps its operands in slots). Unary operations pass",
        "    /// `.slot` as `second`. (A table lookup: the translator asks for every numeric instruction.)",
        "    static func handler(_ operation: NumericOperation, _ first: OperandLocation, _ second: OperandLocation,",
        "                        _ result: OperandLocation) -> UInt64? {",
        "        let word = table[operation.denseIndex << 6 | first.rawValue << 4 | second.rawValue << 2 | result.rawValue]",
        "        return word == 0 ? nil : word",
        "    }", "",
        "    private static let table: [UInt64] = {",
        "        var table = [UInt64](repeating: 0, count: NumericOperation.denseCount << 6)",
        "        for operation in NumericOperation.allCases {",
        "            for first in OperandLocation.allCases {",
        "                for second in OperandLocation.allCases {",
        "                    for result in OperandLocation.allCases {",
        "                        let index = operation.denseIndex << 6 | first.rawValue << 4 | second.rawValue << 2 | result.rawValue",
        "                        table[index] = build(operation, first, second, result) ?? 0",
        "                    }",
        "                }",
        "            }",
        "        }",
        "        return table",
        "    }()", "",
        "    private static func build(_ operation: NumericOperation, _ first: OperandLocation, _ second: OperandLocation,",
        "                              _ result: OperandLocation) -> UInt64? {",
        "        switch (operation, first, second, result) {"]
for case, a, b, d, name in table_cases:
    out.append(f"        case (.{case}, {LOCATION[a]}, {LOCATION[b]}, {LOCATION[d]}): return {handler(name)}")
out += ["        default: return nil", "        }", "    }", "}", ""]
write("AccumulatorHandlers.generated.swift", "\n".join(out))

# --- Compare-and-branch handlers ------------------------------------------------------------
# A comparison followed by br_if/if becomes one instruction that jumps when the comparison
# holds (or, the "Not" forms, when it does not: for floats the negation of a comparison is not
# another comparison, because of NaN). Operands: (a, b) packed, relative target, and for the
# immediate form the second operand's value.
COMPARISONS = ["Eq", "Ne", "LtS", "LtU", "GtS", "GtU", "LeS", "LeU", "GeS", "GeU"]
FLOAT_COMPARISONS = ["Eq", "Ne", "Lt", "Gt", "Le", "Ge"]
BRANCH_FORMS = ["SS", "SI", "AS", "AI", "SA"]
out = HEADER + ["// Fused compare-and-branch handlers: jump when the comparison holds (or, Not forms, does not).",
                "", "import WasmBinary", ""]
branch_cases = []
metered_body = []
for t, names, polarities in (("i32", COMPARISONS, ("",)), ("i64", COMPARISONS, ("",)),
                             ("f32", FLOAT_COMPARISONS, ("", "Not")), ("f64", FLOAT_COMPARISONS, ("", "Not"))):
    for name in names:
        case = t + name
        for polarity in polarities:
            for form in BRANCH_FORMS:
                if form == "SA" and case in COMMUTATIVE:
                    continue
                suffix = {"SS": "", "SI": "Immediate"}.get(form, form)
                fn = f"branchIf{polarity}{capitalized(case)}{suffix}"
                width = 4 if form[1] == "I" else 3
                operands = [read(t, form[0], "A"), read(t, form[1], "B").replace("pc[2]", "pc[3]")]
                test = f"NumericSemantics.{case}({', '.join(operands)}) {'==' if polarity else '!='} 0"
                emit_handler(out, fn, [f"    if {test} {{",
                                       "        return Continuation(pc: jumpTarget(pc, pc[2], state), acc: acc, facc: facc)",
                                       "    }",
                                       f"    return Continuation(pc: pc + {width}, acc: acc, facc: facc)"])
                branch_cases.append((case, polarity == "Not", form, fn))
                # The metered form, for a loop's back-edge in code that consumes fuel: a taken
                # branch charges the block it leads to (the operand word after the others) and
                # jumps past that block's own charge (see Translator+Fuel).
                metered_body.append((fn, test, width))
out += ["/// The fused compare-and-branch handler for each comparison.",
        "enum BranchHandlers {",
        "    /// Jumps when `operation` holds for its operands (or, `negated`, when it does not); nil for",
        "    /// operations that are not comparisons and forms that do not exist. (A table lookup.)",
        "    static func handler(_ operation: NumericOperation, _ first: OperandLocation, _ second: OperandLocation,",
        "                        negated: Bool = false) -> UInt64? {",
        "        let word = table[operation.denseIndex << 5 | first.rawValue << 3 | second.rawValue << 1 | (negated ? 1 : 0)]",
        "        return word == 0 ? nil : word",
        "    }", "",
        "    private static let table: [UInt64] = {",
        "        var table = [UInt64](repeating: 0, count: NumericOperation.denseCount << 5)",
        "        for operation in NumericOperation.allCases {",
        "            for first in OperandLocation.allCases {",
        "                for second in OperandLocation.allCases {",
        "                    for negated in [false, true] {",
        "                        let index = operation.denseIndex << 5 | first.rawValue << 3 | second.rawValue << 1 | (negated ? 1 : 0)",
        "                        table[index] = build(operation, first, second, negated: negated) ?? 0",
        "                    }",
        "                }",
        "            }",
        "        }",
        "        return table",
        "    }()", "",
        "    private static func build(_ operation: NumericOperation, _ first: OperandLocation, _ second: OperandLocation,",
        "                              negated: Bool) -> UInt64? {",
        "        switch (operation, first, second, negated) {"]
for case, negated, form, fn in branch_cases:
    out.append(f"        case (.{case}, {LOCATION[form[0]]}, {LOCATION[form[1]]}, {'true' if negated else 'false'}): return {handler(fn)}")
out += ["        default: return nil", "        }", "    }", "}", ""]
write("BranchHandlers.generated.swift", "\n".join(out))

out = HEADER + ["// Fused compare-and-branch handlers for loops' back-edges in code that consumes fuel: a taken",
                "// branch first charges the fuel of the block it leads to (the word after the operands).", "",
                "import WasmBinary", ""]
for fn, test, width in metered_body:
    emit_handler(out, "metered" + fn[0].upper() + fn[1:],
                 [f"    if {test} {{",
                  f"        guard takeFuel(pc[{width}], state) else {{ return Continuation(pc: nil, acc: acc, facc: facc) }}",
                  "        return Continuation(pc: jumpTarget(pc, pc[2], state), acc: acc, facc: facc)",
                  "    }",
                  f"    return Continuation(pc: pc + {width + 1}, acc: acc, facc: facc)"])
out += ["/// The fused compare-and-branch handlers that charge fuel when they jump (loops' back-edges).",
        "enum MeteredBranchHandlers {",
        "    /// `BranchHandlers.handler`'s metered form: one more operand word, the fuel to charge.",
        "    static func handler(_ operation: NumericOperation, _ first: OperandLocation, _ second: OperandLocation,",
        "                        negated: Bool = false) -> UInt64? {",
        "        switch (operation, first, second, negated) {"]
for case, negated, form, fn in branch_cases:
    metered = "metered" + fn[0].upper() + fn[1:]
    out.append(f"        case (.{case}, {LOCATION[form[0]]}, {LOCATION[form[1]]}, {'true' if negated else 'false'}): return {handler(metered)}")
out += ["        default: return nil", "        }", "    }", "}", ""]
write("MeteredBranchHandlers.generated.swift", "\n".join(out))

# --- Memory handlers ------------------------------------------------------------------------
# Loads by how the loaded bytes extend to a slot's 64 bits; f32/f64 loads into the float
# accumulator keep their bits. Stores by width.
MODES = ["slot", "sum", "slotPlusConstant", "constant", "accumulator", "scaledSum"]
LOADS = [("UInt32", "UInt64($0)", [".i32Load", ".f32Load", ".i64Load32U"]), ("UInt64", "$0", [".i64Load", ".f64Load"]),
         ("UInt8", "UInt64($0)", [".i32Load8U", ".i64Load8U"]), ("UInt16", "UInt64($0)", [".i32Load16U", ".i64Load16U"]),
         ("Int8", "UInt64(UInt32(bitPattern: Int32($0)))", [".i32Load8S"]),
         ("Int16", "UInt64(UInt32(bitPattern: Int32($0)))", [".i32Load16S"]),
         ("Int8", "UInt64(bitPattern: Int64($0))", [".i64Load8S"]), ("Int16", "UInt64(bitPattern: Int64($0))", [".i64Load16S"]),
         ("Int32", "UInt64(bitPattern: Int64($0))", [".i64Load32S"])]
STORES = [(1, "UInt8"), (2, "UInt16"), (4, "UInt32"), (8, "UInt64")]
out = HEADER + ["import WasmBinary", "",
                "/// The load and store handler of each memory instruction in each address mode.",
                "enum MemoryHandlers {",
                "    /// A load in address `mode` whose result goes to a slot, the integer accumulator or (f32/f64) the",
                "    /// float accumulator; nil for an accumulator that cannot hold the loaded type. (A table lookup.)",
                "    static func load(_ operation: LoadOperation, _ mode: AddressMode = .slot, result: StoredValue = .slot) -> UInt64? {",
                "        let word = loads[Int(operation.rawValue - LoadOperation.i32Load.rawValue) << 6 | mode.rawValue << 3 | result.rawValue]",
                "        return word == 0 ? nil : word",
                "    }", "",
                "    /// A store in address `mode` of the value where `value` says. (A table lookup.)",
                "    static func store(_ operation: StoreOperation, _ mode: AddressMode = .slot, value: StoredValue = .slot) -> UInt64? {",
                "        let word = stores[Int(operation.rawValue - StoreOperation.i32Store.rawValue) << 6 | mode.rawValue << 3 | value.rawValue]",
                "        return word == 0 ? nil : word",
                "    }", "",
                "    private static let loads: [UInt64] = {",
                "        var table = [UInt64](repeating: 0, count: LoadOperation.allCases.count << 6)",
                "        for operation in LoadOperation.allCases {",
                "            for mode in AddressMode.allCases {",
                "                for result in StoredValue.allCases {",
                "                    let index = Int(operation.rawValue - LoadOperation.i32Load.rawValue) << 6 | mode.rawValue << 3 | result.rawValue",
                "                    table[index] = buildLoad(operation, mode, result) ?? 0",
                "                }",
                "            }",
                "        }",
                "        return table",
                "    }()", "",
                "    private static let stores: [UInt64] = {",
                "        var table = [UInt64](repeating: 0, count: StoreOperation.allCases.count << 6)",
                "        for operation in StoreOperation.allCases {",
                "            for mode in AddressMode.allCases {",
                "                for value in StoredValue.allCases {",
                "                    let index = Int(operation.rawValue - StoreOperation.i32Store.rawValue) << 6 | mode.rawValue << 3 | value.rawValue",
                "                    table[index] = buildStore(operation, mode, value) ?? 0",
                "                }",
                "            }",
                "        }",
                "        return table",
                "    }()", "",
                "    private static func buildLoad(_ operation: LoadOperation, _ mode: AddressMode, _ result: StoredValue) -> UInt64? {",
                "        switch (mode, result) {"]
for mode in MODES:
    for result in ("slot", "accumulator", "floatAccumulator", "slotAndAccumulator", "slotAndFloatAccumulator"):
        out.append(f"        case (.{mode}, .{result}):")
        out.append("            switch operation {")
        for swift_type, extend, operations in LOADS:
            if result in ("floatAccumulator", "slotAndFloatAccumulator"):
                operations = [o for o in operations if o in (".f32Load", ".f64Load")]
            elif result in ("accumulator", "slotAndAccumulator"):
                operations = [o for o in operations if o not in (".f32Load", ".f64Load")]
            if not operations:
                continue
            out.append(f"            case {', '.join(operations)}:")
            out.append(f"                return handlerWord {{ proceed(memoryLoad({swift_type}.self, {CLOSURE}, .{mode}, .{result}) {{ {extend} }}, $1, $2, $3, $4) }}")
        out.append("            default: return nil")
        out.append("            }")
out += ["        default: return nil", "        }", "    }", "",
        "    private static func buildStore(_ operation: StoreOperation, _ mode: AddressMode, _ value: StoredValue) -> UInt64? {",
        "        switch (mode, value) {"]
for mode in MODES:
    for value in ("slot", "immediate", "accumulator", "floatAccumulator"):
        out.append(f"        case (.{mode}, .{value}):")
        out.append("            switch operation.byteWidth {")
        for i, (width, swift_type) in enumerate(STORES):
            label = f"case {width}" if i < 3 else "default"
            out.append(f"            {label}: return handlerWord {{ proceed(memoryStore({swift_type}.self, {CLOSURE}, .{mode}, .{value}), $1, $2, $3, $4) }}")
        out.append("            }")
out += ["        default: return nil", "        }", "    }", "}", ""]
write("MemoryHandlers.generated.swift", "\n".join(out))

# --- Superinstructions ----------------------------------------------------------------------
# Pairs of handlers, by the names the dispatch profile prints (HandlerNames), that are fused into
# one handler running both steps (runPair). Chosen from dynamic pair counts: `wasm run FILE
# --invoke NAME ARGS --profile-unfused` (debug build) on the C programs of Fixtures/programs,
# aggregated by Scripts/choose-superinstructions.py, which writes this list.
PAIRS_FILE = root / "Scripts/superinstruction-pairs.txt"
PAIRS = [line.split("  +  ") for line in PAIRS_FILE.read_text().splitlines()
         if line.strip() and not line.startswith("#")] if PAIRS_FILE.exists() else []


def loop_test_family():
    """A loop's back edge, `i += k; br_if (i cmp n)`, as one handler whatever its shape: the step
    (an addition or subtraction of an immediate or a slot, into the local and the accumulator, or
    into the accumulator alone for a test like `i + 1 < n`) followed by any compare-and-branch of
    the same type on the result (from the accumulator, or from the local in a rotated loop's
    copy of its test) against a slot or an immediate, or a branch on (non-)zero. Generated whole,
    not pair by pair: every loop a compiler writes has one of these shapes."""
    pairs = []
    for t, steps in (("i32", ["i32Add si→sA", "i32Add ss→sA", "i32Sub si→sA", "i32Sub ss→sA", "i32Add si→A"]),
                     ("i64", ["i64Add si→sA", "i64Add ss→sA"])):
        for step in steps:
            in_slot = step.endswith("→sA")
            tests = [f"br_if {t}{c} {f}" for c in COMPARISONS for f in (["As", "Ai", "ss", "si"] if in_slot else ["As", "Ai"])]
            if t == "i32":
                tests += (["branchIfNotZero", "branchIfZero"] if in_slot else []) + ["branchIfNotZero A", "branchIfZero A"]
            pairs += [[step, test] for test in tests]
    return pairs


def float_chain_family():
    """A dependent chain of f64 arithmetic (a multiply feeding an add, a difference squared, an
    accumulation of products): an addition, subtraction or multiplication whose result goes to the
    float accumulator (and maybe a local) followed by another that takes it from there, with its
    other operand from a slot, the code (a polynomial's coefficients, a scale) or the accumulator
    itself, and its result anywhere. Divisions, rarer in such chains, are left out to keep the
    family small."""
    firsts, seconds = [], []
    for case, operands, uses in (("f64Add", ["ss", "As", "AA", "Ai"], ["As", "AA", "Ai"]),
                                 ("f64Sub", ["ss", "As", "sA", "Ai"], ["As", "sA", "Ai"]),
                                 ("f64Mul", ["ss", "As", "AA", "Ai"], ["As", "AA", "Ai"])):
        firsts += [f"{case} {o}→{d}" for o in operands for d in ("A", "sA")]
        seconds += [f"{case} {u}→{d}" for u in uses for d in ("A", "sA", "s")]
    return [[first, second] for first in firsts for second in seconds]


def load_test_family():
    """A loaded value tested by the next branch (a character against a delimiter, an element
    against a pivot, a pointer against null): a 32-bit word or byte load in the common address
    modes, into the accumulator (and maybe a local), followed by any i32 compare-and-branch on
    it against a slot or an immediate, or a branch on (non-)zero."""
    tests = [f"br_if i32{c} {f}" for c in COMPARISONS for f in ("As", "Ai")] + ["branchIfNotZero A", "branchIfZero A"]
    pairs = []
    for load in ("i32Load", "i32Load8U"):
        for mode in ("", " [A]", " [a+c]", " [a+b]"):
            pairs += [[f"{load}{mode} →A", test] for test in tests]
            pairs += [[f"{load}{mode} →sA", test] for test in tests + ["branchIfNotZero", "branchIfZero"]]
    return pairs


def integer_chain_family():
    """A dependent chain of integer bit mixing (hashes, checksums, PRNGs, crypto: `x ^= x >> k`,
    `x *= C`, `h = rotl(h, r) * C`, `x += x << k`): a shift or rotate of the chain value by a
    constant, a multiplication by a constant or an xor or addition of another value, into the
    integer accumulator (and maybe a local), followed by another of these that takes the value
    from there, into the accumulator (and maybe a local), for i32 and for i64. The chain value
    comes to the first from the accumulator or, for the shifts and multiplications that start a
    chain, from a local. (No rotr: LLVM writes a rotate by a constant as rotl.) Other operations
    and shapes (And, Or, Sub, ShrS, results into a slot alone) are fused where profiles see them
    (superinstruction-families.txt)."""
    pairs = []
    for t in ("i32", "i64"):
        firsts, seconds = [], []
        for case in ("Xor", "Add"):
            firsts += [f"{t}{case} As→{d}" for d in ("A", "sA")]
            seconds += [f"{t}{case} As→{d}" for d in ("A", "sA")]
        for case in ("Mul", "Shl", "ShrU", "Rotl"):
            firsts += [f"{t}{case} Ai→A", f"{t}{case} Ai→sA", f"{t}{case} si→A"]
            seconds += [f"{t}{case} Ai→{d}" for d in ("A", "sA")]
        pairs += [[first, second] for first in firsts for second in seconds]
    return pairs


FAMILIES_FILE = root / "Scripts/superinstruction-families.txt"
CHOSEN_FAMILIES = [line.split("  +  ") for line in FAMILIES_FILE.read_text().splitlines()
                   if line.strip() and not line.startswith("#")] if FAMILIES_FILE.exists() else []
for pair in (loop_test_family() + float_chain_family() + integer_chain_family() + load_test_family()
             + CHOSEN_FAMILIES):
    if pair not in PAIRS:
        PAIRS.append(pair)

LETTER = {"s": "S", "i": "I", "A": "A", "sA": "B"}
RESULT_NAME = {"s": ".slot", "A": ".accumulator", "sA": ".slotAndAccumulator"}
MODE_SUFFIX = {"": "slot", " [a+b]": "sum", " [a+c]": "slotPlusConstant", " [c]": "constant", " [A]": "accumulator",
               " [a+b<<k]": "scaledSum"}
LOAD_RESULT = {"": "slot", " →A": "accumulator", " →F": "floatAccumulator", " →sA": "slotAndAccumulator",
               " →sF": "slotAndFloatAccumulator"}
STORE_VALUE = {"": "slot", " imm": "immediate", " ←A": "accumulator", " ←F": "floatAccumulator"}
CONTROL = {"copy": ("Handlers.copy", "handleCopy", 2), "const64": ("Handlers.const64", "handleConst64", 3),
           "jump": ("Handlers.jump", "handleJump", 2), "branchIfZero": ("Handlers.branchIfZero", "handleBranchIfZero", 3),
           "branchIfNotZero": ("Handlers.branchIfNotZero", "handleBranchIfNotZero", 3),
           "branchIfZero A": ("Handlers.branchIfZeroAccumulator", "handleBranchIfZeroAccumulator", 3),
           "branchIfNotZero A": ("Handlers.branchIfNotZeroAccumulator", "handleBranchIfNotZeroAccumulator", 3),
           "select": ("Handlers.select", "handleSelect", 3), "branchTable": ("Handlers.branchTable", "handleBranchTable", 0), "global.get": ("Handlers.globalGet", "handleGlobalGet", 3),
           "global.set": ("Handlers.globalSet", "handleGlobalSet", 3),
           # The consumers that read the integer accumulator (a selector or condition just computed).
           "branchTable A": ("Handlers.branchTableAccumulator", "handleBranchTableAccumulator", 0),
           "select A": ("Handlers.selectOnAccumulator", "handleSelectOnAccumulator", 3, "firstConstant: false, secondConstant: false"),
           "global.get →A": ("Handlers.globalGetAccumulator", "handleGlobalGetAccumulator", 3),
           "global.get →sA": ("Handlers.globalGetSlotAndAccumulator", "handleGlobalGetSlotAndAccumulator", 3),
           "global.set A": ("Handlers.globalSetAccumulator", "handleGlobalSetAccumulator", 3)}
LOAD_TYPES = {op.strip("."): (t, e) for t, e, ops in LOADS for op in ops}
STORE_TYPES = {"i32Store": "UInt32", "i64Store": "UInt64", "f32Store": "UInt32", "f64Store": "UInt64", "i32Store8": "UInt8",
               "i32Store16": "UInt16", "i64Store8": "UInt8", "i64Store16": "UInt16", "i64Store32": "UInt32"}


def step_of(name):
    """(handler word expression, step closure, words) for a handler named as the profile names it."""
    if name in CONTROL:
        word, step, width, *extra = CONTROL[name]
        return word, f"{{ {step}({', '.join([CLOSURE] + extra)}) }}", width
    m = re.match(r"^br_(if|unless) (\w+) ([siA])([siA])$", name)
    if m:
        negated, case, a, b = m.group(1) == "unless", m.group(2), m.group(3), m.group(4)
        form = LETTER[a] + LETTER[b]
        suffix = {"SS": "", "SI": "Immediate"}.get(form, form)
        word = f"BranchHandlers.handler(.{case}, {LOCATION[LETTER[a]]}, {LOCATION[LETTER[b]]}{', negated: true' if negated else ''})"
        return word, f"{{ branchIf{'Not' if negated else ''}{capitalized(case)}{suffix}({CLOSURE}) }}", 4 if b == "i" else 3
    m = re.match(r"^(\w+) ([siA])([siA])→(s|A|sA)$", name)
    if m:
        case, a, b, d = m.groups()
        unary = len(signatures[case][0]) == 1
        form = LETTER[a] + ("" if unary else LETTER[b]) + LETTER[d]
        word = f"AccumulatorHandlers.handler(.{case}, {LOCATION[LETTER[a]]}, {LOCATION[LETTER[b]]}, {RESULT_NAME[d]})"
        return word, f"{{ numeric{capitalized(case)}{form}({CLOSURE}) }}", 3 if b == "i" else 2
    m = re.match(r"^(\w+) imm$", name)
    if m and m.group(1) in signatures:
        return f"NumericHandlers.immediateHandler(.{m.group(1)})", f"{{ numeric{capitalized(m.group(1))}Immediate({CLOSURE}) }}", 3
    if name in signatures:
        return f"NumericHandlers.handler(.{name})", f"{{ numeric{capitalized(name)}({CLOSURE}) }}", 2
    m = re.match(r"^(\w+?)((?: \[[a-zA-Z+<]+\])?)((?: imm| [←→]s?[AF])?)$", name)
    if m and m.group(1) in LOAD_TYPES:
        mode, result = MODE_SUFFIX[m.group(2)], LOAD_RESULT[m.group(3)]
        swift_type, extend = LOAD_TYPES[m.group(1)]
        word = f"MemoryHandlers.load(.{m.group(1)}, .{mode}, result: .{result})"
        step = f"{{ memoryLoad({swift_type}.self, {CLOSURE}, .{mode}, .{result}) {{ {extend} }} }}"
        return word, step, 4 if mode in ("slotPlusConstant", "scaledSum") else 3
    if m and m.group(1) in STORE_TYPES:
        mode, value = MODE_SUFFIX[m.group(2)], STORE_VALUE[m.group(3)]
        word = f"MemoryHandlers.store(.{m.group(1)}, .{mode}, value: .{value})"
        step = f"{{ memoryStore({STORE_TYPES[m.group(1)]}.self, {CLOSURE}, .{mode}, .{value}) }}"
        return word, step, (4 if mode in ("slotPlusConstant", "scaledSum") else 3) + (1 if value == "immediate" else 0)
    sys.exit(f"superinstruction pair names an unknown handler: {name!r}")


out = HEADER + ["// Superinstructions: pairs of adjacent instructions run by one handler (see runPair).",
                "", "import WasmBinary", "",
                "/// The superinstructions, keyed by the handler words of the pair they fuse.",
                "enum Superinstructions {",
                "    /// The handler that runs `first` then `second` in one dispatch, if there is one, and how",
                "    /// much fusing them is worth: 2, or 1 when `first` is a conditional branch (a taken",
                "    /// branch gains nothing).",
                "    /// (An open-addressing table with a multiplicative hash: the translator asks for every",
                "    /// adjacent pair of instructions.)",
                "    static func pair(_ first: UInt64, _ second: UInt64) -> (handler: UInt64, worth: Int)? {",
                "        var index = slot(first, second)",
                "        while true {",
                "            let entry = table[index]",
                "            if entry.first == 0 { return nil }",
                "            if entry.first == first && entry.second == second { return (entry.fused, entry.worth) }",
                "            index = (index + 1) & (table.count - 1)",
                "        }",
                "    }", "",
                "    /// Each superinstruction's handler word and name (for dispatch profiles).",
                "    static let names: [(UInt64, String)] = entries.map { ($0.2, $0.4) }", "",
                "    private struct Entry {",
                "        var first: UInt64 = 0",
                "        var second: UInt64 = 0",
                "        var fused: UInt64 = 0",
                "        var worth = 0",
                "    }", "",
                "    private static func slot(_ first: UInt64, _ second: UInt64) -> Int {",
                "        Int(truncatingIfNeeded: (first &* 0x9E37_79B9_7F4A_7C15 ^ second &* 0xC2B2_AE3D_27D4_EB4F) >> 51)",
                "    }", "",
                "    /// 8,192 entries (a power of two, at least four times the pairs: short probes).",
                "    private static let table: [Entry] = {",
                "        var table = [Entry](repeating: Entry(), count: 1 << 13)",
                "        for (first, second, fused, worth, _) in entries where pair(first, second, in: table) == nil {",
                "            var index = slot(first, second)",
                "            while table[index].first != 0 { index = (index + 1) & (table.count - 1) }",
                "            table[index] = Entry(first: first, second: second, fused: fused, worth: worth)",
                "        }",
                "        return table",
                "    }()", "",
                "    private static func pair(_ first: UInt64, _ second: UInt64, in table: [Entry]) -> UInt64? {",
                "        var index = slot(first, second)",
                "        while table[index].first != 0 {",
                "            if table[index].first == first && table[index].second == second { return table[index].fused }",
                "            index = (index + 1) & (table.count - 1)",
                "        }",
                "        return nil",
                "    }", "",
                "    private static let entries: [(UInt64, UInt64, UInt64, Int, String)] = {",
                "        var entries: [(UInt64, UInt64, UInt64, Int, String)] = []",
                "        func add(_ first: UInt64?, _ second: UInt64?, _ fused: UInt64, _ worth: Int, _ name: String) {",
                "            if let first, let second { entries.append((first, second, fused, worth, name)) }",
                "        }"]
for first, second in PAIRS:
    word1, step1, width1 = step_of(first)
    word2, step2, _ = step_of(second)
    out.append(f"        add({word1}, {word2},")
    out.append(f"            handlerWord {{ runPair({CLOSURE}, {width1}, {step1}, {step2}) }}, {1 if first.startswith(('br_', 'branchIf')) else 2},")
    out.append(f"            \"{first} + {second}\")")
out += ["        return entries", "    }()", "}", ""]
write("Superinstructions.generated.swift", "\n".join(out))
