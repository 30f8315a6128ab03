extension SchemaDecoder {
    mutating func valueType(_ node: YAMLNode, option: String, key: String) -> ValueType? {
        guard let name = text(node, option: option, key: key) else { return nil }
        return valueType(named: name, at: node.location, option: option, key: key)
    }

    private mutating func valueType(named name: String, at location: SourceLocation, option: String, key: String)
        -> ValueType?
    {
        if let type = ValueType(rawValue: name.lowercased()) { return type }
        let names = ValueType.allCases.map(\.rawValue)
        error(
            "`\(name)` in key `\(key)` is not a value type; use one of " + names.joined(separator: ", ")
                + Suggestion.didYouMean(name, among: names), at: location, key: key)
        return nil
    }

    mutating func fields(_ node: YAMLNode, key: String) -> [FieldSpec] {
        guard let entries = mapping(node, option: "fields", key: key) else { return [] }
        var fields: [FieldSpec] = []
        for entry in entries {
            guard var typeName = text(entry.value, option: "fields.\(entry.key)", key: key) else { continue }
            var name = entry.key
            var isOptional = false
            if name.hasSuffix("?") {
                name.removeLast()
                isOptional = true
            }
            if typeName.hasSuffix("?") {
                typeName.removeLast()
                isOptional = true
            }
            guard let type = valueType(named: typeName, at: entry.value.location, option: "fields", key: key) else {
                continue
            }
            let fieldName: FieldSpec.Name
            if name.contains("<") || name.contains(">") {
                do {
                    fieldName = .pattern(try FieldPattern(name, separator: nil))
                } catch {
                    self.error(
                        "invalid field pattern `\(name)` in key `\(key)`: \(error.advice)", at: entry.keyLocation,
                        key: key)
                    continue
                }
            } else {
                guard Identifier.isValidName(name) else {
                    error(
                        "the field name `\(name)` in key `\(key)` must be letters, digits, `_` and `-`, starting with "
                            + "a letter, or a field pattern such as `<x:int>_<y:int>`", at: entry.keyLocation, key: key)
                    continue
                }
                fieldName = .literal(name)
            }
            fields.append(FieldSpec(name: fieldName, type: type, isOptional: isOptional, location: entry.keyLocation))
        }
        return fields
    }

    mutating func member(_ node: YAMLNode, key: String) -> MemberSpec? {
        guard let source = text(node, option: "member", key: key) else { return nil }
        if let type = ValueType(rawValue: source.lowercased()) { return .type(type) }
        guard let pattern = keyPattern(node, separator: separator, option: "member", key: key) else { return nil }
        return .pattern(pattern)
    }
}
