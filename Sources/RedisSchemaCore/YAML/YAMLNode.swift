/// A node of a parsed YAML document, with the position it starts at.
///
/// Deliberately untyped: YAML's own type guessing (`no` is false, `010` is octal) is the source of many
/// configuration bugs, so scalars stay text and the schema loader decides what each one may be.
public struct YAMLNode: Sendable {
    /// A node's content.
    public enum Content: Sendable {
        /// A scalar: its text, and whether it was written plain (unquoted), which decides if `null`
        /// or `~` mean "nothing".
        case scalar(String, isPlain: Bool)
        /// A mapping, its entries in file order; merge keys (`<<`) already applied.
        case mapping([YAMLMappingEntry])
        /// A sequence.
        case sequence([YAMLNode])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts.
    public var location: SourceLocation

    /// Creates a node.
    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The scalar's text, or `nil` for collections.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Whether this is a plain `null`, `~` or empty scalar.
    public var isNull: Bool {
        guard case .scalar(let text, let isPlain) = content, isPlain else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The kind of node, for messages: "a mapping", "a sequence", "a string".
    public var kindDescription: String {
        switch content {
        case .scalar: return isNull ? "null" : "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        }
    }
}

/// One `key: value` entry of a YAML mapping.
public struct YAMLMappingEntry: Sendable {
    /// The key, always a scalar.
    public var key: String
    /// Where the key is written.
    public var keyLocation: SourceLocation
    /// The value.
    public var value: YAMLNode

    /// Creates an entry.
    public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
