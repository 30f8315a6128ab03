import RedisSchema

/// The operations of each value shape. Nothing here reads a ``KeySpec``: ``OperationPlanner/plan(for:)`` has
/// already turned it into a ``ValueShape`` and the TTL and cap policies.
extension OperationPlanner {
    static func operations(for value: ValueShape, writes: Writes) -> [Operation] {
        switch value {
        case .string(let type):
            return [
                Operation(
                    .set, parameters: [.init("value", .value(type))],
                    commands: [PlannedCommand("SET", [.key, .parameter("value")] + writes.ttl.setOptions)],
                    reply: .none),
                read(.get, "GET", reply: .value(type)),
            ]
        case .counter:
            // Counters only ever increment: `INCRBY` with an amount the generated code refuses when negative.
            return [
                Operation(
                    .increment, parameters: [.init("amount", .amount(.int))],
                    commands: writes.commands(PlannedCommand("INCRBY", [.key, .parameter("amount")])),
                    reply: .integer),
                read(.get, "GET", reply: .counter),
            ]
        case .hash(let fields):
            return hashOperations(value, fields: fields, writes: writes)
        case .list(let element):
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
        case .set(let member):
            return [
                Operation(
                    .add, parameters: [.init("member", .member(member))],
                    commands: writes.commands(PlannedCommand("SADD", [.key, .parameter("member")])), reply: .flag),
                memberRead(.remove, "SREM", member, reply: .flag),
                read(.members, "SMEMBERS", reply: .array),
                memberRead(.contains, "SISMEMBER", member, reply: .flag),
                read(.length, "SCARD", reply: .integer),
            ]
        case .sortedSet(let member, let score):
            return sortedSetOperations(member: member, score: score, writes: writes)
        case .stream:
            return streamOperations(value, writes: writes)
        }
    }

    private static func hashOperations(_ value: ValueShape, fields: [FieldSpec], writes: Writes) -> [Operation] {
        var operations: [Operation] = []
        let typed = value.hasTypedFields
        if typed || fields.isEmpty {
            // `HSET` needs at least one pair: skip it when only `nil` optionals or no untyped pairs are given.
            let hasOptional = value.literalFields.contains { $0.spec.isOptional }
            var commands = [
                PlannedCommand(
                    "HSET", [.key, .setFields("fields")],
                    condition: hasOptional || !typed ? .whenSpreadIsNotEmpty : .always)
            ]
            if hasOptional {
                commands.append(
                    PlannedCommand("HDEL", [.key, .unsetFields("fields")], condition: .whenSpreadIsNotEmpty))
            }
            commands += writes.ttl.expireCommand.map { [$0] } ?? []
            operations.append(
                Operation(
                    .setFields, parameters: [.init("fields", typed ? .fields : .untypedFields)], commands: commands,
                    reply: .none))
            operations.append(read(.getFields, "HGETALL", reply: .fields(typed: typed)))
        }
        if typed {
            operations += fixedFieldOperations(value, writes: writes)
        }
        for (index, (pattern, type)) in value.fieldPatterns.enumerated() {
            let placeholders = pattern.placeholders.map { OperationParameter($0.name, .placeholder($0)) }
            let field: [CommandArgument] = [.key, .renderedField]
            operations.append(
                Operation(
                    .getField(pattern: index), parameters: placeholders, commands: [PlannedCommand("HGET", field)],
                    reply: .value(type)))
            operations.append(
                Operation(
                    .setField(pattern: index), parameters: placeholders + [.init("value", .value(type))],
                    commands: writes.commands(PlannedCommand("HSET", field + [.parameter("value")])), reply: .none))
            if type == .int || type == .float {
                let command = type == .int ? "HINCRBY" : "HINCRBYFLOAT"
                operations.append(
                    Operation(
                        .incrementField(pattern: index), parameters: placeholders + [.init("amount", .amount(type))],
                        commands: writes.commands(PlannedCommand(command, field + [.parameter("amount")])),
                        reply: type == .int ? .integer : .double))
            }
            operations.append(
                Operation(
                    .removeField(pattern: index), parameters: placeholders, commands: [PlannedCommand("HDEL", field)],
                    reply: .flag))
        }
        return operations
    }

    /// One fixed field at a time, so flipping one flag is not a read-modify-write of the whole hash: `HGET`,
    /// `HMGET`, `HSET` and `HINCRBY`/`HINCRBYFLOAT` with the key's TTL, and `HDEL` when a field is optional.
    private static func fixedFieldOperations(_ value: ValueShape, writes: Writes) -> [Operation] {
        let field = OperationParameter("field", .fixedField)
        let types = Set(value.literalFields.map(\.spec.type))
        var operations = [
            Operation(
                .getFixedField, parameters: [field], commands: [PlannedCommand("HGET", [.key, .renderedField])],
                reply: .fixedFieldValue),
            Operation(
                .getFixedFields, parameters: [.init("fields", .fixedFields)],
                commands: [PlannedCommand("HMGET", [.key, .fieldNames("fields")])], reply: .fixedFieldValues),
            Operation(
                .setFixedField, parameters: [field, .init("value", .fixedFieldValue)],
                commands: writes.commands(PlannedCommand("HSET", [.key, .renderedField, .parameter("value")])),
                reply: .none),
        ]
        for (type, command) in [(ValueType.int, "HINCRBY"), (.float, "HINCRBYFLOAT")] where types.contains(type) {
            operations.append(
                Operation(
                    .incrementFixedField(type), parameters: [field, .init("amount", .amount(type))],
                    commands: writes.commands(PlannedCommand(command, [.key, .renderedField, .parameter("amount")])),
                    reply: type == .int ? .integer : .double))
        }
        if value.literalFields.contains(where: { $0.spec.isOptional }) {
            operations.append(
                Operation(
                    .removeFixedField, parameters: [field], commands: [PlannedCommand("HDEL", [.key, .renderedField])],
                    reply: .flag))
        }
        return operations
    }

    private static func sortedSetOperations(member: MemberSpec, score: ScoreType, writes: Writes) -> [Operation] {
        let scoreRange: [OperationParameter] = [.init("minScore", .score(score)), .init("maxScore", .score(score))]
        return [
            Operation(
                .add, parameters: [.init("member", .member(member)), .init("score", .score(score))],
                commands: writes.commands(PlannedCommand("ZADD", [.key, .parameter("score"), .parameter("member")])),
                reply: .flag),
            memberRead(.remove, "ZREM", member, reply: .flag),
            Operation(
                .members, commands: [PlannedCommand("ZRANGE", [.key, .integer(0), .integer(-1)])], reply: .array),
            memberRead(.score, "ZSCORE", member, reply: .score),
            Operation(
                .rangeByRank,
                parameters: [.init("start", .index(defaultValue: 0)), .init("stop", .index(defaultValue: -1))],
                commands: [
                    PlannedCommand("ZRANGE", [.key, .parameter("start"), .parameter("stop"), .literal("WITHSCORES")])
                ],
                reply: .scoredMembers),
            // `ZRANGE … BYSCORE` rather than `ZRANGEBYSCORE`, deprecated since Redis 6.2.
            Operation(
                .rangeByScore, parameters: scoreRange,
                commands: [
                    PlannedCommand(
                        "ZRANGE",
                        [
                            .key, .parameter("minScore"), .parameter("maxScore"), .literal("BYSCORE"),
                            .literal("WITHSCORES"),
                        ])
                ],
                reply: .scoredMembers),
            Operation(
                .removeRangeByScore, parameters: scoreRange,
                commands: [PlannedCommand("ZREMRANGEBYSCORE", [.key, .parameter("minScore"), .parameter("maxScore")])],
                reply: .integer),
            read(.length, "ZCARD", reply: .integer),
        ]
    }

    private static func streamOperations(_ value: ValueShape, writes: Writes) -> [Operation] {
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

    private static func read(_ kind: OperationKind, _ command: String, reply: ReplyDecoding) -> Operation {
        Operation(kind, commands: [PlannedCommand(command, [.key])], reply: reply)
    }

    private static func memberRead(
        _ kind: OperationKind, _ command: String, _ member: MemberSpec, reply: ReplyDecoding
    ) -> Operation {
        Operation(
            kind, parameters: [.init("member", .member(member))],
            commands: [PlannedCommand(command, [.key, .parameter("member")])], reply: reply)
    }
}
