import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A hash: `Fields` with `set`/`get` for its fixed fields, and labelled methods per field pattern.
    func emitHash(into out: inout SwiftWriter) {
        if !literalFields.isEmpty {
            emitFieldsStruct(into: &out)
            emitHashSet(into: &out)
            emitHashGet(into: &out)
        }
        let patterns = fields.compactMap { field -> (FieldPattern, ValueType)? in
            guard case .pattern(let pattern) = field.name else { return nil }
            return (pattern, field.type)
        }
        for (index, (pattern, type)) in patterns.enumerated() {
            let name = patterns.count == 1 ? "fieldPattern" : "fieldPattern\(index + 1)"
            emitPatternField(pattern, type: type, patternName: name, into: &out)
        }
    }

    private func emitHashSet(into out: inout SwiftWriter) {
        let hasOptional = literalFields.contains { $0.spec.isOptional }
        out.blank()
        out.doc(
            "Writes every field (`HSET`\(hasOptional ? "; `HDEL` for optional fields that are `nil`" : ""))"
                + "\(ttlClause).")
        out.block("\(access) func set(_ fields: Fields, \(clientParameter)) async throws") { out in
            guard hasOptional else {
                let pairs = literalFields.map { name, _ in
                    "\(SwiftNames.literal(name)), fields.\(SwiftNames.property(name)).redisEncoded"
                }
                out.line("let hset: [any RedisSchema.RedisArgumentConvertible] = [")
                out.line("    self.key, \(pairs.joined(separator: ", ")),")
                out.line("]")
                emitExecute(
                    ["RedisSchema.RedisCommand(\"HSET\", arguments: hset)"] + expireCommands, result: nil, into: &out)
                return
            }
            out.line("var hset: [any RedisSchema.RedisArgumentConvertible] = [self.key]")
            out.line("var hdel: [any RedisSchema.RedisArgumentConvertible] = [self.key]")
            emitFieldArguments(from: "fields", into: "hset", deleted: "hdel", out: &out)
            out.line("var commands: [RedisSchema.RedisCommand] = []")
            out.ifElse("hset.count > 1") { out in
                out.line("commands.append(RedisSchema.RedisCommand(\"HSET\", arguments: hset))")
            }
            out.ifElse("hdel.count > 1") { out in
                out.line("commands.append(RedisSchema.RedisCommand(\"HDEL\", arguments: hdel))")
            }
            for command in expireCommands { out.line("commands.append(\(command))") }
            out.line("_ = try await RedisSchema.RedisTransaction.execute(commands, key: self.key, on: client)")
        }
    }

    private func emitHashGet(into out: inout SwiftWriter) {
        out.blank()
        out.doc(
            "Every field (`HGETALL`), or `nil` when the key does not exist.\n\n- Throws: `RedisSchemaError` when a "
                + "required field is missing or a field does not hold its declared type.")
        out.block("\(access) func get(\(clientParameter)) async throws -> Fields?") { out in
            out.line("let reply = try await self.send(\"HGETALL\", on: client)")
            out.line("let fields = try RedisSchema.RedisReply.fields(reply, key: self.key, command: \"HGETALL\")")
            out.line("return fields.isEmpty ? nil : try Fields(redisFields: fields, key: self.key)")
        }
    }

    private func emitPatternField(
        _ pattern: FieldPattern, type: ValueType, patternName: String, into out: inout SwiftWriter
    ) {
        let params = SwiftParam.make(pattern.placeholders)
        let declarations = params.map(\.declaration).joined(separator: ", ")
        let render =
            "let field = try \(qualifiedName).\(patternName).render([\(params.map(\.text).joined(separator: ", "))])"
        let shown = "`\(pattern.source)`"
        out.blank()
        out.doc("The field names \(shown), with the rules of their placeholders.")
        emitPattern("\(access) static let \(patternName)", pattern, into: &out)

        out.blank()
        out.doc("The value of the field \(shown) (`HGET`), or `nil` when it is not set.")
        out.block("\(access) func get(\(declarations), \(clientParameter)) async throws -> \(type.swiftType)?") { out in
            out.line(render)
            out.line("let reply = try await self.send(\"HGET\", field, on: client)")
            out.line("return try \(type.swiftType).decode(reply, key: self.key, field: field)")
        }

        out.blank()
        out.doc("Sets the field \(shown) (`HSET`)\(ttlClause).")
        out.block(
            "\(access) func set(\(declarations), value: \(type.swiftType), \(clientParameter)) async throws"
        ) { out in
            out.line(render)
            emitExecute(
                ["RedisSchema.RedisCommand(\"HSET\", self.key, field, value.redisEncoded)"] + expireCommands,
                result: nil, into: &out)
        }

        let increment: (command: String, type: String, reader: String)?
        switch type {
        case .int: increment = ("HINCRBY", "Swift.Int", "integer")
        case .float: increment = ("HINCRBYFLOAT", "Swift.Double", "double")
        default: increment = nil
        }
        if let increment {
            out.blank()
            out.doc("Adds `amount` to the field \(shown) (`\(increment.command)`)\(ttlClause); returns the new value.")
            out.line("@discardableResult")
            out.block(
                "\(access) func increment(\(declarations), by amount: \(increment.type) = 1, \(clientParameter)) "
                    + "async throws -> \(increment.type)"
            ) { out in
                out.line(render)
                emitExecute(
                    ["RedisSchema.RedisCommand(\"\(increment.command)\", self.key, field, amount)"] + expireCommands,
                    result: "replies", into: &out)
                let read =
                    "RedisSchema.RedisReply.\(increment.reader)(replies[0], key: self.key, command: "
                    + "\"\(increment.command)\")"
                out.line(increment.reader == "double" ? "return try \(read) ?? 0" : "return try \(read)")
            }
        }

        out.blank()
        out.doc("Removes the field \(shown) (`HDEL`); returns whether it was set.")
        out.line("@discardableResult")
        out.block("\(access) func remove(\(declarations), \(clientParameter)) async throws -> Swift.Bool") { out in
            out.line(render)
            out.line("return try await self.send(\"HDEL\", field, on: client) == .integer(1)")
        }
    }
}
