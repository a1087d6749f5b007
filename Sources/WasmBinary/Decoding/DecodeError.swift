/// A malformed binary: what is wrong, in the words of the official testsuite, and the byte offset
/// in the module where it was found.
public struct DecodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The malformations the decoder reports, each with the testsuite's message.
    public enum Kind: Hashable, Sendable {
        /// The input ended before the module's header or a section header was complete.
        case unexpectedEnd
        /// A section, function body or other sized region ended in the middle of something.
        case unexpectedEndOfSectionOrFunction
        case magicHeaderNotDetected
        case unknownBinaryVersion
        case malformedSectionID
        /// A section or function body's declared size does not match what its contents use.
        case sectionSizeMismatch
        /// A declared size runs past the end of the bytes that contain it.
        case lengthOutOfBounds
        /// An LEB128 integer has bits set beyond the width of its type.
        case integerTooLarge
        /// An LEB128 integer uses more bytes than its type allows.
        case integerRepresentationTooLong
        case malformedUTF8
        /// A known section after one that must follow it, or a section that appears twice.
        case unexpectedContentAfterLastSection
        case functionAndCodeInconsistentLengths
        case dataCountAndDataInconsistentLengths
        /// `memory.init` or `data.drop` is used without a data count section.
        case dataCountSectionRequired
        /// A function declares 2^32 or more locals.
        case tooManyLocals
        case malformedValueType
        case malformedReferenceType
        /// A negative type code that is no abstract heap type.
        case malformedHeapType
        /// A type section entry that is no function, struct or array type.
        case malformedFunctionType
        case malformedMutability
        /// A table's or memory's limits flags with bits it cannot have.
        case malformedLimitsFlags
        /// A memory's page size exponent of 64 or more (custom-page-sizes proposal).
        case invalidCustomPageSize
        /// A tag whose attribute byte is not 0 (exception).
        case malformedTagAttribute
        /// A `try_table` clause whose kind byte is not 0 to 3.
        case malformedCatchClause
        case malformedImportKind
        case malformedExportKind
        case malformedElementKind
        case malformedElementSegmentKind
        case malformedDataSegmentKind
        /// A memory instruction's alignment exponent is 32 or more.
        case malformedMemoryOperationFlags
        /// A reserved byte is not zero.
        case zeroByteExpected
        /// An opcode (or a 0xFC / 0xFD subopcode) that WebAssembly does not define.
        case illegalOpcode
        /// A garbage-collection instruction (the 0xFB prefix, `ref.eq`), which this engine does
        /// not implement; says nothing about the module's validity. (The kinds carry no payload,
        /// so that `DecodeError` stays trivial and cheap to throw through the hot paths.)
        case garbageCollectionInstruction
        /// A count or size is over one of the decoder's `DecoderLimits` (an implementation
        /// limit, not a malformation): what, and the limit in force.
        case limitExceeded(DecoderLimits.Item, limit: Int)

        /// The message as the testsuite's `assert_malformed` commands spell it.
        public var message: String {
            switch self {
            case .unexpectedEnd: return "unexpected end"
            case .unexpectedEndOfSectionOrFunction: return "unexpected end of section or function"
            case .magicHeaderNotDetected: return "magic header not detected"
            case .unknownBinaryVersion: return "unknown binary version"
            case .malformedSectionID: return "malformed section id"
            case .sectionSizeMismatch: return "section size mismatch"
            case .lengthOutOfBounds: return "length out of bounds"
            case .integerTooLarge: return "integer too large"
            case .integerRepresentationTooLong: return "integer representation too long"
            case .malformedUTF8: return "malformed UTF-8 encoding"
            case .unexpectedContentAfterLastSection: return "unexpected content after last section"
            case .functionAndCodeInconsistentLengths: return "function and code section have inconsistent lengths"
            case .dataCountAndDataInconsistentLengths: return "data count and data section have inconsistent lengths"
            case .dataCountSectionRequired: return "data count section required"
            case .tooManyLocals: return "too many locals"
            case .malformedValueType: return "malformed value type"
            case .malformedReferenceType: return "malformed reference type"
            case .malformedHeapType: return "malformed heap type"
            case .malformedFunctionType: return "malformed function type"
            case .malformedMutability: return "malformed mutability"
            case .malformedLimitsFlags: return "malformed limits flags"
            case .invalidCustomPageSize: return "invalid custom page size"
            case .malformedTagAttribute: return "malformed tag attribute"
            case .malformedCatchClause: return "malformed catch clause"
            case .malformedImportKind: return "malformed import kind"
            case .malformedExportKind: return "malformed export kind"
            case .malformedElementKind: return "malformed element kind"
            case .malformedElementSegmentKind: return "malformed elements segment kind"
            case .malformedDataSegmentKind: return "malformed data segment kind"
            case .malformedMemoryOperationFlags: return "malformed memop flags"
            case .zeroByteExpected: return "zero byte expected"
            case .illegalOpcode: return "illegal opcode"
            case .garbageCollectionInstruction: return "unsupported: garbage collection instruction"
            case .limitExceeded(let item, let limit):
                let unit = item.unit.isEmpty ? "" : " \(item.unit)"
                return "\(item.words) (this engine's limit is \(limit)\(unit))"
            }
        }
    }

    /// What went wrong.
    public var kind: Kind
    /// Byte offset in the module (or in the code given to an `InstructionReader`, plus its base offset).
    public var offset: Int

    /// An error of `kind` found at byte `offset`.
    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// The testsuite's words for this error.
    public var message: String { kind.message }

    /// True when the module uses something this engine does not implement, rather than being
    /// malformed.
    public var isUnsupported: Bool { kind == .garbageCollectionInstruction }

    /// `OFFSET: message`, with the offset in hexadecimal as `wasm-objdump` and wabt print it.
    public var description: String {
        "0x\(String(offset, radix: 16)): \(message)"
    }
}
