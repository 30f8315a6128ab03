import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A string key: a counter that only increments, or a typed value set with its TTL in one `SET`.
    func emitString(_ value: StringValue, into out: inout SwiftWriter) {
        guard case .scalar(let type) = value else {
            emitCounter(into: &out)
            return
        }
        out.blank()
        out.doc(
            "Stores `value` (`SET`)\(key.ttl == .none ? "" : " with its TTL (\(key.ttlText)) in the same command").")
        out.block("\(access) func set(_ value: \(type.swiftType), \(clientParameter)) async throws") { out in
            var arguments = ["self.key", "value.redisEncoded"]
            switch key.ttl {
            case .none: break
            case .milliseconds(let ms) where ms % 1000 == 0: arguments += ["\"EX\"", SwiftNames.integer(ms / 1000)]
            case .milliseconds(let ms): arguments += ["\"PX\"", SwiftNames.integer(ms)]
            }
            emitExecute(
                ["RedisSchema.RedisCommand(\"SET\", \(arguments.joined(separator: ", ")))"], result: nil, into: &out)
        }
        out.blank()
        out.doc("The value (`GET`), or `nil` when the key does not exist.")
        out.block("\(access) func get(\(clientParameter)) async throws -> \(type.swiftType)?") { out in
            out.line("let reply = try await self.send(\"GET\", on: client)")
            out.line("return try \(type.swiftType).decode(reply, key: self.key)")
        }
    }

    private func emitCounter(into out: inout SwiftWriter) {
        out.blank()
        out.doc(
            "Adds `amount` (`INCRBY`)\(ttlClause); returns the new count.\n\n"
                + "- Throws: `RedisSchemaError.invalidArgument` for a negative amount: this counter only increments.")
        out.line("@discardableResult")
        out.block("\(access) func increment(by amount: Swift.Int = 1, \(clientParameter)) async throws -> Swift.Int") {
            out in
            out.block("guard amount >= 0 else") { out in
                out.line(
                    "throw RedisSchema.RedisSchemaError.invalidArgument(key: self.key, message: \"`\\(amount)` is negative, "
                        + "but this counter only increments\")")
            }
            emitExecute(
                ["RedisSchema.RedisCommand(\"INCRBY\", self.key, amount)"] + expireCommands, result: "replies",
                into: &out)
            out.line("return try RedisSchema.RedisReply.integer(replies[0], key: self.key, command: \"INCRBY\")")
        }
        out.blank()
        out.doc("The count (`GET`); 0 when the key does not exist.")
        out.block("\(access) func get(\(clientParameter)) async throws -> Swift.Int") { out in
            out.line("let reply = try await self.send(\"GET\", on: client)")
            out.line("return try Swift.Int.decode(reply, key: self.key) ?? 0")
        }
    }
}
