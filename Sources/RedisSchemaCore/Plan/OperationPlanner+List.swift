import RedisSchema

extension OperationPlanner {
    /// A list: pushes at either end (one element or several) trimmed to its cap, pops (also waiting for an
    /// element), moves to another list key, trims, reads.
    static func listOperations(element: ValueType, writes: Writes) -> [Operation] {
        let push: (OperationKind, String, Bool) -> Operation = { kind, command, atHead in
            Operation(
                kind, parameters: [.init("element", .value(element))],
                commands: writes.commands(
                    PlannedCommand(command, [.key, .parameter("element")]),
                    trim: writes.cap.trimCommand(keepingHead: atHead)),
                reply: .integer)
        }
        let pushAll: (OperationKind, String, Bool) -> Operation = { kind, command, atHead in
            Operation(
                kind, parameters: [.init("elements", .values(element))],
                commands: writes.commands(
                    PlannedCommand(command, [.key, .each("elements")]),
                    trim: writes.cap.trimCommand(keepingHead: atHead)),
                reply: .integer)
        }
        let popWaiting: (OperationKind, String) -> Operation = { kind, command in
            Operation(
                kind, parameters: [.init("timeout", .timeoutSeconds)],
                commands: [PlannedCommand(command, [.key, .parameter("timeout")])], reply: .poppedElement(element))
        }
        // The destination's cap and TTL are its own, known only when the call names it: generated code sends
        // them after the move, from the destination's `RedisListKey` conformance.
        let move: (OperationKind, String, Bool) -> Operation = { kind, command, waits in
            let parameters: [OperationParameter] =
                [.init("end", .listEnd), .init("destination", .listKey), .init("destinationEnd", .listEnd)]
                + (waits ? [.init("timeout", .timeoutSeconds)] : [])
            return Operation(
                kind, parameters: parameters,
                commands: [
                    PlannedCommand(
                        command,
                        [.key, .parameter("destination"), .parameter("end"), .parameter("destinationEnd")]
                            + (waits ? [.parameter("timeout")] : []))
                ],
                reply: .value(element))
        }
        return [
            push(.push, "LPUSH", true), push(.append, "RPUSH", false),
            pushAll(.pushAll, "LPUSH", true), pushAll(.appendAll, "RPUSH", false),
            read(.popFirst, "LPOP", reply: .value(element)), read(.popLast, "RPOP", reply: .value(element)),
            popWaiting(.popFirstWaiting, "BLPOP"), popWaiting(.popLastWaiting, "BRPOP"),
            move(.move, "LMOVE", false), move(.moveWaiting, "BLMOVE", true),
            Operation(
                .range,
                parameters: [.init("start", .index(defaultValue: 0)), .init("stop", .index(defaultValue: -1))],
                commands: [PlannedCommand("LRANGE", [.key, .parameter("start"), .parameter("stop")])],
                reply: .array),
            Operation(
                .trim,
                parameters: [.init("start", .index(defaultValue: 0)), .init("stop", .index(defaultValue: -1))],
                commands: [PlannedCommand("LTRIM", [.key, .parameter("start"), .parameter("stop")])],
                reply: .none),
            // `count` as Redis reads it: 0 removes every occurrence, n > 0 the first n from the head, n < 0 from the tail.
            Operation(
                .removeElement,
                parameters: [.init("element", .value(element)), .init("count", .index(defaultValue: 0))],
                commands: [PlannedCommand("LREM", [.key, .parameter("count"), .parameter("element")])],
                reply: .integer),
            read(.length, "LLEN", reply: .integer),
        ]
    }
}
