/// The sections of a WebAssembly 2.0 module, by their id byte.
/// https://webassembly.github.io/spec/core/binary/modules.html#sections
public enum SectionID: UInt8, CaseIterable, Sendable, CustomStringConvertible {
    case custom = 0
    case type = 1
    case `import` = 2
    case function = 3
    case table = 4
    case memory = 5
    case global = 6
    case export = 7
    case start = 8
    case element = 9
    case code = 10
    case data = 11
    case dataCount = 12

    /// Where the section must appear among the known sections (custom sections may appear
    /// anywhere): the data count section comes between the element and code sections.
    public var order: Int {
        switch self {
        case .custom: return 0
        case .dataCount: return 10
        case .code: return 11
        case .data: return 12
        default: return Int(rawValue)
        }
    }

    /// The section's name as tools print it ("Type", "Import", "DataCount", ...).
    public var description: String {
        switch self {
        case .custom: return "Custom"
        case .type: return "Type"
        case .import: return "Import"
        case .function: return "Function"
        case .table: return "Table"
        case .memory: return "Memory"
        case .global: return "Global"
        case .export: return "Export"
        case .start: return "Start"
        case .element: return "Elem"
        case .code: return "Code"
        case .data: return "Data"
        case .dataCount: return "DataCount"
        }
    }
}

/// Where one section lies in a module's bytes.
public struct SectionHeader: Equatable, Sendable {
    /// Which section this is.
    public var id: SectionID
    /// Offset of the section's id byte.
    public var offset: Int
    /// Offset of the section's contents (after the id and size).
    public var contentOffset: Int
    /// The size of the contents in bytes.
    public var size: Int
    /// A custom section's name; nil for the other sections.
    public var customName: String?

    /// A header for a section at these byte offsets, with `size` bytes of contents.
    public init(id: SectionID, offset: Int, contentOffset: Int, size: Int, customName: String? = nil) {
        self.id = id
        self.offset = offset
        self.contentOffset = contentOffset
        self.size = size
        self.customName = customName
    }
}
