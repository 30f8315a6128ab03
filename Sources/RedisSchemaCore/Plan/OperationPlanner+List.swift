import RedisSchema

extension OperationPlanner {
    /// A list: pushes at either end trimmed to its cap, pops, reads.
    static func listOperations(element: ValueType, writes: Writes) -> [Operation] {
        let push: (OperationKind, String, Bool) -> Operation = { kind, command, atHead in
            Operation(
                kind, parameters: [.init("element", .value(element))],
                commands: writes.commands(
                    PlannedCommand(command, [.key, .parameter("element")]),
                    trim: writes.cap.trimCommand(keepingHead: atHead)),
                reply: .integer)
        }
        return [
            push(.push, "LPUSH", true), push(.append, "RPUSH", false),
            read(.popFirst, "LPOP", reply: .value(element)), read(.popLast, "RPOP", reply: .value(element)),
            Operation(
                .range,
                parameters: [.init("start", .index(defaultValue: 0)), .init("stop", .index(defaultValue: -1))],
                commands: [PlannedCommand("LRANGE", [.key, .parameter("start"), .parameter("stop")])],
                reply: .array),
            read(.length, "LLEN", reply: .integer),
        ]
    }
}
