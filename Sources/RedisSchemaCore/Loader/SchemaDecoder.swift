import RedisSchema

/// Turns a YAML tree into a ``Schema``, collecting every problem rather than stopping at the first.
struct SchemaDecoder {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// The schema's separator, known before any key is decoded.
    var separator = ":"

    init(file: String) {
        self.file = file
    }

    mutating func error(_ message: String, at location: SourceLocation, key: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: location, message, key: key))
    }

    mutating func warning(_ message: String, at location: SourceLocation, key: String? = nil) {
        diagnostics.append(Diagnostic(.warning, at: location, message, key: key))
    }

    mutating func decode(_ root: YAMLNode?) -> Schema? {
        guard let root else {
            if diagnostics.isEmpty {
                error(
                    "the file is empty; a schema needs at least `version: 1` and `keys:`",
                    at: SourceLocation(file: file, line: 1, column: 1))
            }
            return nil
        }
        guard case .mapping(let entries) = root.content else {
            error(
                "a schema is a mapping with `version:` and `keys:`, but this document is \(root.kindDescription)",
                at: root.location)
            return nil
        }
        var schema = Schema(file: file, keysLocation: root.location)
        var sawVersion = false
        var keysNode: YAMLNode?
        for entry in entries {
            switch entry.key {
            case "version":
                sawVersion = true
                if let version = integer(entry.value, option: "version") {
                    if version != 1 {
                        error(
                            "schema version \(version) is not supported; this redis-schema reads `version: 1`",
                            at: entry.value.location)
                    }
                    schema.version = version
                }
            case "namespace":
                if let namespace = text(entry.value, option: "namespace") {
                    if Identifier.isValid(namespace) {
                        schema.namespace = namespace
                    } else {
                        error(
                            "`namespace: \(namespace)` is not a Swift identifier; use letters, digits and `_`, "
                                + "e.g. `UXKeys`", at: entry.value.location)
                    }
                }
            case "database":
                if let database = integer(entry.value, option: "database") {
                    if database < 0 {
                        error(
                            "`database: \(database)` is negative; Redis databases are numbered from 0",
                            at: entry.value.location)
                    } else {
                        schema.database = database
                    }
                }
            case "separator":
                if let separator = text(entry.value, option: "separator") {
                    if isValidSeparator(separator) {
                        schema.separator = separator
                    } else {
                        error(
                            "`separator: \(separator)` must be one ASCII punctuation character such as `:`, `/` or `.`",
                            at: entry.value.location)
                    }
                }
            case "description":
                schema.description = text(entry.value, option: "description")
            case "keys":
                keysNode = entry.value
                schema.keysLocation = entry.keyLocation
            case "ignore":
                schema.ignore = ignoreRules(entry.value)
            case "cluster":
                schema.cluster = boolean(entry.value, option: "cluster") ?? false
            default:
                // `x-` keys hold anchors for merge keys (`x-defaults: &defaults`), as in Compose files.
                if !entry.key.hasPrefix("x-") {
                    unknownOption(entry, among: SchemaOptions.topLevel, context: "at the top level")
                }
            }
        }
        if !sawVersion {
            error("the schema has no `version:`; add `version: 1` at the top", at: root.location)
        }
        guard let keysNode else {
            error("the schema has no `keys:`; declare the keys under `keys:`", at: root.location)
            return schema
        }
        separator = schema.separator
        schema.keys = keySpecs(keysNode, separator: schema.separator)
        return schema
    }

    private func isValidSeparator(_ separator: String) -> Bool {
        guard separator.unicodeScalars.count == 1, let scalar = separator.unicodeScalars.first else { return false }
        return scalar.isASCII && scalar.properties.isPatternSyntax && scalar != "<" && scalar != ">"
    }

    mutating func unknownOption(_ entry: YAMLMappingEntry, among options: [String], context: String, key: String? = nil)
    {
        error(
            "unknown option `\(entry.key)` \(context)" + Suggestion.didYouMean(entry.key, among: options),
            at: entry.keyLocation, key: key)
    }

    // MARK: Scalars

    mutating func text(_ node: YAMLNode, option: String, key: String? = nil) -> String? {
        guard let value = node.scalar, !node.isNull else {
            error("`\(option)`\(inKey(key)) must be text, not \(node.kindDescription)", at: node.location, key: key)
            return nil
        }
        return value
    }

    mutating func integer(_ node: YAMLNode, option: String, key: String? = nil) -> Int? {
        guard case .scalar(let value, let isPlain) = node.content, isPlain, !node.isNull,
            let number = Int(value)
        else {
            let shown = node.scalar.map { "`\($0)`" } ?? node.kindDescription
            error("`\(option)`\(inKey(key)) must be a whole number, not \(shown)", at: node.location, key: key)
            return nil
        }
        return number
    }

    /// `true` or `false`, plain (YAML's core schema also writes them `True`, `TRUE`).
    mutating func boolean(_ node: YAMLNode, option: String, key: String? = nil) -> Bool? {
        if case .scalar(let value, true) = node.content {
            switch value.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        let shown = node.scalar.map { "`\($0)`" } ?? node.kindDescription
        error("`\(option)`\(inKey(key)) must be `true` or `false`, not \(shown)", at: node.location, key: key)
        return nil
    }

    /// A whole number of at least 1; `subject` names it in the error (`maxLength for <id>`).
    mutating func positiveInteger(_ node: YAMLNode, option: String, subject: String, key: String?) -> Int? {
        guard let value = integer(node, option: option, key: key) else { return nil }
        guard value > 0 else {
            error("`\(subject)` must be at least 1, not \(value)", at: node.location, key: key)
            return nil
        }
        return value
    }

    func inKey(_ key: String?) -> String {
        key.map { " in key `\($0)`" } ?? ""
    }

    mutating func mapping(_ node: YAMLNode, option: String, key: String? = nil) -> [YAMLMappingEntry]? {
        guard case .mapping(let entries) = node.content else {
            error(
                "`\(option)`\(inKey(key)) must be a mapping, not \(node.kindDescription)", at: node.location, key: key)
            return nil
        }
        return entries
    }

    // MARK: Ignore globs

    private mutating func ignoreRules(_ node: YAMLNode) -> [IgnoreRule] {
        guard case .sequence(let items) = node.content else {
            error(
                "`ignore` must be a list of globs such as `- \"bull:*\"`, not \(node.kindDescription)",
                at: node.location)
            return []
        }
        return items.compactMap { item in
            guard let source = text(item, option: "ignore") else { return nil }
            do {
                return IgnoreRule(glob: try KeyGlob(source), location: item.location)
            } catch {
                self.error("invalid glob in `ignore`: \(error)", at: item.location)
                return nil
            }
        }
    }
}
