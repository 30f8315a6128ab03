import RedisSchema

extension OperationPlanner {
    static func hashOperations(_ value: ValueShape, fields: [FieldSpec], writes: Writes) -> [Operation] {
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
}
