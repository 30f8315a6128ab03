import RedisSchemaCore

/// Names of the Swift enums generated for `enum:` placeholders and of their cases.
extension SwiftNames {
    /// Case names that would clash with what every `RawRepresentable`, `CaseIterable` enum has, or that mean
    /// something else after a dot; they get `_` after them.
    static let reservedCaseNames: Set<String> = [
        "allCases", "rawValue", "hashValue", "init", "self", "Type", "Protocol",
    ]

    /// The enum's name for a placeholder, unescaped: its UpperCamelCase name (`game` → `Game`), with `Value` after
    /// it when that would shadow a module, a nested type, the key's own type or a keyword (`type` → `TypeValue`).
    static func enumName(forPlaceholder name: String, keyType: String) -> String {
        var type = Identifier.upperCamelCase(name)
        if type.isEmpty || type.first!.isNumber { type = "Value" + type }
        let taken = reservedTypeNames.union(nestedTypeNames).union(keywords).union([keyType, "CodingKeys"])
        return taken.contains(type) ? type + "Value" : type
    }

    /// The case names for `values`, escaped and in order. Each value is split into words at every character that
    /// is not an ASCII letter or digit and written in lowerCamelCase (`Chess` → `chess`, `tic-tac-toe` →
    /// `ticTacToe`, `v1.2` → `v12`); `_` goes in front when that starts with a digit (`2048` → `_2048`), `value`
    /// stands for a value without ASCII letters or digits, reserved names get `_` after them, keywords are
    /// escaped (`` `default` ``), and `2`, `3`… tell apart values that end up with the same name.
    static func caseNames(forValues values: [String]) -> [String] {
        let names = values.map { value in
            let words = value.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            var name = Identifier.lowerCamelCase(words.joined(separator: "_"))
            if name.isEmpty { name = "value" }
            if name.first!.isNumber { name = "_" + name }
            if reservedCaseNames.contains(name) { name += "_" }
            return name
        }
        return numbered(names).map(escaped)
    }
}
