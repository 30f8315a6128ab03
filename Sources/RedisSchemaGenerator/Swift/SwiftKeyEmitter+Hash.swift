import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A hash: `Fields` with `set`/`get` for its fixed fields (untyped pairs when it declares no fields), and
    /// labelled methods per field pattern.
    func emitHash(into out: inout SwiftWriter) {
        if plan.value.hasTypedFields {
            emitFieldsStruct(into: &out)
            emitHashSet(fieldsType: "Fields", into: &out)
            emitHashGet(into: &out)
        } else if plan.operation(.setFields) != nil {
            emitHashSet(fieldsType: "[Swift.String: Swift.String]", into: &out)
            emitUntypedHashGet(into: &out)
        }
        let patterns = plan.value.fieldPatterns
        let clashing = Set(SwiftFieldPatternMethods.clashingPatterns(plan.value))
        for (index, (pattern, type)) in patterns.enumerated() {
            let name = patterns.count == 1 ? "fieldPattern" : "fieldPattern\(index + 1)"
            out.blank()
            out.doc("The field names `\(pattern.source)`, with the rules of their placeholders.")
            SwiftPatternRendering.emitDeclaration(
                "\(access) static let \(name)", source: pattern.source, separator: nil, parts: pattern.parts,
                placeholders: pattern.placeholders, into: &out)
            if !clashing.contains(index) {
                emitPatternField(pattern, type: type, index: index, patternName: name, into: &out)
            }
        }
    }

    private func emitHashSet(fieldsType: String, into out: inout SwiftWriter) {
        let write = operation(.setFields)
        let deletes = write.commands.count > 1 && write.commands[1].name == "HDEL"
        out.blank()
        out.doc(
            "Writes every field (`HSET`\(deletes ? "; `HDEL` for optional fields that are `nil`" : ""))"
                + "\(ttlClause).")
        out.block("\(access) func set(_ fields: \(fieldsType), \(clientParameter)) async throws") { out in
            commands(.setFields).emitTransaction(result: nil, into: &out)
        }
    }

    private func emitHashGet(into out: inout SwiftWriter) {
        out.blank()
        out.doc(
            "Every field (`HGETALL`), or `nil` when the key does not exist.\n\n- Throws: `RedisSchemaError` when a "
                + "required field is missing or a field does not hold its declared type.")
        out.block("\(access) func get(\(clientParameter)) async throws -> Fields?") { out in
            out.line("let reply = try await \(commands(.getFields).emitSend(into: &out))")
            out.line("let fields = try RedisSchema.RedisReply.fields(reply, key: self.key, command: \"HGETALL\")")
            out.line("return fields.isEmpty ? nil : try Fields(redisFields: fields, key: self.key)")
        }
    }

    private func emitUntypedHashGet(into out: inout SwiftWriter) {
        out.blank()
        out.doc(
            "Every field (`HGETALL`) as text, or `nil` when the key does not exist; the schema declares no fields.\n\n"
                + "- Throws: `RedisSchemaError.wrongValueType` when a value is not UTF-8.")
        out.block("\(access) func get(\(clientParameter)) async throws -> [Swift.String: Swift.String]?") { out in
            out.line("let reply = try await \(commands(.getFields).emitSend(into: &out))")
            out.line("let fields = try RedisSchema.RedisReply.fields(reply, key: self.key, command: \"HGETALL\")")
            out.line("if fields.isEmpty { return nil }")
            out.line("var text: [Swift.String: Swift.String] = [:]")
            out.block("for (name, bytes) in fields") { out in
                out.line("text[name] = try Swift.String.decode(bytes: bytes, key: self.key, field: name)")
            }
            out.line("return text")
        }
    }

    private func emitPatternField(
        _ pattern: FieldPattern, type: ValueType, index: Int, patternName: String, into out: inout SwiftWriter
    ) {
        let params = SwiftParam.make(pattern.placeholders)
        let declarations = params.map(\.declaration).joined(separator: ", ")
        let render =
            "let field = "
            + SwiftPatternRendering.renderExpression(
                pattern: "\(qualifiedName).\(patternName)", values: params.map(\.text))
        let shown = "`\(pattern.source)`"
        out.blank()
        out.doc(
            "The value of the field \(shown) (\(commandName(.getField(pattern: index)))), or `nil` when it is not set.")
        out.block(signature("func get(\(declarations), \(clientParameter))", "async throws -> \(type.swiftType)?")) {
            out in
            out.line(render)
            out.line("let reply = try await \(commands(.getField(pattern: index)).emitSend(into: &out))")
            out.line("return try \(type.swiftType).decode(reply, key: self.key, field: field)")
        }

        out.blank()
        out.doc("Sets the field \(shown) (\(commandName(.setField(pattern: index))))\(ttlClause).")
        out.block(
            signature("func set(\(declarations), value: \(type.swiftType), \(clientParameter))", "async throws")
        ) { out in
            out.line(render)
            commands(.setField(pattern: index)).emitTransaction(result: nil, into: &out)
        }

        if let increment = plan.operation(.incrementField(pattern: index)) {
            let command = increment.commands[0].name
            let amountType = type == .int ? "Swift.Int" : "Swift.Double"
            out.blank()
            out.doc("Adds `amount` to the field \(shown) (`\(command)`)\(ttlClause); returns the new value.")
            out.line("@discardableResult")
            out.block(
                signature(
                    "func increment(\(declarations), by amount: \(amountType) = 1, \(clientParameter))",
                    "async throws -> \(amountType)")
            ) { out in
                out.line(render)
                commands(.incrementField(pattern: index)).emitTransaction(result: "replies", into: &out)
                let read =
                    "RedisSchema.RedisReply.\(increment.reply == .double ? "double" : "integer")(replies[0], "
                    + "key: self.key, command: \(SwiftNames.literal(command)))"
                out.line(increment.reply == .double ? "return try \(read) ?? 0" : "return try \(read)")
            }
        }

        out.blank()
        out.doc(
            "Removes the field \(shown) (\(commandName(.removeField(pattern: index)))); returns whether it was set.")
        out.line("@discardableResult")
        out.block(signature("func remove(\(declarations), \(clientParameter))", "async throws -> Swift.Bool")) {
            out in
            out.line(render)
            out.line("return try await \(commands(.removeField(pattern: index)).emitSend(into: &out)) == .integer(1)")
        }
    }
}
