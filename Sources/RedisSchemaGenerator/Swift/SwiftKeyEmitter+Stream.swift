import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A stream: typed entries added with `XADD` (trimmed to `maxLength`), read with `XRANGE`/`XREAD`.
    func emitStream(_ stream: StreamSpec, into out: inout SwiftWriter) {
        emitFieldsStruct(into: &out)
        out.blank()
        out.doc("An entry read from the stream.")
        out.block("nonisolated \(access) struct Entry: Swift.Sendable, Swift.Hashable") { out in
            out.doc("The entry ID, e.g. `1700000000000-0`.")
            out.line("\(access) var id: Swift.String")
            out.doc("The entry's fields.")
            out.line("\(access) var fields: Fields")
            out.blank()
            out.doc("Creates an entry.")
            out.block("\(access) init(id: Swift.String, fields: Fields)") { out in
                out.line("self.id = id")
                out.line("self.fields = fields")
            }
        }

        var trim = ""
        var trimNote = ""
        if let maxLength = stream.maxLength {
            trim = "\"MAXLEN\", \"=\", \(maxLength), "
            trimNote = ", keeping the last \(maxLength) entries (`MAXLEN`)"
        }
        out.blank()
        out.doc("Appends an entry (`XADD`)\(trimNote)\(ttlClause); returns its ID.")
        out.line("@discardableResult")
        out.block("\(access) func add(_ fields: Fields, \(clientParameter)) async throws -> Swift.String") { out in
            out.line("var xadd: [any RedisSchema.RedisArgumentConvertible] = [self.key, \(trim)\"*\"]")
            emitFieldArguments(from: "fields", into: "xadd", deleted: nil, out: &out)
            emitExecute(
                ["RedisSchema.RedisCommand(\"XADD\", arguments: xadd)"] + expireCommands, result: "replies", into: &out)
            out.line(
                "return Swift.String(decoding: try RedisSchema.RedisReply.bytes(replies[0], key: self.key, "
                    + "command: \"XADD\"), as: Swift.UTF8.self)")
        }

        let decodeEntries = { (reader: String, command: String) in
            "return try RedisSchema.RedisReply.\(reader)(reply, key: self.key, command: \"\(command)\").map {\n"
                + "    Entry(id: $0.id, fields: try Fields(redisFields: $0.fields, key: self.key))\n}"
        }
        out.blank()
        out.doc("Entries with IDs from `start` through `end` (`XRANGE`), oldest first; `-` and `+` mean the ends.")
        out.block(
            "\(access) func range(from start: Swift.String = \"-\", to end: Swift.String = \"+\", "
                + "count: Swift.Int? = nil, \(clientParameter)) async throws -> [Entry]"
        ) { out in
            out.line("var arguments: [any RedisSchema.RedisArgumentConvertible] = [start, end]")
            out.ifElse("let count") { out in out.line("arguments += [\"COUNT\", count]") }
            out.line("let reply = try await self.send(\"XRANGE\", arguments: arguments, on: client)")
            out.line(decodeEntries("streamEntries", "XRANGE"))
        }
        out.blank()
        out.doc("Entries after the ID `id` (`XREAD`, without blocking); `0` reads from the start.")
        out.block(
            "\(access) func read(after id: Swift.String = \"0\", count: Swift.Int? = nil, \(clientParameter)) "
                + "async throws -> [Entry]"
        ) { out in
            out.line("var arguments: [any RedisSchema.RedisArgumentConvertible] = []")
            out.ifElse("let count") { out in out.line("arguments += [\"COUNT\", count]") }
            out.line("arguments += [\"STREAMS\", self.key, id]")
            out.line(
                "let replies = try await RedisSchema.RedisTransaction.execute([RedisSchema.RedisCommand(\"XREAD\", "
                    + "arguments: arguments)], key: self.key, on: client)")
            out.line("let reply = replies[0]")
            out.line(decodeEntries("streamReadEntries", "XREAD"))
        }
        emitLength("XLEN", into: &out)
    }
}
