import RedisSchemaCore

/// The argument arrays of commands with spread or optional arguments.
extension SwiftCommandRenderer {
    /// Declares the command's argument array and appends its arguments in order; returns the statements and how
    /// many fixed arguments come before the first spread (what the array holds when the spreads add nothing).
    func array(
        _ command: PlannedCommand, includingKey: Bool, name: String? = nil
    ) -> (statements: [SwiftStatement], fixed: Int) {
        let array = name ?? Self.arrayName(command)
        var arguments = command.arguments
        if !includingKey, arguments.first == .key { arguments.removeFirst() }
        let head = Array(arguments.prefix { !Self.isSpread($0) })
        let rest = arguments.dropFirst(head.count)
        // Typed fields that are all required read best as one literal array, a field per line.
        if case .setFields(let fields)? = rest.first, rest.count == 1, let pairs = requiredFieldPairs(fields) {
            let value = SwiftExpression.array(rows: [head.map(argument)] + pairs)
            return ([.binding(isMutable: false, name: array, type: Self.argumentArrayType, value: value)], head.count)
        }
        // Field names alone (`HMGET`) are the array itself: `[Swift.String]` converts to it as it is.
        if case .fieldNames(let names)? = rest.first, rest.count == 1, head.isEmpty {
            return ([.binding(isMutable: false, name: array, type: Self.argumentArrayType, value: .atom(names))], 0)
        }
        var statements: [SwiftStatement] = []
        if !spreadsAreDeclared(rest) {
            statements.append(
                .binding(isMutable: true, name: array, type: Self.argumentArrayType, value: .array(head.map(argument))))
        }
        var fixed: [SwiftExpression] = []
        func appendFixed() {
            if !fixed.isEmpty { statements.append(.assignment(array, operator: "+=", .array(rows: [fixed]))) }
            fixed = []
        }
        for argument in rest {
            switch argument {
            case .optionalOption(let option, let parameter):
                appendFixed()
                statements.append(
                    .if(
                        "let \(parameter)",
                        then: [
                            .assignment(
                                array, operator: "+=",
                                .array(rows: [[.atom(SwiftNames.literal(option)), .atom(self.parameter(parameter))]]))
                        ],
                        else: nil))
            case .setFields, .unsetFields: appendFixed()  // the values come from `fieldSpreads()`
            case .each(let list):
                appendFixed()
                // Entry IDs are sent as they are; values and members as the schema encodes them.
                let element = operation.parameter(named: list)?.kind == .entryIDs ? "element" : "element.redisEncoded"
                statements.append(
                    .for(
                        "element", in: .atom(list),
                        body: [.expression(.call("\(array).append", [SwiftArgument(nil, .atom(element))]))]))
            case .scoredPairs, .reverse, .scoreBounds, .limit:
                appendFixed()
                statements += memberSpread(argument, into: array)
            case .fieldNames(let names):
                appendFixed()
                statements.append(
                    .for("name", in: .atom(names), body: [.expression(.call("\(array).append", ["name"]))]))
            case .optionalParameter(let parameter):
                appendFixed()
                statements.append(
                    .if(
                        "let \(parameter)",
                        then: [
                            .expression(
                                .call("\(array).append", [SwiftArgument(nil, .atom(self.parameter(parameter)))]))
                        ],
                        else: nil))
            default: fixed.append(self.argument(argument))
            }
        }
        appendFixed()
        return (statements, head.count)
    }

    /// Whether the arrays of these spreads are declared and filled by ``fieldSpreads()``.
    private func spreadsAreDeclared(_ arguments: ArraySlice<CommandArgument>) -> Bool {
        switch arguments.first {
        case .setFields(let fields)?: return requiredFieldPairs(fields) == nil
        case .unsetFields?: return true
        default: return false
        }
    }

    /// `"name", fields.name.redisEncoded` per field, when every field is required.
    private func requiredFieldPairs(_ fields: String) -> [[SwiftExpression]]? {
        guard operation.parameter(named: fields)?.kind == .fields,
            !literalFields.contains(where: { $0.spec.isOptional })
        else { return nil }
        return literalFields.map { field in
            [.atom(SwiftNames.literal(field.name)), .atom("\(fields).\(field.property).redisEncoded")]
        }
    }

    /// Declares the arrays of the commands that spread fields and fills them in one pass over the fields:
    /// values into the `setFields` array, `nil` optionals' names into the `unsetFields` array.
    func fieldSpreads() -> [SwiftStatement] {
        var statements: [SwiftStatement] = []
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
                statements.append(
                    .binding(
                        isMutable: true, name: Self.arrayName(command), type: Self.argumentArrayType,
                        value: .array(head)))
            }
        }
        guard let (array, fields) = setArray else { return statements }
        guard operation.parameter(named: fields)?.kind == .fields else {
            let append = SwiftStatement.assignment(array, operator: "+=", .array(rows: [["name", "value"]]))
            return statements + [.for("(name, value)", in: .atom(fields), body: [append])]
        }
        for field in literalFields {
            let property = "\(fields).\(field.property)"
            let literal = SwiftExpression.atom(SwiftNames.literal(field.name))
            if field.spec.isOptional {
                let set = SwiftStatement.assignment(
                    array, operator: "+=", .array(rows: [[literal, "value.redisEncoded"]]))
                let unset = unsetArray.map {
                    [SwiftStatement.expression(.call("\($0).append", [SwiftArgument(nil, literal)]))]
                }
                statements.append(.if("let value = \(property)", then: [set], else: unset))
            } else {
                statements.append(
                    .assignment(array, operator: "+=", .array(rows: [[literal, .atom("\(property).redisEncoded")]])))
            }
        }
        return statements
    }

    /// The statements that append a set or sorted-set spread to `array`: members, scored pairs, `REV`, score
    /// bounds, `LIMIT`.
    private func memberSpread(_ argument: CommandArgument, into array: String) -> [SwiftStatement] {
        let append = { (value: SwiftExpression) in
            SwiftStatement.expression(.call("\(array).append", [SwiftArgument(nil, value)]))
        }
        switch argument {
        case .scoredPairs(let members):
            return [
                .for(
                    "(member, score)", in: .atom(members),
                    body: [
                        .assignment(
                            array, operator: "+=", .array(rows: [["score.redisEncoded", "member.redisEncoded"]]))
                    ])
            ]
        case .reverse(let order):
            return [.if("\(order) == .descending", then: [append(.atom(SwiftNames.literal("REV")))], else: nil)]
        case .scoreBounds(let min, let max, let order):
            return [
                .assignment(
                    array, operator: "+=",
                    .call(
                        "RedisSchema.RedisScoreBounds.arguments",
                        [
                            SwiftArgument("min", .atom(min)), SwiftArgument("max", .atom(max)),
                            SwiftArgument("order", .atom(order)),
                        ]))
            ]
        case .limit(let offset, let count):
            return [
                // Redis needs both; -1 counts all the rest, for an offset without a count.
                .if(
                    "\(offset) != 0 || \(count) != nil",
                    then: [
                        .assignment(
                            array, operator: "+=",
                            .array(rows: [[.atom(SwiftNames.literal("LIMIT")), .atom(offset), .atom("\(count) ?? -1")]])
                        )
                    ],
                    else: nil)
            ]
        default: return []
        }
    }
}
