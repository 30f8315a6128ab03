import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A string key holding a typed value, set with its TTL in one `SET`.
    func emitString(_ type: ValueType, into out: inout SwiftWriter) {
        out.blank()
        out.doc(
            "Stores `value` (`SET`)\(plan.ttl == .none ? "" : " with its TTL (\(plan.ttlText)) in the same command").")
        out.block("\(access) func set(_ value: \(type.swiftType), \(clientParameter)) async throws") { out in
            commands(.set).emitTransaction(result: nil, into: &out)
        }
        out.blank()
        out.doc("The value (`GET`), or `nil` when the key does not exist.")
        out.block("\(access) func get(\(clientParameter)) async throws -> \(type.swiftType)?") { out in
            out.line("let reply = try await \(commands(.get).emitSend(into: &out))")
            out.line("return try \(type.swiftType).decode(reply, key: self.key)")
        }
    }

    /// A counter: `INCRBY` only with non-negative amounts, so it only ever increments.
    func emitCounter(into out: inout SwiftWriter) {
        out.blank()
        out.doc(
            "Adds `amount` (\(commandName(.increment)))\(ttlClause); returns the new count.\n\n"
                + "- Throws: `RedisSchemaError.invalidArgument` for a negative amount: this counter only increments.")
        out.line("@discardableResult")
        out.block("\(access) func increment(by amount: Swift.Int = 1, \(clientParameter)) async throws -> Swift.Int") {
            out in
            out.block("guard amount >= 0 else") { out in
                out.line("throw RedisSchema.RedisSchemaError.invalidArgument(")
                out.line("    key: self.key, message: \"`\\(amount)` is negative, but this counter only increments\")")
            }
            commands(.increment).emitTransaction(result: "replies", into: &out)
            out.line(
                "return try RedisSchema.RedisReply.integer(replies[0], key: self.key, command: "
                    + "\(SwiftNames.literal(operation(.increment).commands[0].name)))")
        }
        out.blank()
        out.doc("The count (`GET`); 0 when the key does not exist.")
        out.block("\(access) func get(\(clientParameter)) async throws -> Swift.Int") { out in
            out.line("let reply = try await \(commands(.get).emitSend(into: &out))")
            out.line("return try Swift.Int.decode(reply, key: self.key) ?? 0")
        }
    }
}
