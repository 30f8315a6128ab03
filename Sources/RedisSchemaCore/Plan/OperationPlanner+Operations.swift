import RedisSchema

/// The operations of each value shape, one file per Redis type. Nothing here reads a ``KeySpec``:
/// ``OperationPlanner/plan(for:)`` has already turned it into a ``ValueShape`` and the TTL and cap policies.
extension OperationPlanner {
    static func operations(for value: ValueShape, writes: Writes) -> [Operation] {
        switch value {
        case .string(let type): return stringOperations(type, writes: writes)
        case .counter: return counterOperations(writes: writes)
        case .hash(let fields): return hashOperations(value, fields: fields, writes: writes)
        case .list(let element): return listOperations(element: element, writes: writes)
        case .set(let member): return setOperations(member: member, writes: writes)
        case .sortedSet(let member, let score): return sortedSetOperations(member: member, score: score, writes: writes)
        case .stream: return streamOperations(value, writes: writes)
        }
    }

    static func read(_ kind: OperationKind, _ command: String, reply: ReplyDecoding) -> Operation {
        Operation(kind, commands: [PlannedCommand(command, [.key])], reply: reply)
    }

    static func memberRead(
        _ kind: OperationKind, _ command: String, _ member: MemberSpec, reply: ReplyDecoding
    ) -> Operation {
        Operation(
            kind, parameters: [.init("member", .member(member))],
            commands: [PlannedCommand(command, [.key, .parameter("member")])], reply: reply)
    }
}
