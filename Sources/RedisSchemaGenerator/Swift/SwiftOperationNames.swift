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
        case .setIf: return "set(_:if:)"
        case .getAndDelete, .getWithTTL: return "\(base(operation.kind))()"
        case .deleteIfEqual: return "delete(ifEqualTo:)"
        case .pushAll, .appendAll: return "\(base(operation.kind))(contentsOf:)"
        case .trim: return "trim(from:through:)"
        case .removeElement: return "remove(_:count:)"
        case .popFirstWaiting, .popLastWaiting: return "\(base(operation.kind))(waitingUpTo:)"
        case .move: return "move(from:to:at:)"
        case .moveWaiting: return "move(from:to:at:waitingUpTo:)"
        case .readEntriesWaiting: return "read(after:count:waitingUpTo:)"
        case .createGroup: return "createGroup(_:startingAt:)"
        case .readGroupEntries: return "read(group:consumer:count:waitingUpTo:)"
        case .acknowledgeEntries: return "acknowledge(_:group:)"
        case .pendingSummary: return "pending(group:)"
        case .pendingEntries: return "pending(group:count:consumer:minIdle:)"
        case .claimEntries: return "claim(_:group:for:minIdle:)"
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
        case .set, .setIf, .setFields, .setField, .setFixedField: return "set"
        case .get, .getFields, .getField, .getFixedField, .getFixedFields: return "get"
        case .increment, .incrementField, .incrementFixedField: return "increment"
        case .removeField, .remove, .removeFixedField, .removeElement: return "remove"
        case .push, .pushAll: return "push"
        case .append, .appendAll: return "append"
        case .popFirst, .popFirstWaiting: return "popFirst"
        case .popLast, .popLastWaiting: return "popLast"
        case .range, .rangeByRank, .rangeByScore, .rangeEntries: return "range"
        case .length: return "length"
        case .add, .addEntry: return "add"
        case .contains: return "contains"
        case .members: return "members"
        case .score: return "score"
        case .removeRangeByScore: return "removeRange"
        case .getAndDelete: return "getAndDelete"
        case .getWithTTL: return "getWithTTL"
        case .deleteIfEqual: return "delete"
        case .trim: return "trim"
        case .move, .moveWaiting: return "move"
        case .readEntries, .readEntriesWaiting, .readGroupEntries: return "read"
        case .createGroup: return "createGroup"
        case .acknowledgeEntries: return "acknowledge"
        case .pendingSummary, .pendingEntries: return "pending"
        case .claimEntries: return "claim"
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
