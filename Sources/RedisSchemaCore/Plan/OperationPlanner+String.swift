import RedisSchema

extension OperationPlanner {
    /// A string value: `SET` with its TTL, `GET`.
    static func stringOperations(_ type: ValueType, writes: Writes) -> [Operation] {
        return [
            Operation(
                .set, parameters: [.init("value", .value(type))],
                commands: [PlannedCommand("SET", [.key, .parameter("value")] + writes.ttl.setOptions)],
                reply: .none),
            read(.get, "GET", reply: .value(type)),
        ]
    }

    /// A counter: it only ever increments.
    static func counterOperations(writes: Writes) -> [Operation] {
        // Counters only ever increment: `INCRBY` with an amount the generated code refuses when negative.
        return [
            Operation(
                .increment, parameters: [.init("amount", .amount(.int))],
                commands: writes.commands(PlannedCommand("INCRBY", [.key, .parameter("amount")])),
                reply: .integer),
            read(.get, "GET", reply: .counter),
        ]
    }
}
