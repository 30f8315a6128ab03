import RedisSchemaCore

/// The settings of a `redis-schema-config.yaml`: how the code of the `redis-schema.yaml` beside it is generated.
///
/// The build plugin, the command plugin and `redis-schema generate --config` all read it through this type, so a
/// target's generated code does not depend on which of them produced it. Settings given on a command line win
/// over the file's; the file's `namespace` wins over the schema's `namespace:`.
///
/// ```yaml
/// accessLevel: public   # public, package or internal (the default)
/// namespace: SharedKeys # the enum the generated types live in
/// ```
public struct SwiftGeneratorConfig: Sendable, Hashable {
    /// The name the plugins look for next to `redis-schema.yaml`.
    public static let fileName = "redis-schema-config.yaml"

    /// The access level of generated declarations, when the file sets one.
    public var accessLevel: SwiftGeneratorOptions.AccessLevel?
    /// The namespace enum, when the file sets one.
    public var namespace: String?

    /// Creates a configuration.
    public init(accessLevel: SwiftGeneratorOptions.AccessLevel? = nil, namespace: String? = nil) {
        self.accessLevel = accessLevel
        self.namespace = namespace
    }

    /// The outcome of reading a configuration file.
    public struct Result: Sendable {
        /// The configuration, when the file has no errors.
        public var config: SwiftGeneratorConfig?
        /// Every problem found, in file order.
        public var diagnostics: [Diagnostic]
    }

    /// Reads the file at `path`; `file` is the name diagnostics use (default: `path`). Throws only when the
    /// file cannot be read; problems in it are in the result's diagnostics.
    public static func load(contentsOf path: String, file: String? = nil) throws(FileReadError) -> Result {
        let document = try YAMLDocument.load(contentsOf: path, file: file)
        return decode(document, file: file ?? path)
    }

    /// Reads a configuration from its text.
    public static func load(_ text: String, file: String = fileName) -> Result {
        decode(YAMLDocument.parse(Array(text.utf8), file: file), file: file)
    }

    /// `options` with the settings this file makes; the caller applies its command line afterwards.
    public func applied(to options: SwiftGeneratorOptions) -> SwiftGeneratorOptions {
        var options = options
        if let accessLevel { options.accessLevel = accessLevel }
        if let namespace { options.namespace = namespace }
        return options
    }

    private enum Setting: String, CaseIterable {
        case accessLevel, namespace
    }

    private static func decode(_ document: YAMLDocument.Parsed, file: String) -> Result {
        var diagnostics = document.diagnostics
        func error(_ message: String, at location: SourceLocation) {
            diagnostics.append(Diagnostic(.error, at: location, message))
        }
        var config = SwiftGeneratorConfig()
        // An empty file sets nothing, like an absent one; a syntax error has already been reported.
        guard let root = document.root, !root.isNull else {
            return Result(config: diagnostics.containsErrors ? nil : config, diagnostics: diagnostics)
        }
        guard case .mapping(let entries) = root.content else {
            error(
                "\(fileName) is a mapping such as `accessLevel: public`, but this document is \(root.kindDescription)",
                at: root.location)
            return Result(config: nil, diagnostics: diagnostics)
        }
        let names = Setting.allCases.map(\.rawValue)
        for entry in entries {
            guard let setting = Setting(rawValue: entry.key) else {
                error(
                    "unknown setting `\(entry.key)`\(Suggestion.didYouMean(entry.key, among: names)) "
                        + "(\(fileName) sets \(names.map { "`\($0)`" }.joined(separator: " and ")))",
                    at: entry.keyLocation)
                continue
            }
            guard let value = entry.value.scalar, !entry.value.isNull else {
                error("`\(entry.key)` must be text, not \(entry.value.kindDescription)", at: entry.value.location)
                continue
            }
            switch setting {
            case .accessLevel:
                if let level = SwiftGeneratorOptions.AccessLevel(rawValue: value) {
                    config.accessLevel = level
                } else {
                    let levels = SwiftGeneratorOptions.AccessLevel.allCases.map(\.rawValue)
                    error(
                        "`accessLevel: \(value)` must be public, package or internal"
                            + Suggestion.didYouMean(value, among: levels), at: entry.value.location)
                }
            case .namespace:
                if Identifier.isValid(value) {
                    config.namespace = value
                } else {
                    error(
                        "`namespace: \(value)` is not a Swift identifier; use letters, digits and `_`, e.g. `SharedKeys`",
                        at: entry.value.location)
                }
            }
        }
        diagnostics = diagnostics.sortedByLocation()
        return Result(config: diagnostics.containsErrors ? nil : config, diagnostics: diagnostics)
    }
}
