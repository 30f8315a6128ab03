import RedisSchema

extension OperationPlanner {
    /// A string value: `SET` with its TTL (also only when absent or present), `GET`, `GETDEL`, `GET` with `PTTL`,
    /// and the compare-and-delete of a lock's release.
    static func stringOperations(_ type: ValueType, writes: Writes) -> [Operation] {
        return [
            Operation(
                .set, parameters: [.init("value", .value(type))],
                commands: [PlannedCommand("SET", [.key, .parameter("value")] + writes.ttl.setOptions)],
                reply: .none),
            // The TTL goes in the SET itself: a SET whose condition fails must not touch the TTL either.
            Operation(
                .setIf, parameters: [.init("value", .value(type)), .init("condition", .setCondition)],
                commands: [
                    PlannedCommand("SET", [.key, .parameter("value"), .parameter("condition")] + writes.ttl.setOptions)
                ],
                reply: .wasSet),
            read(.get, "GET", reply: .value(type)),
            read(.getAndDelete, "GETDEL", reply: .value(type)),
            Operation(
                .getWithTTL, commands: [PlannedCommand("GET", [.key]), PlannedCommand("PTTL", [.key])],
                reply: .valueWithExpiry(type)),
            // Sent as one script (GET, then UNLINK only when the value is byte-equal), type-checked like a write.
            Operation(
                .deleteIfEqual, parameters: [.init("value", .value(type))],
                commands: [PlannedCommand("GET", [.key]), PlannedCommand("UNLINK", [.key])], reply: .flag),
        ]
    }

    /// A counter: it only ever increments; `GETDEL` reads and resets it.
    static func counterOperations(writes: Writes) -> [Operation] {
        // Counters only ever increment: `INCRBY` with an amount the generated code refuses when negative.
        return [
            Operation(
                .increment, parameters: [.init("amount", .amount(.int))],
                commands: writes.commands(PlannedCommand("INCRBY", [.key, .parameter("amount")])),
                reply: .integer),
            read(.get, "GET", reply: .counter),
            read(.getAndDelete, "GETDEL", reply: .counter),
        ]
    }
}
