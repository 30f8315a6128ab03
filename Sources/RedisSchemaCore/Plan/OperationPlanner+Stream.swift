import RedisSchema

extension OperationPlanner {
    /// A stream: entries appended with `XADD` (trimmed to its cap), read by ID range or after an ID, with or
    /// without waiting, and consumed through consumer groups.
    static func streamOperations(_ value: ValueShape, writes: Writes) -> [Operation] {
        let typed = value.hasTypedFields
        let count = OperationParameter("count", .count)
        return [
            Operation(
                .addEntry, parameters: [.init("fields", typed ? .fields : .untypedFields)],
                commands: writes.commands(
                    PlannedCommand(
                        "XADD", [.key] + writes.cap.streamTrimArguments + [.literal("*"), .setFields("fields")])),
                reply: .entryID),
            Operation(
                .rangeEntries,
                parameters: [
                    .init("start", .entryID(defaultValue: "-")), .init("end", .entryID(defaultValue: "+")), count,
                ],
                commands: [
                    PlannedCommand(
                        "XRANGE",
                        [
                            .key, .parameter("start"), .parameter("end"),
                            .optionalOption(name: "COUNT", parameter: "count"),
                        ])
                ],
                reply: .entries(typed: typed)),
            Operation(
                .readEntries, parameters: [.init("id", .entryID(defaultValue: "0")), count],
                commands: [
                    PlannedCommand(
                        "XREAD",
                        [
                            .optionalOption(name: "COUNT", parameter: "count"), .literal("STREAMS"), .key,
                            .parameter("id"),
                        ])
                ],
                reply: .entries(typed: typed)),
            read(.length, "XLEN", reply: .integer),
        ] + consumerGroupOperations(typed: typed, writes: writes)
    }

    /// The blocking read and the consumer-group operations. Only creating a group may create the key, so only
    /// it carries the TTL and goes through the type guard; the others fail with `WRONGTYPE` on a key of another
    /// type, or `NOGROUP` on a missing key or group, and change nothing. The blocking reads cannot run in a
    /// script anyway.
    private static func consumerGroupOperations(typed: Bool, writes: Writes) -> [Operation] {
        let count = OperationParameter("count", .count)
        let group = OperationParameter("group", .groupName)
        let consumer = OperationParameter("consumer", .consumerName)
        let ids = OperationParameter("ids", .entryIDs)
        return [
            Operation(
                .readEntriesWaiting,
                parameters: [.init("id", .entryID(defaultValue: "$")), count, .init("timeout", .blockTimeout)],
                commands: [
                    PlannedCommand(
                        "XREAD",
                        [
                            .optionalOption(name: "COUNT", parameter: "count"), .literal("BLOCK"),
                            .parameter("timeout"), .literal("STREAMS"), .key, .parameter("id"),
                        ])
                ],
                reply: .entries(typed: typed)),
            Operation(
                .createGroup, parameters: [group, .init("id", .entryID(defaultValue: "$"))],
                commands: writes.commands(
                    PlannedCommand(
                        "XGROUP",
                        [.literal("CREATE"), .key, .parameter("group"), .parameter("id"), .literal("MKSTREAM")])),
                reply: .groupCreated),
            Operation(
                .readGroupEntries, parameters: [group, consumer, count, .init("timeout", .blockTimeout)],
                commands: [
                    PlannedCommand(
                        "XREADGROUP",
                        [
                            .literal("GROUP"), .parameter("group"), .parameter("consumer"),
                            .optionalOption(name: "COUNT", parameter: "count"),
                            .optionalOption(name: "BLOCK", parameter: "timeout"), .literal("STREAMS"), .key,
                            .literal(">"),
                        ])
                ],
                reply: .entries(typed: typed)),
            Operation(
                .acknowledgeEntries, parameters: [ids, group],
                commands: [PlannedCommand("XACK", [.key, .parameter("group"), .each("ids")])],
                reply: .integer),
            Operation(
                .pendingSummary, parameters: [group],
                commands: [PlannedCommand("XPENDING", [.key, .parameter("group")])], reply: .pendingSummary),
            Operation(
                .pendingEntries,
                parameters: [group, count, consumer, .init("minIdle", .minIdleTime)],
                commands: [
                    PlannedCommand(
                        "XPENDING",
                        [
                            .key, .parameter("group"), .optionalOption(name: "IDLE", parameter: "minIdle"),
                            .literal("-"), .literal("+"), .parameter("count"), .optionalParameter("consumer"),
                        ])
                ],
                reply: .pendingEntries),
            Operation(
                .claimEntries, parameters: [ids, group, consumer, .init("minIdle", .minIdleTime)],
                commands: [
                    PlannedCommand(
                        "XCLAIM",
                        [
                            .key, .parameter("group"), .parameter("consumer"), .parameter("minIdle"),
                            .each("ids"),
                        ])
                ],
                reply: .entries(typed: typed)),
        ]
    }
}
