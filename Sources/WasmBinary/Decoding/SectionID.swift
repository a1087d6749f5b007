/// The sections of a WebAssembly 3.0 module, by their id byte.
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
    case tag = 13

    /// Where the section must appear among the known sections (custom sections may appear
    /// anywhere): the tag section comes between the memory and global sections, the data count
    /// section between the element and code sections.
    public var order: Int {
        switch self {
        case .custom: return 0
        case .type: return 1
        case .import: return 2
        case .function: return 3
        case .table: return 4
        case .memory: return 5
        case .tag: return 6
        case .global: return 7
        case .export: return 8
        case .start: return 9
        case .element: return 10
        case .dataCount: return 11
        case .code: return 12
        case .data: return 13
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
        case .tag: return "Tag"
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
