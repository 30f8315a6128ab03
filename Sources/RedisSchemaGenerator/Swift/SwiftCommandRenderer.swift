import RedisSchemaCore

/// Renders the planned commands of an ``Operation`` as Swift statements: `RedisSchema.RedisCommand(…)`
/// expressions, the argument arrays that spread fields need, and the transaction or `send` that carries them.
/// Operations say which commands to send; this says only how Swift spells them.
struct SwiftCommandRenderer {
    let operation: Operation
    /// The literal fields of the key's `Fields` type, for ``CommandArgument/setFields(_:)``.
    let literalFields: [SwiftField]

    static let argumentArrayType = "[any RedisSchema.RedisArgumentConvertible]"

    /// A parameter's value as a command argument: integers and IDs as they are, other values encoded.
    func parameter(_ name: String) -> String {
        switch operation.parameter(named: name)?.kind {
        case .amount?, .index?, .entryID?, .count?: return name
        default: return "\(name).redisEncoded"
        }
    }

    /// A fixed argument as a Swift expression.
    func argument(_ argument: CommandArgument) -> SwiftExpression {
        switch argument {
        case .key: return "self.key"
        case .parameter(let name): return .atom(parameter(name))
        case .literal(let text): return .atom(SwiftNames.literal(text))
        case .integer(let value): return .atom(String(value))
        case .ttlSeconds(let value), .ttlMilliseconds(let value): return .atom(SwiftNames.integer(value))
        case .cap(let value): return .atom(String(value))
        case .renderedField: return "field"
        case .setFields, .unsetFields, .optionalOption, .fieldNames:
            preconditionFailure("spread arguments have no single expression")
        }
    }

    static func isSpread(_ argument: CommandArgument) -> Bool {
        switch argument {
        case .setFields, .unsetFields, .optionalOption, .fieldNames: return true
        default: return false
        }
    }

    /// Whether the command needs an argument array built before it is sent.
    static func needsArray(_ command: PlannedCommand) -> Bool {
        command.arguments.contains(where: isSpread)
    }

    /// The variable holding a command's argument array: `hset`, `xadd`.
    static func arrayName(_ command: PlannedCommand) -> String {
        command.name.lowercased()
    }

    // MARK: Writes: one guarded script call

    /// The statements that send the operation's commands as one type-guarded write (`RedisGuardedWrite`),
    /// binding the replies to `result`.
    func guardedWrite(result: String?) -> [SwiftStatement] {
        var statements = fieldSpreads()
        var commands: [(expression: SwiftExpression, condition: String?)] = []
        for command in operation.commands {
            guard Self.needsArray(command) else {
                commands.append((expression(command), nil))
                continue
            }
            let (setup, fixed) = array(command, includingKey: true)
            statements += setup
            let array = Self.arrayName(command)
            commands.append(
                (
                    .call(
                        "RedisSchema.RedisCommand",
                        [
                            SwiftArgument(nil, .atom(SwiftNames.literal(command.name))),
                            SwiftArgument("arguments", .atom(array)),
                        ]),
                    command.condition == .whenSpreadIsNotEmpty ? "\(array).count > \(fixed)" : nil
                ))
        }
        // Through the type-guard script: a write never touches, or sets the TTL of, a key of another type.
        let execute = { (commands: SwiftExpression) -> SwiftExpression in
            .tryAwait(
                .call(
                    "RedisSchema.RedisGuardedWrite.execute",
                    [
                        SwiftArgument(nil, commands), SwiftArgument("key", "self.key"),
                        SwiftArgument("type", "Self.redisType"), SwiftArgument("on", "client"),
                    ]))
        }
        let bind = { (value: SwiftExpression) -> SwiftStatement in
            result.map { .binding(isMutable: false, name: $0, type: nil, value: value) } ?? .assignment("_", value)
        }
        guard commands.contains(where: { $0.condition != nil }) else {
            let list = commands.map(\.expression)
            return statements + [bind(execute(list.count == 1 ? .array(list) : .verticalArray(list)))]
        }
        statements.append(.binding(isMutable: true, name: "commands", type: "[RedisSchema.RedisCommand]", value: "[]"))
        for (expression, condition) in commands {
            let append = SwiftStatement.expression(.call("commands.append", [SwiftArgument(nil, expression)]))
            statements.append(condition.map { .if($0, then: [append], else: nil) } ?? append)
        }
        return statements + [bind(execute("commands"))]
    }

    /// `RedisSchema.RedisCommand("NAME", arg, …)` for a command without spread arguments.
    func expression(_ command: PlannedCommand) -> SwiftExpression {
        .call(
            "RedisSchema.RedisCommand",
            [SwiftArgument(nil, .atom(SwiftNames.literal(command.name)))]
                + command.arguments.map { SwiftArgument(nil, argument($0)) })
    }

    // MARK: Reads: one command

    /// The statements that prepare the read's arguments, and `try await self.send(…)`, which evaluates to the
    /// reply; when the key is not the first argument, the setup sends it as a transaction and the reply is
    /// `replies[0]`.
    func send() -> (setup: [SwiftStatement], reply: SwiftExpression) {
        let command = operation.commands[0]
        let name = SwiftArgument(nil, .atom(SwiftNames.literal(command.name)))
        let client = SwiftArgument("on", "client")
        let keyFirst = command.arguments.first == .key
        if !Self.needsArray(command) && keyFirst {
            let arguments = command.arguments.dropFirst().map { SwiftArgument(nil, argument($0)) }
            return ([], .tryAwait(.call("self.send", [name] + arguments + [client])))
        }
        let (setup, _) = array(command, includingKey: !keyFirst, name: "arguments")
        if keyFirst {
            return (setup, .tryAwait(.call("self.send", [name, SwiftArgument("arguments", "arguments"), client])))
        }
        let transaction = SwiftExpression.call(
            "RedisSchema.RedisTransaction.execute",
            [
                SwiftArgument(
                    nil, .array([.call("RedisSchema.RedisCommand", [name, SwiftArgument("arguments", "arguments")])])),
                SwiftArgument("key", "self.key"), client,
            ])
        return (
            setup + [.binding(isMutable: false, name: "replies", type: nil, value: .tryAwait(transaction))],
            "replies[0]"
        )
    }
}
