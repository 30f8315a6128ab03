import RedisSchemaCore

/// Per-field operations on a hash's fixed fields, each named by a key path of `Fields`
/// (`session.set(\.device, to: "iOS", on: client)`), so one field changes without rewriting the others.
extension SwiftKeyEmitter {
    func fixedFieldMembers() -> [SwiftDeclaration] {
        var members = [fieldName(), getFixedField(), getFixedFields(), setFixedField()]
        for type in [ValueType.int, .float] where plan.operation(.incrementFixedField(type)) != nil {
            members.append(incrementFixedField(type))
        }
        if plan.operation(.removeFixedField) != nil { members.append(removeFixedField()) }
        return members
    }

    /// The generic parameter of a key path to one field.
    private static let fieldGeneric = "Field: RedisSchema.RedisHashFieldValue"
    private static let keyPath = SwiftParameter(label: "_", name: "keyPath", type: "Swift.KeyPath<Fields, Field>")

    /// `let field = try Type.fieldName(of: keyPath)`.
    private func resolve(_ keyPath: String = "keyPath", into name: String = "field") -> SwiftStatement {
        .binding(isMutable: false, name: name, type: nil, value: resolved(keyPath))
    }

    private func resolved(_ keyPath: String) -> SwiftExpression {
        .try(.call("\(qualifiedName).fieldName", [SwiftArgument("of", .atom(keyPath))]))
    }

    /// The one table from key paths to field names: a `switch` over the stored properties of `Fields`.
    private func fieldName() -> SwiftDeclaration {
        let cases = fields.map { field in
            (
                pattern: "\\\(qualifiedName).Fields.\(field.property)",
                body: [SwiftStatement.return(.atom(SwiftNames.literal(field.name)))]
            )
        }
        let message = "not a stored property of \(qualifiedName).Fields"
        let error = SwiftExpression.call(
            "RedisSchema.RedisSchemaError.invalidArgument",
            [
                SwiftArgument("key", .atom("\(qualifiedName).pattern")),
                SwiftArgument("message", .atom(SwiftNames.literal(message))),
            ])
        return .documented(
            "The hash field the stored property of `Fields` at `keyPath` is kept in.\n\n- Throws: "
                + "`RedisSchemaError.invalidArgument` for any other key path, such as one into a field's own properties.",
            .function(
                SwiftFunction(
                    access: access, isStatic: true, kind: .function("fieldName"),
                    parameters: [SwiftParameter(label: "of", name: "keyPath", type: "Swift.PartialKeyPath<Fields>")],
                    throwsClause: "throws(RedisSchema.RedisSchemaError)", returnType: "Swift.String",
                    body: [.switch("keyPath", cases: cases, default: [.throw(error)])])))
    }

    private func getFixedField() -> SwiftDeclaration {
        method(
            "The value of one field (\(commandName(.getFixedField))), or `nil` when it is not set: "
                + "`get(\\.\(fields[0].property), on: client)`.",
            .getFixedField, generics: [Self.fieldGeneric], [Self.keyPath], returns: "Field.Stored?",
            prepare: [resolve()],
            .read([
                .return(
                    .try(
                        .call(
                            "Field.Stored.decode",
                            [
                                SwiftArgument(nil, "reply"), SwiftArgument("key", "self.key"),
                                SwiftArgument("field", "field"),
                            ])))
            ]))
    }

    private func getFixedFields() -> SwiftDeclaration {
        let generics = ["First", "Second", "each Other"].map { "\($0): RedisSchema.RedisHashFieldValue" }
        let parameters = [
            SwiftParameter(label: "_", name: "first", type: "Swift.KeyPath<Fields, First>"),
            SwiftParameter(label: "_", name: "second", type: "Swift.KeyPath<Fields, Second>"),
            SwiftParameter(label: "_", name: "other", type: "repeat Swift.KeyPath<Fields, each Other>"),
        ]
        let values = SwiftExpression.call(
            "RedisSchema.RedisHashFieldValues",
            [
                SwiftArgument(nil, "reply"), SwiftArgument("fields", "fields"), SwiftArgument("key", "self.key"),
                SwiftArgument("command", commandLiteral(.getFixedFields)),
            ])
        return method(
            "The values of several fields in one command (\(commandName(.getFixedFields))), in the order asked, each "
                + "`nil` when it is not set.",
            .getFixedFields, generics: generics, parameters,
            returns: "(First.Stored?, Second.Stored?, repeat (each Other).Stored?)",
            prepare: [
                .binding(
                    isMutable: true, name: "names", type: nil, value: .array([resolved("first"), resolved("second")])),
                .for(
                    "keyPath", in: "repeat each other",
                    body: [.expression(.call("names.append", [SwiftArgument(nil, resolved("keyPath"))]))]),
                // The reply is read on another task: it gets the names as a constant.
                .binding(isMutable: false, name: "fields", type: nil, value: "names"),
            ],
            .read([
                .binding(isMutable: true, name: "values", type: nil, value: .try(values)),
                .return(
                    .atom(
                        "try (values.next(First.self), values.next(Second.self), repeat values.next((each Other).self))"
                    )),
            ]))
    }

    private func setFixedField() -> SwiftDeclaration {
        method(
            "Sets one field (\(commandName(.setFixedField)))\(ttlClause), leaving the others as they are.",
            .setFixedField, generics: [Self.fieldGeneric],
            [Self.keyPath, SwiftParameter(label: "to", name: "value", type: "Field.Stored")],
            prepare: [resolve()], .write([]))
    }

    private func incrementFixedField(_ type: ValueType) -> SwiftDeclaration {
        let kind = OperationKind.incrementFixedField(type)
        let amountType = type.swiftType
        let read = readReply(type == .int ? "integer" : "double", "replies[0]", kind)
        return method(
            "Adds `amount` to one \(type.rawValue) field (\(commandName(kind)))\(ttlClause); returns the new value.",
            discardableResult: true, kind, generics: [Self.fieldGeneric],
            [Self.keyPath, SwiftParameter(label: "by", name: "amount", type: amountType, default: "1")],
            returns: amountType, requirements: ["Field.Stored == \(amountType)"],
            prepare: [resolve()], .write([.return(type == .float ? .binary(read, "??", "0") : read)]))
    }

    private func removeFixedField() -> SwiftDeclaration {
        return method(
            "Removes an optional field (\(commandName(.removeFixedField))); returns whether it was set. Required "
                + "fields have no key path this accepts.",
            discardableResult: true, .removeFixedField, generics: ["Stored: RedisSchema.RedisValueCodable"],
            [SwiftParameter(label: "_", name: "keyPath", type: "Swift.KeyPath<Fields, Stored?>")],
            returns: "Swift.Bool",
            prepare: [resolve()], .read([.return(.binary("reply", "==", ".integer(1)"))]))
    }
}
