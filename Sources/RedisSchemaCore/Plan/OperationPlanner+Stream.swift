import RedisSchema

extension OperationPlanner {
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
        ]
    }
}
