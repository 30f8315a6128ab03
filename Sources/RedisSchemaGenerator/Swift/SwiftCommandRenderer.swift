import RedisSchemaCore

/// Renders the planned commands of an ``Operation`` as Swift statements: `RedisSchema.RedisCommand(…)`
/// expressions and the argument arrays that spread fields need, for the `RedisOperation` that carries them.
/// Operations say which commands to send; this says only how Swift spells them.
struct SwiftCommandRenderer {
    let operation: Operation
    /// The literal fields of the key's `Fields` type, for ``CommandArgument/setFields(_:)``.
    let literalFields: [SwiftField]

    static let argumentArrayType = "[any RedisSchema.RedisArgumentConvertible]"

    /// A parameter's value as a command argument: integers, IDs, names and the runtime's argument enums as
    /// they are, another list key as its key, a list timeout as the `<name>Seconds` text the builder computed
    /// from it (see `SwiftKeyEmitter.timeoutSeconds`), stream durations in checked milliseconds (which throws
    /// before anything is sent), other values encoded.
    func parameter(_ name: String) -> String {
        switch operation.parameter(named: name)?.kind {
        case .amount?, .index?, .entryID?, .count?, .setCondition?, .listEnd?, .groupName?, .consumerName?, .offset?,
            .cursor?:
            return name
        case .listKey?: return "\(name).key"
        case .timeoutSeconds?: return "\(name)Seconds"
        case .blockTimeout?: return "try RedisSchema.RedisBlockingTimeout.milliseconds(\(name), key: self.key)"
        case .minIdleTime?: return "try RedisSchema.RedisStreamArguments.idleMilliseconds(\(name), key: self.key)"
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
        case .setFields, .unsetFields, .optionalOption, .fieldNames, .each, .optionalParameter, .scoredPairs, .reverse,
            .scoreBounds, .limit:
            preconditionFailure("spread arguments have no single expression")
        }
    }

    static func isSpread(_ argument: CommandArgument) -> Bool {
        switch argument {
        case .setFields, .unsetFields, .optionalOption, .fieldNames, .each, .optionalParameter, .scoredPairs, .reverse,
            .scoreBounds, .limit:
            return true
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

    /// The statements that build the write's commands, and the expression of the commands, which go through
    /// the type-guard script as one write (`RedisOperation(key:guarding:commands:)`).
    func writeCommands() -> (setup: [SwiftStatement], commands: SwiftExpression) {
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
        guard commands.contains(where: { $0.condition != nil }) else {
            let list = commands.map(\.expression)
            return (statements, list.count == 1 ? .array(list) : .verticalArray(list))
        }
        statements.append(.binding(isMutable: true, name: "commands", type: "[RedisSchema.RedisCommand]", value: "[]"))
        for (expression, condition) in commands {
            let append = SwiftStatement.expression(.call("commands.append", [SwiftArgument(nil, expression)]))
            statements.append(condition.map { .if($0, then: [append], else: nil) } ?? append)
        }
        return (statements, "commands")
    }

    /// `RedisSchema.RedisCommand("NAME", arg, …)` for a command without spread arguments.
    func expression(_ command: PlannedCommand) -> SwiftExpression {
        .call(
            "RedisSchema.RedisCommand",
            [SwiftArgument(nil, .atom(SwiftNames.literal(command.name)))]
                + command.arguments.map { SwiftArgument(nil, argument($0)) })
    }

    // MARK: Reads: one command

    /// The statements that prepare the read's arguments, and the `RedisSchema.RedisCommand` it sends as it is.
    func readCommand() -> (setup: [SwiftStatement], command: SwiftExpression) {
        let command = operation.commands[0]
        guard Self.needsArray(command) else { return ([], expression(command)) }
        let (setup, _) = array(command, includingKey: true, name: "arguments")
        let name = SwiftArgument(nil, .atom(SwiftNames.literal(command.name)))
        return (setup, .call("RedisSchema.RedisCommand", [name, SwiftArgument("arguments", "arguments")]))
    }
}
