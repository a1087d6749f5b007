import WasmBinary

/// An exception tag: what `catch` clauses match and what an exception's values are. Each tag a
/// module defines is a new tag in each instance; a tag imported is the exporter's own tag, so
/// modules that share a tag catch each other's exceptions. A host creates tags with
/// ``Runtime/createTag(type:)`` to let modules import them and to throw ``WasmException``s
/// from host functions.
/// <https://webassembly.github.io/spec/core/exec/runtime.html#tag-instances>
public final class ExceptionTag: CustomStringConvertible, @unchecked Sendable {
    /// The types of the values an exception with this tag carries: the parameters (results are
    /// empty). Type indices in it are those of the module that defined the tag.
    public let type: FunctionType
    /// The runtime-wide id of the tag's type, for import matching.
    let typeID: Int
    /// The runtime the tag belongs to (its identity, without keeping it alive).
    let runtimeIdentifier: ObjectIdentifier

    init(type: FunctionType, typeID: Int, runtime: Runtime) {
        self.type = type
        self.typeID = typeID
        runtimeIdentifier = ObjectIdentifier(runtime)
    }

    /// `tag (param ...)`.
    public var description: String {
        "tag (param \(type.parameters.map(\.description).joined(separator: " ")))"
    }
}

extension Runtime {
    /// A new tag whose exceptions carry values of `type`'s parameter types (its results must be
    /// empty, and its reference types abstract), for modules to import and host functions to
    /// throw. A module imports it when it declares the same type.
    public func createTag(type: FunctionType) throws(InstantiationError) -> ExceptionTag {
        guard type.results.isEmpty else { throw .unlinkable("non-empty tag result type") }
        return ExceptionTag(type: type, typeID: canonicalTypes.id(of: type), runtime: self)
    }
}
