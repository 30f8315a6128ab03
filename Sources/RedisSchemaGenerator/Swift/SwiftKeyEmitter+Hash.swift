import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A hash: `Fields` with `set`/`get` for its fixed fields (untyped pairs when it declares no fields), and
    /// labelled methods per field pattern.
    func hash() -> [SwiftDeclaration] {
        var members: [SwiftDeclaration] = []
        if plan.value.hasTypedFields {
            members += [fieldsStruct(), hashSet(fieldsType: "Fields"), hashGet()] + fixedFieldMembers()
        } else if plan.operation(.setFields) != nil {
            members += [hashSet(fieldsType: "[Swift.String: Swift.String]"), untypedHashGet()]
        }
        let patterns = plan.value.fieldPatterns
        let clashing = Set(SwiftFieldPatternMethods.clashingPatterns(plan.value))
        for (index, (pattern, type)) in patterns.enumerated() {
            let name = patterns.count == 1 ? "fieldPattern" : "fieldPattern\(index + 1)"
            members.append(
                .documented(
                    "The field names `\(pattern.source)`, with the rules of their placeholders.",
                    constant(
                        name, nil,
                        SwiftPatternRendering.declaration(pattern))))
            if !clashing.contains(index) {
                members += patternField(pattern, type: type, index: index, patternName: name)
            }
        }
        return members
    }

    private func hashSet(fieldsType: String) -> SwiftDeclaration {
        let write = operation(.setFields)
        let deletes = write.commands.count > 1 && write.commands[1].name == "HDEL"
        return method(
            "Writes every field (`HSET`\(deletes ? "; `HDEL` for optional fields that are `nil`" : ""))\(ttlClause).",
            .setFields, [SwiftParameter(label: "_", name: "fields", type: fieldsType)], .write([]))
    }

    private func readFields() -> SwiftStatement {
        .binding(isMutable: false, name: "fields", type: nil, value: readReply("fields", "reply", .getFields))
    }

    private func hashGet() -> SwiftDeclaration {
        method(
            "Every field (`HGETALL`), or `nil` when the key does not exist.\n\n- Throws: `RedisSchemaError` when a "
                + "required field is missing or a field does not hold its declared type.",
            .getFields, [], returns: "Fields?",
            .read([
                readFields(),
                .return(
                    .binary(
                        "fields.isEmpty ? nil",
                        ":",
                        .try(
                            .call("Fields", [SwiftArgument("redisFields", "fields"), SwiftArgument("key", "self.key")]))
                    )),
            ]))
    }

    private func untypedHashGet() -> SwiftDeclaration {
        method(
            "Every field (`HGETALL`) as text, or `nil` when the key does not exist; the schema declares no fields.\n\n"
                + "- Throws: `RedisSchemaError.wrongValueType` when a value is not UTF-8.",
            .getFields, [], returns: "[Swift.String: Swift.String]?",
            .read(
                [readFields(), .if("fields.isEmpty", then: [.return(.atom("nil"))], else: nil)]
                    + textFields(from: "fields", into: "text") + [.return("text")]))
    }

    private func patternField(
        _ pattern: FieldPattern, type: ValueType, index: Int, patternName: String
    ) -> [SwiftDeclaration] {
        let params = SwiftParam.make(pattern.placeholders)
        let placeholders = params.map(\.parameter)
        let render = SwiftStatement.binding(
            isMutable: false, name: "field", type: nil,
            value: SwiftPatternRendering.render(pattern: "\(qualifiedName).\(patternName)", values: params.map(\.text)))
        let shown = "`\(pattern.source)`"
        var members: [SwiftDeclaration] = [
            method(
                "The value of the field \(shown) (\(commandName(.getField(pattern: index)))), or `nil` when it is not set.",
                .getField(pattern: index), placeholders, returns: type.swiftType + "?",
                prepare: [render], .read([.return(decode(type.swiftType, "reply", field: "field"))])),
            method(
                "Sets the field \(shown) (\(commandName(.setField(pattern: index))))\(ttlClause).",
                .setField(pattern: index),
                placeholders + [SwiftParameter("value", type.swiftType)],
                prepare: [render], .write([])),
        ]
        if let increment = plan.operation(.incrementField(pattern: index)) {
            let command = increment.commands[0].name
            let amountType = type == .int ? "Swift.Int" : "Swift.Double"
            let read = readReply(
                increment.reply == .double ? "double" : "integer", "replies[0]", .incrementField(pattern: index))
            members.append(
                method(
                    "Adds `amount` to the field \(shown) (`\(command)`)\(ttlClause); returns the new value.",
                    discardableResult: true, .incrementField(pattern: index),
                    placeholders + [SwiftParameter(label: "by", name: "amount", type: amountType, default: "1")],
                    returns: amountType,
                    prepare: [render], .write([.return(increment.reply == .double ? .binary(read, "??", "0") : read)])))
        }
        members.append(
            method(
                "Removes the field \(shown) (\(commandName(.removeField(pattern: index)))); returns whether it was set.",
                discardableResult: true, .removeField(pattern: index), placeholders, returns: "Swift.Bool",
                prepare: [render], .read([.return(.binary("reply", "==", ".integer(1)"))])))
        return members
    }
}
