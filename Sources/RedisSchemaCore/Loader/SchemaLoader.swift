/// Loads `schema.yaml` files: YAML parsing, validation and overlap analysis in one call.
public enum SchemaLoader {
    /// The outcome of loading a schema.
    public struct Result: Sendable {
        /// The schema, when it has no errors (it may have warnings).
        public var schema: Schema?
        /// Every problem found, in file order.
        public var diagnostics: [Diagnostic]
    }

    /// Loads the schema at `path`; `file` is the name diagnostics use (default: `path`).
    /// Throws only when the file cannot be read; problems in it are in the result's diagnostics.
    public static func load(contentsOf path: String, file: String? = nil, limits: YAMLLimits = .default)
        throws(FileReadError) -> Result
    {
        let bytes = try FileReader.read(path, maxBytes: limits.maxBytes)
        return load(bytes: bytes, file: file ?? path, limits: limits)
    }

    /// Loads a schema from its text.
    public static func load(bytes: [UInt8], file: String, limits: YAMLLimits = .default) -> Result {
        let (root, yamlDiagnostics) = YAMLParser.parse(bytes, file: file, limits: limits)
        var decoder = SchemaDecoder(file: file)
        decoder.diagnostics = yamlDiagnostics
        var schema = decoder.decode(root)
        var diagnostics = decoder.diagnostics
        if let decoded = schema {
            let analyzer = OverlapAnalyzer(schema: decoded)
            let overlaps = analyzer.overlaps()
            diagnostics += analyzer.diagnostics(overlaps)
            // Each pattern learns which patterns win over it, so that rendering refuses their keys.
            for (index, winners) in analyzer.winnersOverEach().enumerated() {
                schema?.keys[index].pattern.setExcluding(winners.map { decoded.keys[$0].pattern })
            }
        }
        diagnostics = diagnostics.sortedByLocation()
        return Result(schema: diagnostics.containsErrors ? nil : schema, diagnostics: diagnostics)
    }

    /// Loads a schema from its text.
    public static func load(_ text: String, file: String = "schema.yaml") -> Result {
        load(bytes: Array(text.utf8), file: file)
    }
}
