/// Reads YAML into located nodes, for files that sit beside a schema and are not schemas themselves
/// (the generator's `redis-schema-config.yaml`); schemas go through ``SchemaLoader``.
///
/// It is the same parser with the same limits and checks (duplicate keys, one document, alias bombs), so
/// every YAML file the project reads is read one way and reports its problems at `file:line:col`.
public enum YAMLDocument {
    /// The parsed document: its root node, `nil` when the text holds no document, and every problem found.
    public struct Parsed: Sendable {
        /// The root node, or `nil` when the text is empty or could not be parsed.
        public var root: YAMLNode?
        /// The syntax problems found, located in the file.
        public var diagnostics: [Diagnostic]
    }

    /// Parses `bytes`; `file` is the name locations use.
    public static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) -> Parsed {
        let (root, diagnostics) = YAMLParser.parse(bytes, file: file, limits: limits)
        return Parsed(root: root, diagnostics: diagnostics)
    }

    /// Reads and parses the file at `path`; `file` is the name locations use (default: `path`). Throws only
    /// when the file cannot be read.
    public static func load(contentsOf path: String, file: String? = nil, limits: YAMLLimits = .default)
        throws(FileReadError) -> Parsed
    {
        parse(try FileReader.read(path, maxBytes: limits.maxBytes), file: file ?? path, limits: limits)
    }
}
