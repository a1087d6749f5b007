import Testing
import WasmBinary
import WasmInterpreter
import WasmText

/// Typed function references at run time: `call_ref` and the null tests, and subtyping between
/// function types in `call_indirect` and in import matching, across modules.
@Suite struct TypedReferenceTests {
    @Test func callReferenceAndTheNullInstructions() throws {
        let instance = try instantiate("""
            (module
              (type $unary (func (param i32) (result i32)))
              (func $double (type $unary) (i32.add (local.get 0) (local.get 0)))
              (elem declare func $double)
              (table $functions 2 (ref null $unary))
              (func (export "init") (table.set $functions (i32.const 0) (ref.func $double)))
              (func (export "apply") (param i32 i32) (result i32)
                (call_ref $unary (local.get 1) (table.get $functions (local.get 0))))
              (func (export "or_minus_one") (param i32 i32) (result i32)
                (block $null
                  (return (call_ref $unary (local.get 1)
                    (br_on_null $null (table.get $functions (local.get 0))))))
                (i32.const -1))
              (func (export "is_set") (param i32) (result i32)
                (block $set (result (ref $unary))
                  (br_on_non_null $set (table.get $functions (local.get 0)))
                  (return (i32.const 0)))
                (drop)
                (i32.const 1))
              (func (export "as_non_null") (param i32) (result i32)
                (call_ref $unary (i32.const 5) (ref.as_non_null (table.get $functions (local.get 0))))))
            """)
        #expect(throws: Trap(.nullFunctionReference)) { try instance.invoke("apply", [Value(Int32(0)), Value(Int32(4))]) }
        #expect(try instance.invoke("or_minus_one", [Value(Int32(0)), Value(Int32(4))]) == [Value(Int32(-1))])
        #expect(try instance.invoke("is_set", [Value(Int32(0))]) == [Value(Int32(0))])
        #expect(throws: Trap(.nullReference)) { try instance.invoke("as_non_null", [Value(Int32(0))]) }
        _ = try instance.invoke("init")
        #expect(try instance.invoke("apply", [Value(Int32(0)), Value(Int32(4))]) == [Value(Int32(8))])
        #expect(try instance.invoke("or_minus_one", [Value(Int32(0)), Value(Int32(21))]) == [Value(Int32(42))])
        #expect(try instance.invoke("is_set", [Value(Int32(0))]) == [Value(Int32(1))])
        #expect(try instance.invoke("is_set", [Value(Int32(1))]) == [Value(Int32(0))])
        #expect(try instance.invoke("as_non_null", [Value(Int32(0))]) == [Value(Int32(10))])
    }

    /// `$sub` declares `$base` as its supertype: a `$sub` function may be called where a `$base`
    /// is expected, not the other way round. `$other` has the same signature but is final (a
    /// different type; a non-final one without supertypes would be `$base` itself).
    static let hierarchy = """
        (type $base (sub (func (result i32))))
        (type $sub (sub $base (func (result i32))))
        (type $other (func (result i32)))
        """

    @Test func callIndirectAcceptsASubtypeOfTheExpectedType() throws {
        let instance = try instantiate("""
            (module
              \(Self.hierarchy)
              (func $base (type $base) (i32.const 1))
              (func $sub (type $sub) (i32.const 2))
              (table funcref (elem $base $sub))
              (func (export "as_base") (param i32) (result i32) (call_indirect (type $base) (local.get 0)))
              (func (export "as_sub") (param i32) (result i32) (call_indirect (type $sub) (local.get 0)))
              (func (export "as_other") (param i32) (result i32) (call_indirect (type $other) (local.get 0))))
            """)
        #expect(try instance.invoke("as_base", [Value(Int32(0))]) == [Value(Int32(1))])
        #expect(try instance.invoke("as_base", [Value(Int32(1))]) == [Value(Int32(2))])
        #expect(try instance.invoke("as_sub", [Value(Int32(1))]) == [Value(Int32(2))])
        #expect(throws: Trap(.indirectCallTypeMismatch)) { try instance.invoke("as_sub", [Value(Int32(0))]) }
        #expect(throws: Trap(.indirectCallTypeMismatch)) { try instance.invoke("as_other", [Value(Int32(1))]) }
    }

    @Test func importsMatchWithSubtypingAcrossModules() throws {
        let runtime = Runtime()
        let exporter = try instantiate("""
            (module
              \(Self.hierarchy)
              (func $sub (export "sub") (type $sub) (i32.const 7))
              (global (export "immutable") (ref null $sub) (ref.func $sub))
              (global (export "mutable") (mut (ref null $sub)) (ref.null $sub))
              (table (export "table") 1 (ref null $sub)))
            """, runtime: runtime)
        var imports = Imports()
        imports.define(module: "m", instance: exporter)
        // Another module declaring the same types (so they are the same types) imports with the
        // supertype where subtyping allows it.
        let importer = try instantiate("""
            (module
              \(Self.hierarchy)
              (import "m" "sub" (func $f (type $base)))
              (import "m" "immutable" (global $g (ref null $base)))
              (func (export "call") (result i32) (call_ref $base (ref.as_non_null (global.get $g)))))
            """, imports: imports, runtime: runtime)
        #expect(try importer.invoke("call") == [Value(Int32(7))])
        let refused: [(String, String)] = [
            ("function of an unrelated type", #"(import "m" "sub" (func (type $other)))"#),
            ("mutable global of a supertype", #"(import "m" "mutable" (global (mut (ref null $base))))"#),
            ("table of a supertype", #"(import "m" "table" (table 1 (ref null $base)))"#),
        ]
        for (what, declaration) in refused {
            let module = try CompiledModule(bytes: try WatParser.assemble("(module \(Self.hierarchy) \(declaration))"))
            #expect(throws: InstantiationError.self, "\(what)") { try runtime.instantiate(module, imports: imports) }
        }
        let exact = try CompiledModule(bytes: try WatParser.assemble(#"""
            (module \#(Self.hierarchy)
              (import "m" "mutable" (global (mut (ref null $sub))))
              (import "m" "table" (table 1 (ref null $sub))))
            """#))
        _ = try runtime.instantiate(exact, imports: imports)
    }

    @Test func indirectCallsThroughA64BitTableCheckSubtypesAndTheWholeIndex() throws {
        let instance = try instantiate("""
            (module
              \(Self.hierarchy)
              (func $sub (type $sub) (i32.const 9))
              (table $table i64 2 funcref)
              (elem (table $table) (i64.const 1) func $sub)
              (func (export "call") (param i64) (result i32) (call_indirect $table (type $base) (local.get 0)))
              (func (export "tail") (param i64) (result i32) (return_call_indirect $table (type $base) (local.get 0))))
            """)
        for name in ["call", "tail"] {
            #expect(try instance.invoke(name, [Value(Int64(1))]) == [Value(Int32(9))])
            #expect(throws: Trap(.uninitializedElement)) { try instance.invoke(name, [Value(Int64(0))]) }
            // 2^32 + 1 is out of bounds, not element 1.
            #expect(throws: Trap(.undefinedElement)) { try instance.invoke(name, [Value(Int64(1) << 32 | 1)]) }
        }
    }
}

