import WasmBinary
import WasmInterpreter

/// The `spectest` module the testsuite's scripts import: `print*` functions that do nothing,
/// `global_i32`/`global_i64` = 666, `global_f32`/`global_f64` = 666.6, a 10..20 funcref `table`,
/// the same with 64-bit indices as `table64`, and a 1..2 page `memory`.
enum SpecTestHost {
    /// Creates the module's entities in `runtime` and defines them in `imports` under `spectest`.
    static func define(in runtime: Runtime, into imports: inout Imports) throws(InstantiationError) {
        let printers: [(String, [ValueType])] = [
            ("print", []),
            ("print_i32", [.i32]),
            ("print_i64", [.i64]),
            ("print_f32", [.f32]),
            ("print_f64", [.f64]),
            ("print_i32_f32", [.i32, .f32]),
            ("print_f64_f64", [.f64, .f64]),
        ]
        for (name, parameters) in printers {
            let function = runtime.hostFunction(type: FunctionType(parameters: parameters)) { _ in [] }
            imports.define(module: "spectest", name: name, .function(function))
        }
        let globals: [(String, Value)] = [
            ("global_i32", .i32(666)),
            ("global_i64", .i64(666)),
            ("global_f32", Value(Float(666.6))),
            ("global_f64", Value(Double(666.6))),
        ]
        for (name, value) in globals {
            let global = runtime.createGlobal(GlobalType(valueType: value.type, mutability: .constant), value: value)
            imports.define(module: "spectest", name: name, .global(global))
        }
        let table = try runtime.createTable(
            TableType(elementType: .funcref, limits: Limits(min: 10, max: 20)), initialValue: .null(.funcref))
        imports.define(module: "spectest", name: "table", .table(table))
        let table64 = try runtime.createTable(
            TableType(elementType: .funcref, limits: Limits(min: 10, max: 20), addressType: .i64), initialValue: .null(.funcref))
        imports.define(module: "spectest", name: "table64", .table(table64))
        let memory = try runtime.createMemory(MemoryType(limits: Limits(min: 1, max: 2)))
        imports.define(module: "spectest", name: "memory", .memory(memory))
    }
}
