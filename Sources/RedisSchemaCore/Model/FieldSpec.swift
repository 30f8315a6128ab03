/// One field of a hash or stream entry.
public struct FieldSpec: Sendable, Hashable {
    /// A field's name: fixed, or a pattern for dynamic names.
    public enum Name: Sendable, Hashable {
        /// A fixed field name.
        case literal(String)
        /// Dynamic field names with typed parts (`<x:int>_<y:int>`).
        case pattern(FieldPattern)

        /// The name or pattern as written.
        public var source: String {
            switch self {
            case .literal(let name): return name
            case .pattern(let pattern): return pattern.source
            }
        }
    }

    /// The field's name.
    public var name: Name
    /// The type of its value.
    public var type: ValueType
    /// Whether the field may be missing.
    public var isOptional: Bool
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a field.
    public init(name: Name, type: ValueType, isOptional: Bool = false, location: SourceLocation) {
        self.name = name
        self.type = type
        self.isOptional = isOptional
        self.location = location
    }
}
