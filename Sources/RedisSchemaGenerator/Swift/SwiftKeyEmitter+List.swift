import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A list: pushes at either end, trimmed to `maxLength` in the same transaction; pops; reads.
    func emitList(_ list: ListSpec, into out: inout SwiftWriter) {
        let type = list.element.swiftType
        let ends: [(name: String, command: String, trim: (Int) -> String, doc: String)] = [
            ("push", "LPUSH", { "0, \($0 - 1)" }, "at the head, so the list reads newest first"),
            ("append", "RPUSH", { "-\($0), -1" }, "at the tail"),
        ]
        for end in ends {
            var commands = ["RedisSchema.RedisCommand(\"\(end.command)\", self.key, element.redisEncoded)"]
            var trimNote = ""
            var returns = "the new length"
            if let maxLength = list.maxLength {
                commands.append("RedisSchema.RedisCommand(\"LTRIM\", self.key, \(end.trim(maxLength)))")
                trimNote = ", keeps the \(maxLength) \(end.name == "push" ? "first" : "last") elements (`LTRIM`)"
                returns = "the length before trimming"
            }
            out.blank()
            out.doc("Adds `element` \(end.doc) (`\(end.command)`)\(trimNote)\(ttlClause); returns \(returns).")
            out.line("@discardableResult")
            out.block("\(access) func \(end.name)(_ element: \(type), \(clientParameter)) async throws -> Swift.Int") {
                out in
                emitExecute(commands + expireCommands, result: "replies", into: &out)
                out.line(
                    "return try RedisSchema.RedisReply.integer(replies[0], key: self.key, command: \"\(end.command)\")")
            }
        }
        for (name, command, end) in [("popFirst", "LPOP", "head"), ("popLast", "RPOP", "tail")] {
            out.blank()
            out.doc("Removes and returns the element at the \(end) (`\(command)`), or `nil` when the list is empty.")
            out.block("\(access) func \(name)(\(clientParameter)) async throws -> \(type)?") { out in
                out.line("let reply = try await self.send(\"\(command)\", on: client)")
                out.line("return try \(type).decode(reply, key: self.key)")
            }
        }
        out.blank()
        out.doc("The elements from `start` through `stop` (`LRANGE`); negative indices count from the tail.")
        out.block(
            "\(access) func range(from start: Swift.Int = 0, through stop: Swift.Int = -1, \(clientParameter)) "
                + "async throws -> [\(type)]"
        ) { out in
            out.line("let reply = try await self.send(\"LRANGE\", start, stop, on: client)")
            out.block("return try RedisSchema.RedisReply.array(reply, key: self.key, command: \"LRANGE\").map") { out in
                out.line(
                    "try \(type).decode(bytes: RedisSchema.RedisReply.bytes($0, key: self.key, command: \"LRANGE\"), key: self.key)"
                )
            }
        }
        emitLength("LLEN", into: &out)
    }

    /// `length(on:)` with the given command (`LLEN`, `SCARD`, `ZCARD`, `XLEN`).
    func emitLength(_ command: String, into out: inout SwiftWriter) {
        out.blank()
        out.doc(
            "The number of \(key.type == .stream ? "entries" : key.type == .list ? "elements" : "members") (`\(command)`); 0 when the key does not exist."
        )
        out.block("\(access) func length(\(clientParameter)) async throws -> Swift.Int") { out in
            out.line("let reply = try await self.send(\"\(command)\", on: client)")
            out.line("return try RedisSchema.RedisReply.integer(reply, key: self.key, command: \"\(command)\")")
        }
    }
}
