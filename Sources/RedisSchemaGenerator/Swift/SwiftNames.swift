import RedisSchemaCore

/// Turns schema names into Swift identifiers and literals.
enum SwiftNames {
    /// Words that need backticks to be used as identifiers.
    static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
        "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "_", "Type", "Protocol", "package", "some", "any", "async",
    ]

    /// Type names a key or namespace may not take: they would shadow the modules generated code names
    /// (`Swift.String`, `RedisSchema.RedisPattern`) or mean something else after a dot (`X.Type`).
    static let reservedTypeNames: Set<String> = [
        "Swift", "RedisSchema", "Foundation", "FoundationEssentials", "_Concurrency", "Type", "Protocol",
    ]

    /// Nested types every key type may declare; a namespace with one of these names would be shadowed inside them.
    static let nestedTypeNames: Set<String> = ["Fields", "Entry", "Member", "Element", "Value"]

    /// `name`, in backticks when it is a keyword.
    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// An argument label in a call: only `inout`, `var` and `let` need backticks there.
    static func callLabel(_ name: String) -> String {
        ["inout", "var", "let"].contains(name) ? "`\(name)`" : name
    }

    /// The Swift type name for a key, unescaped: UpperCamelCase (`session-live` → `SessionLive`), with `Key`
    /// in front when that is empty or starts with a digit (`_` → `Key`, `_1st` → `Key1st`), and `Key` after
    /// it when it would shadow a module or mean something else after a dot (`Type` → `TypeKey`,
    /// `Swift` → `SwiftKey`). Other keywords are escaped where used (`` `Self` ``).
    static func typeName(forKey name: String) -> String {
        var type = Identifier.upperCamelCase(name)
        if type.isEmpty || type.first!.isNumber { type = "Key" + type }
        if reservedTypeNames.contains(type) { type += "Key" }
        return type
    }

    /// The Swift name for a field or placeholder value, unescaped: the name itself (placeholders) or its
    /// lowerCamelCase form (fields), with `_` in front when that is empty, only `_`, or starts with a digit
    /// (`_` → `__`, `_1st` field → `_1st`); keywords are then escaped where used.
    static func valueName(_ converted: String, original: String) -> String {
        if converted.isEmpty { return "_" + original.replacingOccurrences(of: "-", with: "_") }
        if converted.allSatisfy({ $0 == "_" }) || converted.first!.isNumber { return "_" + converted }
        return converted
    }

    /// The property or parameter name for a field name, escaped.
    static func property(_ name: String) -> String {
        escaped(valueName(Identifier.lowerCamelCase(name), original: name))
    }

    /// A Swift string literal with the same characters as `text`.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A Swift integer literal with `_` every three digits, as Swift style writes large numbers.
    static func integer(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        guard digits.count > 4 else { return String(value) }
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped += "_" }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}

extension SwiftNames {
    /// The type names of the keys, unescaped and in order: ``typeName(forKey:)``, plus `Key` when that is the
    /// namespace, plus `2`, `3`… when an earlier key already took the name (`type` and `typeKey` → `TypeKey`,
    /// `TypeKey2`). Deterministic: it depends only on the names and their order in the schema.
    static func typeNames(forKeys keys: [String], namespace: String) -> [String] {
        numbered(
            keys.map { key in
                let name = typeName(forKey: key)
                return name == namespace ? name + "Key" : name
            })
    }

    /// `names` with `2`, `3`… after each one an earlier name already took, in order: the one rule that keeps
    /// generated names apart (types, properties, enum cases, enum types).
    static func numbered(_ names: [String]) -> [String] {
        var taken: Set<String> = []
        return names.map { name in
            var unique = name
            var number = 2
            while taken.contains(unique) {
                unique = name + String(number)
                number += 1
            }
            taken.insert(unique)
            return unique
        }
    }

    /// The property and label of a member placeholder: its name, with `_` after it when it would clash with a
    /// member every generated `Member` type has (`rawValue` → `rawValue_`).
    static func memberValueName(_ placeholder: String) -> String {
        let name = valueName(placeholder, original: placeholder)
        return reservedMemberNames.contains(name) ? name + "_" : name
    }

    /// The properties of literal fields, escaped and in order: ``property(_:)``, plus `2`, `3`… when an earlier
    /// field already took the name (`user-id` and `userId` → `userId`, `userId2`).
    static func properties(forFields names: [String]) -> [String] {
        numbered(names.map { valueName(Identifier.lowerCamelCase($0), original: $0) }).map(escaped)
    }

    /// Properties every generated `Member` type has.
    static let reservedMemberNames: Set<String> = [
        "rawValue", "description", "redisEncoded", "redisValueDescription", "pattern", "hashValue",
    ]
}
