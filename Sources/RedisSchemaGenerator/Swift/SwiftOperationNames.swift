import RedisSchemaCore

/// The Swift method each planned operation becomes, as the command tables of docs/generated-code.md name it.
enum SwiftOperationNames {
    /// `push(_:)`, `get(x:y:)`, `range(from:to:count:)`: the method and its argument labels, without `on:`.
    static func signature(_ operation: Operation, in plan: OperationPlan) -> String {
        func labels(_ names: [String]) -> String { names.map { "\($0):" }.joined() }
        let placeholders = operation.parameters.compactMap { parameter -> String? in
            guard case .placeholder = parameter.kind else { return nil }
            return SwiftNames.valueName(parameter.name, original: parameter.name)
        }
        switch operation.kind {
        case .set, .setFields, .push, .append, .remove, .contains, .score, .addEntry:
            return "\(base(operation.kind))(_:)"
        case .add: return plan.redisType == .zset ? "add(_:score:)" : "add(_:)"
        case .get, .getFields, .popFirst, .popLast, .members, .length: return "\(base(operation.kind))()"
        case .increment: return "increment(by:)"
        case .getFixedField, .removeFixedField: return "\(base(operation.kind))(_:)"
        case .getFixedFields: return "get(_:_:_:)"
        case .setFixedField: return "set(_:to:)"
        case .incrementFixedField: return "increment(_:by:)"
        case .getField, .removeField: return "\(base(operation.kind))(\(labels(placeholders)))"
        case .setField: return "set(\(labels(placeholders + ["value"])))"
        case .incrementField: return "increment(\(labels(placeholders + ["by"])))"
        case .range: return "range(from:through:)"
        case .rangeByRank: return "range(from:through:order:)"
        case .rangeByScore: return "range(minScore:maxScore:order:offset:count:)"
        case .removeRangeByScore: return "removeRange(minScore:maxScore:)"
        case .rangeEntries: return "range(from:to:count:)"
        case .readEntries: return "read(after:count:)"
        case .addMembers: return "add(contentsOf:)"
        case .removeMembers: return "remove(contentsOf:)"
        case .containsEach: return "contains(each:)"
        case .scan: return "scan(from:count:)"
        case .incrementScore: return "increment(_:by:)"
        case .rank: return "rank(of:order:)"
        case .removeRangeByRank: return "removeRange(from:through:)"
        }
    }

    /// The method's base name.
    static func base(_ kind: OperationKind) -> String {
        switch kind {
        case .set, .setFields, .setField, .setFixedField: return "set"
        case .get, .getFields, .getField, .getFixedField, .getFixedFields: return "get"
        case .increment, .incrementField, .incrementFixedField: return "increment"
        case .removeField, .remove, .removeFixedField: return "remove"
        case .push: return "push"
        case .append: return "append"
        case .popFirst: return "popFirst"
        case .popLast: return "popLast"
        case .range, .rangeByRank, .rangeByScore, .rangeEntries: return "range"
        case .length: return "length"
        case .add, .addEntry: return "add"
        case .contains: return "contains"
        case .members: return "members"
        case .score: return "score"
        case .removeRangeByScore: return "removeRange"
        case .readEntries: return "read"
        case .addMembers: return "add"
        case .removeMembers: return "remove"
        case .containsEach: return "contains"
        case .scan: return "scan"
        case .incrementScore: return "increment"
        case .rank: return "rank"
        case .removeRangeByRank: return "removeRange"
        }
    }
}
