import RedisSchemaCore

/// Rules the Swift generator adds to the schema's own: names that would not compile, or would compile
/// into something else.
enum SwiftGeneratorChecks {
    /// Properties every generated `Member` type has.
    static let reservedMemberNames: Set<String> = [
        "rawValue", "description", "redisEncoded", "redisValueDescription", "pattern", "hashValue",
    ]

    static func diagnostics(for schema: Schema, options: SwiftGeneratorOptions) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let namespace = options.resolvedNamespace(for: schema)
        // Inside a key type, `Fields`, `Entry` and `Member` name its nested types, not the namespace.
        let nestedNames: Set<String> = ["Fields", "Entry", "Member"]
        if SwiftNames.reservedTypeNames.contains(namespace) || nestedNames.contains(namespace)
            || !Identifier.isValid(namespace)
        {
            diagnostics.append(
                Diagnostic(
                    .error, at: SourceLocation(file: schema.file, line: 1, column: 1),
                    "the namespace `\(namespace)` cannot name a Swift enum here; set `namespace:` to another name"))
        }
        for key in schema.keys {
            func error(_ message: String, at location: SourceLocation? = nil) {
                diagnostics.append(Diagnostic(.error, at: location ?? key.location, message, key: key.name))
            }
            if SwiftNames.reservedTypeNames.contains(key.typeName) || key.typeName == namespace {
                error(
                    "the key `\(key.name)` would generate the Swift type `\(key.typeName)`, which would shadow "
                        + "a module or a built-in name; rename the key")
            }
            var member: MemberSpec?
            var fields: [FieldSpec] = []
            switch key.value {
            case .set(let set): member = set.member
            case .zset(let zset): member = zset.member
            case .hash(let hash): fields = hash.fields
            case .stream(let stream): fields = stream.fields
            case .string, .list: break
            }
            if case .pattern(let pattern) = member {
                for placeholder in pattern.placeholders where reservedMemberNames.contains(placeholder.name) {
                    error(
                        "the member placeholder `<\(placeholder.name)>` in key `\(key.name)` would clash with a "
                            + "property of the generated `Member` type; rename it")
                }
            }
            var signatures: [[String]: String] = [:]
            for field in fields {
                guard case .pattern(let pattern) = field.name else { continue }
                if key.type == .stream {
                    error(
                        "the stream `\(key.name)` has the dynamic field `\(pattern.source)`; generated stream code "
                            + "needs fixed field names", at: field.location)
                }
                let signature = pattern.placeholders.map(\.name)
                if let other = signatures[signature] {
                    error(
                        "the field patterns `\(other)` and `\(pattern.source)` in key `\(key.name)` have the same "
                            + "placeholders, so their Swift methods would clash; rename a placeholder",
                        at: field.location)
                }
                signatures[signature] = pattern.source
            }
            if key.type == .stream
                && !fields.contains(where: { if case .literal = $0.name { true } else { false } })
            {
                error("the stream `\(key.name)` declares no fields; add `fields:` so entries can be written")
            }
        }
        return diagnostics
    }
}
