import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A list: pushes at either end, trimmed to its cap in the same transaction; pops; reads.
    func emitList(element: ValueType, into out: inout SwiftWriter) {
        let type = element.swiftType
        for (kind, name, end) in [
            (OperationKind.push, "push", "at the head, so the list reads newest first"),
            (.append, "append", "at the tail"),
        ] {
            let write = operation(kind)
            var trimNote = ""
            var returns = "the new length"
            if let maxLength = plan.cap.maxLength {
                trimNote = ", keeps the \(maxLength) \(kind == .push ? "first" : "last") elements (`LTRIM`)"
                returns = "the length before trimming"
            }
            out.blank()
            out.doc("Adds `element` \(end) (\(commandName(kind)))\(trimNote)\(ttlClause); returns \(returns).")
            out.line("@discardableResult")
            out.block("\(access) func \(name)(_ element: \(type), \(clientParameter)) async throws -> Swift.Int") {
                out in
                commands(kind).emitTransaction(result: "replies", into: &out)
                out.line(
                    "return try RedisSchema.RedisReply.integer(replies[0], key: self.key, command: "
                        + "\(SwiftNames.literal(write.commands[0].name)))")
            }
        }
        for (kind, name, end) in [(OperationKind.popFirst, "popFirst", "head"), (.popLast, "popLast", "tail")] {
            out.blank()
            out.doc(
                "Removes and returns the element at the \(end) (\(commandName(kind))), or `nil` when the list is empty."
            )
            out.block("\(access) func \(name)(\(clientParameter)) async throws -> \(type)?") { out in
                out.line("let reply = try await \(commands(kind).emitSend(into: &out))")
                out.line("return try \(type).decode(reply, key: self.key)")
            }
        }
        out.blank()
        out.doc("The elements from `start` through `stop` (`LRANGE`); negative indices count from the tail.")
        out.block(
            "\(access) func range(from start: Swift.Int = 0, through stop: Swift.Int = -1, \(clientParameter)) "
                + "async throws -> [\(type)]"
        ) { out in
            out.line("let reply = try await \(commands(.range).emitSend(into: &out))")
            emitDecodeArray(of: type, command: "LRANGE", into: &out)
        }
        emitLength(into: &out)
    }

    /// `return` the array reply decoded as `type`, one element per line.
    func emitDecodeArray(of type: String, command: String, into out: inout SwiftWriter) {
        let name = SwiftNames.literal(command)
        out.block("return try RedisSchema.RedisReply.array(reply, key: self.key, command: \(name)).map") { out in
            out.line("try \(type).decode(")
            out.line("    bytes: RedisSchema.RedisReply.bytes($0, key: self.key, command: \(name)), key: self.key)")
        }
    }

    /// `length(on:)`: `LLEN`, `SCARD`, `ZCARD` or `XLEN`, as planned.
    func emitLength(into out: inout SwiftWriter) {
        let command = SwiftNames.literal(operation(.length).commands[0].name)
        let things = plan.redisType == .stream ? "entries" : plan.redisType == .list ? "elements" : "members"
        out.blank()
        out.doc("The number of \(things) (\(commandName(.length))); 0 when the key does not exist.")
        out.block("\(access) func length(\(clientParameter)) async throws -> Swift.Int") { out in
            out.line("let reply = try await \(commands(.length).emitSend(into: &out))")
            out.line("return try RedisSchema.RedisReply.integer(reply, key: self.key, command: \(command))")
        }
    }
}
