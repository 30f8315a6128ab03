import RedisSchema

extension SchemaDecoder {
    mutating func keySpecs(_ node: YAMLNode, separator: String) -> [KeySpec] {
        guard let entries = mapping(node, option: "keys") else { return [] }
        if entries.isEmpty {
            warning(
                "`keys:` is empty; the schema declares no keys, so every key in Redis is unknown", at: node.location)
        }
        return entries.compactMap { keySpec($0, separator: separator) }
    }

    private mutating func keySpec(_ entry: YAMLMappingEntry, separator: String) -> KeySpec? {
        let name = entry.key
        if !Identifier.isValidName(name) {
            error(
                "`\(name)` is not a valid key name; use letters, digits, `_` and `-`, starting with a letter "
                    + "(it becomes a Swift type name)", at: entry.keyLocation, key: name)
        }
        guard case .mapping(let options) = entry.value.content else {
            error(
                "key `\(name)` must be a mapping of options (`pattern:`, `type:`, `ttl:` …), not "
                    + entry.value.kindDescription, at: entry.value.location, key: name)
            return nil
        }
        let byName = Dictionary(options.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

        var pattern: KeyPattern?
        var patternLocation = entry.keyLocation
        if let option = byName["pattern"] {
            patternLocation = option.value.location
            pattern = keyPattern(option.value, separator: separator, option: "pattern", key: name)
        } else {
            error(
                "key `\(name)` has no `pattern:`; write e.g. `pattern: \(name):<id>`", at: entry.keyLocation, key: name)
        }

        var type: RedisKeyType?
        if let option = byName["type"], let typeName = text(option.value, option: "type", key: name) {
            type = RedisKeyType(name: typeName)
            if type == nil {
                let names = RedisKeyType.allCases.map(\.rawValue)
                error(
                    "`type: \(typeName)` in key `\(name)` is not a Redis type; use one of "
                        + names.joined(separator: ", ") + Suggestion.didYouMean(typeName, among: names),
                    at: option.value.location, key: name)
            }
        } else if byName["type"] == nil {
            error(
                "key `\(name)` has no `type:`; use one of "
                    + RedisKeyType.allCases.map(\.rawValue).joined(separator: ", "),
                at: entry.keyLocation, key: name)
        }

        var ttl: TTL?
        if let option = byName["ttl"] {
            ttl = self.ttl(option.value, key: name)
        } else {
            error(
                "key `\(name)` has no `ttl:`; write how long its keys live (`ttl: 1 hour`) or `ttl: none`",
                at: entry.keyLocation, key: name)
        }

        for option in options where !SchemaOptions.allKeyOptions.contains(option.key) {
            unknownOption(option, among: SchemaOptions.allKeyOptions, context: "in key `\(name)`", key: name)
        }
        if let type {
            for option in options {
                guard let types = SchemaOptions.types(taking: option.key), !types.contains(type) else { continue }
                let owners = types.map(\.rawValue).joined(separator: " and ")
                error(
                    "`\(option.key)` applies to \(owners) keys, but `\(name)` is a \(type.rawValue)"
                        + alternative(for: option.key, on: type), at: option.keyLocation, key: name)
            }
        }

        if var resolved = pattern, let option = byName["params"] {
            applyParams(option.value, to: &resolved, key: name)
            pattern = resolved
        }

        guard let pattern, let type, let ttl else { return nil }
        var purpose: String?
        if let option = byName["purpose"] { purpose = text(option.value, option: "purpose", key: name) }
        return KeySpec(
            name: name, location: entry.keyLocation, pattern: pattern, patternLocation: patternLocation, ttl: ttl,
            ttlText: byName["ttl"]?.value.scalar?.trimmingWhitespace(), purpose: purpose,
            value: value(of: type, byName, key: name))
    }

    /// A hint for options used on the wrong type: `fields` on a list probably meant `element`; `trim` on a list
    /// needs none.
    private func alternative(for option: String, on type: RedisKeyType) -> String {
        if option == "trim", type == .list { return "; lists are always trimmed exactly (`LTRIM`)" }
        let replacement: String? =
            switch (option, type) {
            case ("fields", .list), ("member", .list): "element"
            case ("element", .hash), ("element", .stream): "fields"
            case ("element", .set), ("element", .zset): "member"
            case ("element", .string), ("member", .string), ("fields", .string): "value"
            default: nil
            }
        return replacement.map { "; did you mean `\($0)`?" } ?? ""
    }

    /// What the key holds, read from the options its type takes; options of other types were
    /// reported above and are not read. Undeclared (or invalid) options take the schema's defaults.
    private mutating func value(of type: RedisKeyType, _ options: [String: YAMLMappingEntry], key name: String)
        -> KeySpec.Value
    {
        var fields: [FieldSpec] = []
        var maxLength: Int?
        var member = MemberSpec.type(.string)
        let takes = { (option: String) in SchemaOptions.types(taking: option)?.contains(type) == true }
        if let option = options["fields"], takes("fields") {
            fields = self.fields(option.value, key: name)
        }
        if let option = options["maxLength"], takes("maxLength") {
            maxLength = positiveInteger(
                option.value, option: "maxLength", subject: "maxLength` in key `\(name)", key: name)
        }
        if let option = options["member"], takes("member") {
            member = self.member(option.value, key: name) ?? member
        }
        switch type {
        case .string:
            guard let option = options["value"] else { return .string(.scalar(.string)) }
            return .string(stringValue(option.value, key: name) ?? .scalar(.string))
        case .hash:
            return .hash(HashSpec(fields: fields))
        case .list:
            guard let option = options["element"] else { return .list(ListSpec(maxLength: maxLength)) }
            let element = valueType(option.value, option: "element", key: name) ?? .string
            return .list(ListSpec(element: element, maxLength: maxLength))
        case .set:
            return .set(SetSpec(member: member))
        case .zset:
            guard let option = options["score"] else { return .zset(SortedSetSpec(member: member)) }
            return .zset(SortedSetSpec(member: member, score: scoreType(option.value, key: name) ?? .float))
        case .stream:
            guard let option = options["trim"] else { return .stream(StreamSpec(fields: fields, maxLength: maxLength)) }
            if options["maxLength"] == nil {
                // A warning, not an error: the stream is simply uncapped, as without `trim:`, and a cap removed
                // for a while should not break builds; but `trim:` alone suggests a forgotten `maxLength:`.
                warning(
                    "`trim` in key `\(name)` has no effect without `maxLength`; the stream is not capped",
                    at: option.keyLocation, key: name)
            }
            let trimming = streamTrimming(option.value, key: name) ?? .approximate
            return .stream(StreamSpec(fields: fields, maxLength: maxLength, trimming: trimming))
        }
    }

    private mutating func streamTrimming(_ node: YAMLNode, key name: String) -> StreamTrimming? {
        choice(node, option: "trim", key: name, naming: "a trimming")
    }

    private mutating func scoreType(_ node: YAMLNode, key name: String) -> ScoreType? {
        choice(node, option: "score", key: name, naming: "a score type")
    }

    /// The value of an option that takes one of a closed set of names, any case (`score: Int`); an error at the
    /// value, with the names and a suggestion, for any other.
    private mutating func choice<Choice: CaseIterable & RawRepresentable>(
        _ node: YAMLNode, option: String, key name: String, naming what: String
    ) -> Choice? where Choice.RawValue == String {
        guard let given = text(node, option: option, key: name) else { return nil }
        if let choice = Choice(rawValue: given.lowercased()) { return choice }
        let names = Choice.allCases.map(\.rawValue)
        error(
            "`\(option): \(given)` in key `\(name)` is not \(what); use one of "
                + names.joined(separator: ", ") + Suggestion.didYouMean(given, among: names),
            at: node.location, key: name)
        return nil
    }

    private mutating func stringValue(_ node: YAMLNode, key name: String) -> StringValue? {
        guard let valueName = text(node, option: "value", key: name) else { return nil }
        if valueName.lowercased() == "counter" { return .counter }
        if let type = ValueType(rawValue: valueName.lowercased()) { return .scalar(type) }
        let names = ValueType.allCases.map(\.rawValue) + ["counter"]
        error(
            "`value: \(valueName)` in key `\(name)` is not a value type; use one of "
                + names.joined(separator: ", ") + Suggestion.didYouMean(valueName, among: names),
            at: node.location, key: name)
        return nil
    }

    // MARK: Patterns and params

    mutating func keyPattern(_ node: YAMLNode, separator: String, option: String, key: String) -> KeyPattern? {
        guard let source = text(node, option: option, key: key) else { return nil }
        do {
            let pattern = try KeyPattern(source, separator: separator)
            if option == "pattern" { braceWarnings(pattern, node: node, key: key) }
            return pattern
        } catch {
            self.error(
                "invalid \(option) `\(source)` in key `\(key)`: \(error.advice)",
                at: location(of: error, in: node), key: key)
            return nil
        }
    }

    /// The position of a pattern error inside the scalar, when the scalar sits on one line.
    func location(of error: PatternSyntaxError, in node: YAMLNode) -> SourceLocation {
        location(ofCharacter: error.offset, in: node)
    }

    /// The position of the character at `offset` of a pattern, when its scalar sits on one line.
    func location(ofCharacter offset: Int, in node: YAMLNode) -> SourceLocation {
        guard case .scalar(let text, let isPlain) = node.content, !text.contains("\n") else { return node.location }
        var location = node.location
        location.column += offset + (isPlain ? 0 : 1)
        return location
    }

    /// Warnings for braces that do not make the hash tag they seem to. Warnings, not errors: braces are
    /// ordinary key bytes, and a schema must be able to describe keys that already have them.
    private mutating func braceWarnings(_ pattern: KeyPattern, node: YAMLNode, key: String) {
        for issue in pattern.braceIssues {
            let subject = "pattern `\(pattern.source)` of key `\(key)`"
            let message: String
            switch issue.kind {
            case .emptyTag:
                message =
                    "the `{}` in \(subject) is an empty hash tag, so Redis Cluster hashes the whole key (and ignores "
                    + "any later `{…}`); put what should pick the slot between the braces, e.g. "
                    + "`\(Self.suggestedTag(pattern))`, or remove them"
            case .unclosed:
                message =
                    "the `{` in \(subject) is never closed with `}`, so it is no hash tag and Redis Cluster hashes "
                    + "the whole key; close it, e.g. `\(Self.suggestedTag(pattern))`, or remove it"
            case .ignoredTag(let written):
                let first = pattern.hashTag?.displayForm ?? "{}"
                message =
                    "Redis Cluster reads only the first `{…}` of a key (`\(first)`), so `\(written)` in \(subject) "
                    + "is ordinary text and picks no slot; keep one hash tag"
            case .literalTag:
                message =
                    "the hash tag `\(pattern.hashTag?.displayForm ?? "")` of \(subject) holds no placeholder, so "
                    + "every `\(key)` key is in one hash slot, served by one node of a cluster; put a placeholder "
                    + "in it, e.g. `\(Self.suggestedTag(pattern))`, unless that is what you want"
            }
            warning(message, at: location(ofCharacter: issue.offset, in: node), key: key)
        }
    }

    /// A hash tag to suggest for `pattern`: its first placeholder in braces.
    private static func suggestedTag(_ pattern: KeyPattern) -> String {
        pattern.placeholders.first.map { "{<\($0.name)>}" } ?? "{\(pattern.source)}"
    }

    private mutating func applyParams(_ node: YAMLNode, to pattern: inout KeyPattern, key: String) {
        guard let entries = mapping(node, option: "params", key: key) else { return }
        for entry in entries {
            guard let index = pattern.placeholderIndex(named: entry.key) else {
                let names = pattern.placeholders.map(\.name)
                let known =
                    names.isEmpty
                    ? "it has none" : "it has " + names.map { "`<\($0)>`" }.joined(separator: ", ")
                error(
                    "`params` names `\(entry.key)`, which is not a placeholder of `\(pattern.source)` (\(known))"
                        + Suggestion.didYouMean(entry.key, among: names), at: entry.keyLocation, key: key)
                continue
            }
            var rule = pattern.placeholders[index].rule
            let inlineKind = rule.kind
            let inlineTyped = pattern.source.contains("<\(entry.key):")
            switch entry.value.content {
            case .scalar:
                if let kind = paramKind(entry.value, key: key) { rule.kind = kind }
            case .mapping(let options):
                for option in options {
                    switch option.key {
                    case "type":
                        if let kind = paramKind(option.value, key: key) { rule.kind = kind }
                    case "enum":
                        rule.allowedValues = enumValues(option.value, key: key)
                    case "regex":
                        if let source = text(option.value, option: "regex", key: key) {
                            do {
                                rule.regex = try KeyParamRegex(source)
                            } catch {
                                self.error(
                                    "`regex: \(source)` for `<\(entry.key)>` is not a valid regular expression: \(error)",
                                    at: option.value.location, key: key)
                            }
                        }
                    case "maxLength":
                        rule.maxLength = positiveInteger(
                            option.value, option: "maxLength", subject: "maxLength` for `<\(entry.key)>", key: key)
                    default:
                        unknownOption(
                            option, among: SchemaOptions.paramOptions, context: "for `<\(entry.key)>`", key: key)
                    }
                }
            case .sequence:
                error(
                    "`params.\(entry.key)` must be a type (`int`) or a mapping (`enum:`, `regex:`, `maxLength:`), "
                        + "not a sequence", at: entry.value.location, key: key)
            }
            if inlineTyped, rule.kind != inlineKind {
                error(
                    "`<\(entry.key)>` is typed `\(inlineKind.rawValue)` in the pattern but `\(rule.kind.rawValue)` "
                        + "in `params`; keep one", at: entry.keyLocation, key: key)
            }
            if let values = rule.allowedValues {
                for value in values {
                    if let violation = rule.violation(in: value) {
                        error(
                            "the enum value `\(value)` for `<\(entry.key)>` \(violation)", at: entry.value.location,
                            key: key)
                    } else if let separator = pattern.separatorText, value.contains(separator) {
                        error(
                            "the enum value `\(value)` for `<\(entry.key)>` contains the separator `\(separator)`",
                            at: entry.value.location, key: key)
                    } else if let brace = pattern.forbiddenBrace(forPlaceholderAt: index), value.utf8.contains(brace),
                        let tag = pattern.hashTag
                    {
                        let violation = KeyParamViolation.movesHashTag(
                            brace: String(UnicodeScalar(brace)), tag: tag.displayForm)
                        error(
                            "the enum value `\(value)` for `<\(entry.key)>` \(violation)", at: entry.value.location,
                            key: key)
                    }
                }
            }
            pattern.setRule(rule, forPlaceholderAt: index)
        }
    }

    private mutating func paramKind(_ node: YAMLNode, key: String) -> KeyParamRule.Kind? {
        guard let name = text(node, option: "type", key: key) else { return nil }
        if let kind = KeyParamRule.Kind(rawValue: name.lowercased()) { return kind }
        let names = KeyParamRule.Kind.allCases.map(\.rawValue)
        error(
            "`\(name)` is not a placeholder type; use one of " + names.joined(separator: ", ")
                + Suggestion.didYouMean(name, among: names), at: node.location, key: key)
        return nil
    }

    private mutating func enumValues(_ node: YAMLNode, key: String) -> [String]? {
        guard case .sequence(let items) = node.content, !items.isEmpty else {
            error("`enum` must be a non-empty list of values, not \(node.kindDescription)", at: node.location, key: key)
            return nil
        }
        let values = items.compactMap { text($0, option: "enum", key: key) }
        return values.count == items.count ? values : nil
    }

    // MARK: TTL

    private mutating func ttl(_ node: YAMLNode, key: String) -> TTL? {
        guard let value = node.scalar, !node.isNull else {
            error(
                "`ttl` in key `\(key)` must be a duration such as `1 hour` or `none`, not \(node.kindDescription)",
                at: node.location, key: key)
            return nil
        }
        guard let ttl = TTL(parsing: value) else {
            if value.allSatisfy({ $0 == "0" || $0 == " " }) || value.lowercased().hasPrefix("0 ") {
                error(
                    "`ttl: \(value)` in key `\(key)` would expire keys the moment they are written; "
                        + "write `none` for keys that never expire", at: node.location, key: key)
                return nil
            }
            error(
                "`ttl: \(value)` in key `\(key)` is not a duration; write e.g. `5 min`, `1h`, `7 days`, `3600` "
                    + "(seconds) or `none`", at: node.location, key: key)
            return nil
        }
        return ttl
    }
}
