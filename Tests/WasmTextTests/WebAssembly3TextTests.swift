import Testing
import WasmBinary
@testable import WasmText

/// The 3.0 text format: typed references and recursive types, exceptions in both encodings,
/// memory indices and address types, tags, annotations, and the 3.0 script commands.
struct WebAssembly3TextTests {
    /// The instructions of the module's first function body, without its final `end`.
    static func body(_ text: String) throws -> [Instruction] {
        let module = try WatParser.parseModule(text)
        var reader = InstructionReader(code: module.codes.first?.code ?? [])
        var instructions: [Instruction] = []
        while !reader.isAtEnd { instructions.append(try reader.next()) }
        return Array(instructions.dropLast())
    }

    @Test func typedReferencesAndRecursiveTypes() throws {
        let module = try WatParser.parseModule("""
            (rec (type $a (func (param (ref null $b)))) (type $b (sub (func (result (ref $a))))))
            (type $c (sub final $b (func (result (ref $a)))))
            (func (param $f (ref $a)) (local nullfuncref exnref))
            """)
        #expect(module.types.count == 4, "the function's signature is appended")
        #expect(module.types[0] == DefinedType(.function(FunctionType(parameters: [.ref(ReferenceType(.concrete(1), isNullable: true))])),
                                               positionInGroup: 0, groupSize: 2))
        #expect(module.types[1].isFinal == false && module.types[1].groupSize == 2)
        #expect(module.types[2].supertypes == [1] && module.types[2].isFinal)
        #expect(module.codes[0].locals.map(\.type) == [.ref(ReferenceType(.noFunc, isNullable: true)), .exnref])
    }

    @Test func exceptionsInBothEncodings() throws {
        let flat = try Self.body("""
            (tag $e (param i32))
            (func (block $out (result i32) try_table (catch $e $out) (catch_all_ref 0) end i32.const 0)
              drop
              try $l catch $e drop catch_all end
              try delegate 0)
            """)
        #expect(flat == [
            .block(.value(.i32)), .tryTable(.empty, [.catch(tagIndex: 0, labelIndex: 0), .catchAllReference(labelIndex: 0)]), .end,
            .i32Const(0), .end, .drop,
            .try(.empty), .catch(tagIndex: 0), .drop, .catchAll, .end,
            .try(.empty), .delegate(labelIndex: 0),
        ])
        let folded = try Self.body("""
            (tag $e)
            (func (try (do (throw $e)) (catch $e (rethrow 0)) (catch_all)) (try (do) (delegate 0)))
            """)
        #expect(folded == [.try(.empty), .throw(tagIndex: 0), .catch(tagIndex: 0), .rethrow(labelIndex: 0), .catchAll, .end,
                           .try(.empty), .delegate(labelIndex: 0)])
        #expect(throws: WatError.self) { try WatParser.parseModule("(func (try (do) (catch_all) (catch_all)))") }
    }

    @Test func memoryIndicesAndAddressTypes() throws {
        let module = try WatParser.parseModule("""
            (memory $a 1) (memory $b i64 2 3 (pagesize 1))
            (data $d (memory $b) (i64.const 0) "x")
            (func (drop (i64.load $b offset=4294967296 (i64.const 0)))
                  (memory.copy $a $b (i32.const 0) (i64.const 0) (i32.const 1))
                  (memory.init $b $d (i64.const 0) (i32.const 0) (i32.const 1))
                  (drop (v128.load8_lane 1 3 (i64.const 0) (v128.const i64x2 0 0))))
            """)
        #expect(module.memories == [MemoryType(limits: Limits(min: 1)),
                                    MemoryType(limits: Limits(min: 2, max: 3), addressType: .i64, pageSizeLog2: 0)])
        let body = try Self.body("""
            (memory $a 1) (memory $b i64 2)
            (func (drop (i64.load $b offset=4294967296 (i64.const 0))) (memory.copy $a $b (i32.const 0) (i64.const 0) (i32.const 1)))
            """)
        #expect(body == [.i64Const(0), .load(.i64Load, MemoryArgument(alignment: 3, offset: 1 << 32, memoryIndex: 1)), .drop,
                         .i32Const(0), .i64Const(0), .i32Const(1), .memoryCopy(destinationMemory: 0, sourceMemory: 1)])
        #expect(throws: WatError(.invalidCustomPageSize, line: 1, column: 21)) { try WatParser.parseModule("(memory 0 (pagesize 3))") }
    }

    @Test func tablesTagsAndExports() throws {
        let module = try WatParser.parseModule("""
            (type $t (func))
            (import "m" "x" (tag $x))
            (table $tab i64 2 (ref $t) (ref.func $f))
            (tag $e (export "e") (type $t))
            (func $f)
            """)
        #expect(module.tables == [TableDefinition(
            type: TableType(elementType: ReferenceType(.concrete(0), isNullable: false), limits: Limits(min: 2), addressType: .i64),
            initializer: ConstantExpression([.refFunc(functionIndex: 0)]))])
        #expect(module.imports.map(\.descriptor) == [.tag(TagType(typeIndex: 0))])
        #expect(module.tags == [TagType(typeIndex: 0)])
        #expect(module.exports == [Export(name: "e", descriptor: .tag(1))], "tag 0 is the import")
    }

    @Test func customAndNameAnnotations() throws {
        let module = try WatParser.parseModule("""
            (module (@name "M")
              (type (func))
              (@custom "a" "12" "3")
              (@custom "b" (before type) "x")
              (func (@name "f")))
            """)
        #expect(module.customSections == [
            CustomSection(name: "a", bytes: Array("123".utf8), placement: .last),
            CustomSection(name: "b", bytes: Array("x".utf8), placement: .before(.type)),
        ])
        #expect(module.names?.moduleName == "M")
        #expect(module.names?.functionNames == [0: "f"])
        let bytes = ModuleEncoder.encode(module)
        let sections = try ModuleDecoder.sectionHeaders(bytes)
        #expect(sections.first?.customName == "b", "placed before the type section")
        for (text, message) in [
            ("(func (@custom \"x\"))", "misplaced @custom annotation"),
            ("(@custom \"x\" (after))", "@custom annotation: malformed section kind"),
            ("(module (@name \"a\") (@name \"b\"))", "@name annotation: multiple module names"),
            ("(func (@metadata.code.branch_hint \"\\01\") nop)", "@metadata.code.branch_hint annotation: invalid target"),
        ] {
            #expect { try WatParser.parseModule(text) } throws: { ($0 as? WatError)?.message == message }
        }
    }

    @Test func garbageCollectionInstructionsAreUnsupported() {
        do {
            _ = try WatParser.parseModule("(type $s (struct)) (func (drop (struct.new $s)))")
            Issue.record("struct.new parsed")
        } catch {
            #expect(error.isUnsupported)
            #expect(error.message == "unsupported: struct.new needs garbage collection")
        }
    }

    @Test func scriptCommandsOf3() throws {
        let commands = try WastScript.parse("""
            (module definition $M (func (export "f")))
            (module instance $I $M)
            (assert_exception (invoke $I "f"))
            (assert_return (invoke "g") (either (i32.const 1) (i32.const 2)) (ref.null))
            (module $G (type $s (struct)) (func (drop (struct.new $s))))
            """).commands
        guard commands.count == 5 else { Issue.record("read \(commands.count) commands"); return }
        guard case .moduleDefinition(let definition) = commands[0].kind else { Issue.record("\(commands[0].kind)"); return }
        #expect(definition.name == "$M")
        guard case .moduleInstance("$I", "$M") = commands[1].kind else { Issue.record("\(commands[1].kind)"); return }
        guard case .assertException(.invoke("$I", "f", [])) = commands[2].kind else { Issue.record("\(commands[2].kind)"); return }
        guard case .assertReturn(_, let expected) = commands[3].kind else { Issue.record("\(commands[3].kind)"); return }
        #expect(expected == [.either([.value(.i32(1)), .value(.i32(2))]), .anyNullReference])
        // A module the parser cannot implement stays text, so that only its own commands fail.
        guard case .module(let gc) = commands[4].kind, case .quote = gc.source else { Issue.record("\(commands[4].kind)"); return }
    }
}
