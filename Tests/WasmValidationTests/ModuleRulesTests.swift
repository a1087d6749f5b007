import Testing
import WasmBinary
import WasmValidation

/// Module-level rules, checked when a `ModuleContext` is created.
struct ModuleRulesTests {
    static func context(features: WasmFeatures = .all, _ configure: (inout Module) -> Void) throws {
        _ = try ModuleContext(module: module(configure: configure), features: features)
    }

    static func immutable(_ type: ValueType) -> GlobalType { GlobalType(valueType: type, mutability: .constant) }

    @Test func memoryLimits() throws {
        try Self.context { $0.memories = [MemoryType(limits: Limits(min: 65536, max: 65536))] }
        #expect(fails(with: "memory size must be at most 65536 pages (4GiB)") {
            try Self.context { $0.memories = [MemoryType(limits: Limits(min: 65537))] }
        })
        #expect(fails(with: "memory size must be at most 65536 pages (4GiB)") {
            try Self.context { $0.memories = [MemoryType(limits: Limits(min: 0, max: 0x1_0000_0000))] }
        })
        #expect(fails(with: "size minimum must not be greater than maximum") {
            try Self.context { $0.memories = [MemoryType(limits: Limits(min: 2, max: 1))] }
        })
        #expect(fails(with: "size minimum must not be greater than maximum") {
            try Self.context { $0.tables = [TableDefinition(type: TableType(elementType: .funcref, limits: Limits(min: 10, max: 9)))] }
        })
    }

    @Test func atMostOneMemoryCountingImportsIn2() throws {
        #expect(fails(with: "multiple memories") {
            try Self.context(features: .webAssembly2) {
                $0.imports = [Import(module: "m", name: "mem", descriptor: .memory(MemoryType(limits: Limits(min: 1))))]
                $0.memories = [MemoryType(limits: Limits(min: 1))]
            }
        })
    }

    @Test func exportsAreUniqueAndExist() throws {
        try Self.context { $0.exports = [Export(name: "a", descriptor: .function(0)), Export(name: "b", descriptor: .function(0))] }
        #expect(fails(with: "duplicate export name") {
            try Self.context { $0.exports = [Export(name: "a", descriptor: .function(0)), Export(name: "a", descriptor: .function(0))] }
        })
        // Canonically equivalent but different code points are different names.
        try Self.context { $0.exports = [Export(name: "\u{C5}", descriptor: .function(0)), Export(name: "A\u{30A}", descriptor: .function(0))] }
        // An ASCII name and a non-ASCII one equal to it as Swift strings (the Kelvin sign is
        // canonically "K") are different names; two equal non-ASCII names are duplicates.
        try Self.context { $0.exports = [Export(name: "K", descriptor: .function(0)), Export(name: "\u{212A}", descriptor: .function(0))] }
        #expect(fails(with: "duplicate export name") {
            try Self.context { $0.exports = [Export(name: "\u{C5}x", descriptor: .function(0)), Export(name: "\u{C5}x", descriptor: .function(0))] }
        })
        #expect(fails(with: "unknown global 0") { try Self.context { $0.exports = [Export(name: "g", descriptor: .global(0))] } })
        #expect(fails(with: "unknown memory 0") { try Self.context { $0.exports = [Export(name: "m", descriptor: .memory(0))] } })
    }

    @Test func startFunctionTakesAndReturnsNothing() throws {
        try Self.context { $0.start = 0 }
        #expect(fails(with: "start function") {
            _ = try ModuleContext(module: module(types: [FunctionType([], [.i32])]) { $0.start = 0 })
        })
        #expect(fails(with: "unknown function 1") { try Self.context { $0.start = 1 } })
    }

    @Test func constantExpressionsAllowOnlyConstantInstructions() throws {
        func global(_ type: ValueType, _ instructions: [Instruction]) -> Global {
            Global(type: Self.immutable(type), initializer: ConstantExpression(instructions))
        }
        try Self.context { $0.globals = [global(.funcref, [.refFunc(functionIndex: 0)]), global(.v128, [.v128Const(V128(low: 1, high: 2))])] }
        #expect(fails(with: "constant expression required") {
            try Self.context(features: .webAssembly2) { $0.globals = [global(.i32, [.i32Const(1), .i32Const(2), .numeric(.i32Add)])] }
        })
        // 3.0's extended constants: i32/i64 add, sub and mul.
        try Self.context { $0.globals = [global(.i32, [.i32Const(1), .i32Const(2), .numeric(.i32Add)])] }
        #expect(fails(with: "constant expression required") {
            try Self.context { $0.globals = [global(.i32, [.i32Const(1), .i32Const(2), .numeric(.i32DivS)])] }
        })
        #expect(fails(with: "type mismatch") {
            try Self.context { $0.globals = [global(.i32, [.i32Const(1), .i64Const(2), .numeric(.i32Add)])] }
        })
        #expect(fails(with: "type mismatch") { try Self.context { $0.globals = [global(.i32, [.i64Const(1)])] } })
        #expect(fails(with: "type mismatch") { try Self.context { $0.globals = [global(.i32, [])] } })
        #expect(fails(with: "type mismatch") { try Self.context { $0.globals = [global(.i32, [.i32Const(1), .i32Const(1)])] } })
        #expect(fails(with: "unknown function 4") { try Self.context { $0.globals = [global(.funcref, [.refFunc(functionIndex: 4)])] } })
    }

    @Test func constantExpressionsReadOnlyImportedImmutableGlobals() throws {
        let importedConstant = Import(module: "m", name: "c", descriptor: .global(Self.immutable(.i32)))
        let importedVariable = Import(module: "m", name: "v", descriptor: .global(GlobalType(valueType: .i32, mutability: .variable)))
        try Self.context {
            $0.imports = [importedConstant]
            $0.globals = [Global(type: Self.immutable(.i32), initializer: ConstantExpression([.globalGet(0)]))]
        }
        #expect(fails(with: "constant expression required") {
            try Self.context {
                $0.imports = [importedVariable]
                $0.globals = [Global(type: Self.immutable(.i32), initializer: ConstantExpression([.globalGet(0)]))]
            }
        })
        // In 2.0 a global defined by the module is not visible, not even to later globals or
        // segment offsets; in 3.0 later globals and segments see it, earlier globals do not.
        let chained: (inout Module) -> Void = {
            $0.globals = [
                Global(type: Self.immutable(.i32), initializer: ConstantExpression([.i32Const(0)])),
                Global(type: Self.immutable(.i32), initializer: ConstantExpression([.globalGet(0)])),
            ]
        }
        let offsetFromGlobal: (inout Module) -> Void = {
            $0.memories = [MemoryType(limits: Limits(min: 1))]
            $0.globals = [Global(type: Self.immutable(.i32), initializer: ConstantExpression([.i32Const(0)]))]
            $0.data = [DataSegment(bytes: [], mode: .active(memory: 0, offset: ConstantExpression([.globalGet(0)])))]
        }
        #expect(fails(with: "unknown global 0") { try Self.context(features: .webAssembly2, chained) })
        #expect(fails(with: "unknown global 0") { try Self.context(features: .webAssembly2, offsetFromGlobal) })
        try Self.context(chained)
        try Self.context(offsetFromGlobal)
        #expect(fails(with: "unknown global 1") {
            try Self.context {
                $0.globals = [
                    Global(type: Self.immutable(.i32), initializer: ConstantExpression([.globalGet(1)])),
                    Global(type: Self.immutable(.i32), initializer: ConstantExpression([.i32Const(0)])),
                ]
            }
        })
    }

    @Test func segmentRules() throws {
        let funcTable = TableDefinition(type: TableType(elementType: .funcref, limits: Limits(min: 1)))
        let offset = ConstantExpression([.i32Const(0)])
        let functions = ElementSegment(type: .funcref, initializers: [ConstantExpression([.refFunc(functionIndex: 0)])],
                                       mode: .active(table: 0, offset: offset))
        try Self.context { $0.tables = [funcTable]; $0.elements = [functions] }
        #expect(fails(with: "unknown table 0") { try Self.context { $0.elements = [functions] } })
        #expect(fails(with: "type mismatch") {
            try Self.context {
                $0.tables = [TableDefinition(type: TableType(elementType: .externref, limits: Limits(min: 1)))]
                $0.elements = [functions]
            }
        })
        #expect(fails(with: "type mismatch") {
            try Self.context {
                $0.elements = [ElementSegment(type: .externref, initializers: [ConstantExpression([.refFunc(functionIndex: 0)])], mode: .passive)]
            }
        })
        #expect(fails(with: "type mismatch") {
            try Self.context {
                $0.tables = [funcTable]
                $0.elements = [ElementSegment(type: .funcref, initializers: [], mode: .active(table: 0, offset: ConstantExpression([.i64Const(0)])))]
            }
        })
        #expect(fails(with: "unknown memory 0") {
            try Self.context { $0.data = [DataSegment(bytes: [1], mode: .active(memory: 0, offset: offset))] }
        })
        #expect(fails(with: "data count and data section have inconsistent lengths") {
            try Self.context { $0.dataCount = 2; $0.data = [DataSegment(bytes: [1], mode: .passive)] }
        })
    }

    @Test func importedFunctionTypesMustExist() {
        #expect(fails(with: "unknown type 7") {
            try Self.context { $0.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 7))] }
        })
        #expect(fails(with: "unknown type 1") { _ = try ModuleContext(module: module(functionType: 1)) })
    }
}
