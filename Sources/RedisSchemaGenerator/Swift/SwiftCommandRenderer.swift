import RedisSchemaCore

/// Renders the planned commands of an ``Operation`` as Swift: `RedisSchema.RedisCommand(…)` expressions, the
/// argument arrays that spread fields need, and the transaction or `send` that carries them. Operations say
/// which commands to send; this says only how Swift spells them.
struct SwiftCommandRenderer {
    let operation: Operation
    /// The literal fields of the key's `Fields` type, for ``CommandArgument/setFields(_:)``.
    let literalFields: [(name: String, spec: FieldSpec)]

    /// A parameter's value as a command argument: integers and IDs as they are, other values encoded.
    private func parameter(_ name: String) -> String {
        switch operation.parameter(named: name)?.kind {
        case .amount?, .index?, .entryID?, .count?: return name
        default: return "\(name).redisEncoded"
        }
    }

    /// A fixed argument as a Swift expression.
    private func argument(_ argument: CommandArgument) -> String {
        switch argument {
        case .key: return "self.key"
        case .parameter(let name): return parameter(name)
        case .literal(let text): return SwiftNames.literal(text)
        case .integer(let value): return String(value)
        case .ttlSeconds(let value), .ttlMilliseconds(let value): return SwiftNames.integer(value)
        case .cap(let value): return String(value)
        case .renderedField: return "field"
        case .setFields, .unsetFields, .optionalOption:
            preconditionFailure("spread arguments have no single expression")
        }
    }

    private static func isSpread(_ argument: CommandArgument) -> Bool {
        switch argument {
        case .setFields, .unsetFields, .optionalOption: return true
        default: return false
        }
    }

    /// Whether the command needs an argument array built before it is sent.
    private static func needsArray(_ command: PlannedCommand) -> Bool {
        command.arguments.contains(where: isSpread)
    }

    /// The variable holding a command's argument array: `hset`, `xadd`.
    private static func arrayName(_ command: PlannedCommand) -> String {
        command.name.lowercased()
    }

    // MARK: Writes: one transaction

    /// Emits the operation's commands as one transaction; binds the replies to `result` when given.
    func emitTransaction(result: String?, into out: inout SwiftWriter) {
        var expressions: [String] = []
        var conditions: [String?] = []
        emitFieldSpreads(into: &out)
        for command in operation.commands {
            if Self.needsArray(command) {
                let fixed = emitArray(command, includingKey: true, into: &out)
                expressions.append(
                    "RedisSchema.RedisCommand(\(SwiftNames.literal(command.name)), arguments: \(Self.arrayName(command)))"
                )
                conditions.append(
                    command.condition == .whenSpreadIsNotEmpty ? "\(Self.arrayName(command)).count > \(fixed)" : nil)
            } else {
                expressions.append(expression(command))
                conditions.append(nil)
            }
        }
        let binding = result.map { "let \($0) =" } ?? "_ ="
        guard conditions.contains(where: { $0 != nil }) else {
            emitExecute(expressions, binding: binding, into: &out)
            return
        }
        out.line("var commands: [RedisSchema.RedisCommand] = []")
        for (expression, condition) in zip(expressions, conditions) {
            if let condition {
                out.ifElse(condition) { out in out.line("commands.append(\(expression))") }
            } else {
                out.line("commands.append(\(expression))")
            }
        }
        out.line("\(binding) try await RedisSchema.RedisTransaction.execute(commands, key: self.key, on: client)")
    }

    /// `RedisSchema.RedisCommand("NAME", arg, …)` for a command without spread arguments.
    func expression(_ command: PlannedCommand) -> String {
        let arguments = command.arguments.map(argument)
        return
            "RedisSchema.RedisCommand(\((["\(SwiftNames.literal(command.name))"] + arguments).joined(separator: ", ")))"
    }

    private func emitExecute(_ commands: [String], binding: String, into out: inout SwiftWriter) {
        let call = "\(binding) try await RedisSchema.RedisTransaction.execute([\(commands.joined(separator: ", "))], "
        if commands.count == 1 && out.fits(call + "key: self.key, on: client)") {
            out.line(call + "key: self.key, on: client)")
            return
        }
        out.line("\(binding) try await RedisSchema.RedisTransaction.execute(")
        out.line("    [")
        for command in commands { out.line("        \(command),") }
        out.line("    ], key: self.key, on: client)")
    }

    // MARK: Reads: one command

    /// `self.send("NAME", args…, on: client)`, or the transaction form when the key is not the first argument;
    /// emits the argument array first when the command has optional arguments.
    func emitSend(into out: inout SwiftWriter) -> String {
        let command = operation.commands[0]
        let keyFirst = command.arguments.first == .key
        if !Self.needsArray(command) && keyFirst {
            let arguments = command.arguments.dropFirst().map(argument)
            return
                "self.send(\(([SwiftNames.literal(command.name)] + arguments + ["on: client"]).joined(separator: ", ")))"
        }
        _ = emitArray(command, includingKey: !keyFirst, into: &out, name: "arguments")
        let name = SwiftNames.literal(command.name)
        if keyFirst { return "self.send(\(name), arguments: arguments, on: client)" }
        return "RedisSchema.RedisTransaction.execute([RedisSchema.RedisCommand(\(name), arguments: arguments)], "
            + "key: self.key, on: client)[0]"
    }

    // MARK: Argument arrays

    /// Declares the command's argument array and appends its arguments in order; returns how many fixed
    /// arguments come before the first spread (what the array holds when the spreads add nothing).
    @discardableResult
    private func emitArray(
        _ command: PlannedCommand, includingKey: Bool, into out: inout SwiftWriter, name: String? = nil
    ) -> Int {
        let array = name ?? Self.arrayName(command)
        var arguments = command.arguments
        if !includingKey, arguments.first == .key { arguments.removeFirst() }
        let head = Array(arguments.prefix { !Self.isSpread($0) })
        let rest = arguments.dropFirst(head.count)
        // Typed fields that are all required read best as one literal array.
        if case .setFields(let fields)? = rest.first, rest.count == 1, let pairs = requiredFieldPairs(fields) {
            out.line("let \(array): [any RedisSchema.RedisArgumentConvertible] = [")
            out.line("    \(head.map(argument).joined(separator: ", ")),")
            for pair in pairs { out.line("    \(pair),") }
            out.line("]")
            return head.count
        }
        if !spreadsAreEmitted(rest) {
            out.line(
                "var \(array): [any RedisSchema.RedisArgumentConvertible] = [\(head.map(argument).joined(separator: ", "))]"
            )
        }
        var fixed: [String] = []
        func appendFixed(into out: inout SwiftWriter) {
            if !fixed.isEmpty { out.line("\(array) += [\(fixed.joined(separator: ", "))]") }
            fixed = []
        }
        for argument in rest {
            switch argument {
            case .optionalOption(let option, let parameter):
                appendFixed(into: &out)
                out.ifElse("let \(parameter)") { out in
                    out.line("\(array) += [\(SwiftNames.literal(option)), \(parameter)]")
                }
            case .setFields, .unsetFields: appendFixed(into: &out)  // the values come from `emitFieldSpreads`
            default: fixed.append(self.argument(argument))
            }
        }
        appendFixed(into: &out)
        return head.count
    }

    /// Whether the arrays of these spreads are declared and filled by ``emitFieldSpreads(into:)``.
    private func spreadsAreEmitted(_ arguments: ArraySlice<CommandArgument>) -> Bool {
        guard case .setFields(let fields)? = arguments.first else {
            if case .unsetFields? = arguments.first { return true }
            return false
        }
        return requiredFieldPairs(fields) == nil
    }

    /// `"name", fields.name.redisEncoded` per field, when every field is required.
    private func requiredFieldPairs(_ fields: String) -> [String]? {
        guard operation.parameter(named: fields)?.kind == .fields,
            !literalFields.contains(where: { $0.spec.isOptional })
        else { return nil }
        return literalFields.map { name, _ in
            "\(SwiftNames.literal(name)), \(fields).\(SwiftNames.property(name)).redisEncoded"
        }
    }

    /// Declares the arrays of the commands that spread fields and fills them in one pass over the fields:
    /// values into the `setFields` array, `nil` optionals' names into the `unsetFields` array.
    private func emitFieldSpreads(into out: inout SwiftWriter) {
        var setArray: (name: String, fields: String)?
        var unsetArray: String?
        for command in operation.commands {
            for argument in command.arguments {
                switch argument {
                case .setFields(let fields) where requiredFieldPairs(fields) == nil:
                    setArray = (Self.arrayName(command), fields)
                case .unsetFields: unsetArray = Self.arrayName(command)
                default: continue
                }
                let head = command.arguments.prefix { !Self.isSpread($0) }.map(self.argument)
                out.line(
                    "var \(Self.arrayName(command)): [any RedisSchema.RedisArgumentConvertible] = "
                        + "[\(head.joined(separator: ", "))]")
            }
        }
        guard let (array, fields) = setArray else { return }
        guard operation.parameter(named: fields)?.kind == .fields else {
            out.block("for (name, value) in \(fields)") { out in out.line("\(array) += [name, value]") }
            return
        }
        for (name, spec) in literalFields {
            let property = "\(fields).\(SwiftNames.property(name))"
            let literal = SwiftNames.literal(name)
            if spec.isOptional {
                out.ifElse(
                    "let value = \(property)", { out in out.line("\(array) += [\(literal), value.redisEncoded]") },
                    else: unsetArray.map { unset in { out in out.line("\(unset).append(\(literal))") } })
            } else {
                out.line("\(array) += [\(literal), \(property).redisEncoded]")
            }
        }
    }
}
