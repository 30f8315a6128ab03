import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A stream: entries added with `XADD` (trimmed to its cap), read with `XRANGE`/`XREAD`; typed `Fields`
    /// when the schema declares fixed fields, name-value pairs otherwise.
    func emitStream(into out: inout SwiftWriter) {
        let typed = plan.value.hasTypedFields
        let fieldsType = typed ? "Fields" : "[Swift.String: Swift.String]"
        if typed { emitFieldsStruct(into: &out) }
        out.blank()
        out.doc("An entry read from the stream.")
        out.block("nonisolated \(access) struct Entry: Swift.Sendable, Swift.Hashable") { out in
            out.doc("The entry ID, e.g. `1700000000000-0`.")
            out.line("\(access) var id: Swift.String")
            out.doc("The entry's fields.")
            out.line("\(access) var fields: \(fieldsType)")
            out.blank()
            out.doc("Creates an entry.")
            out.block("\(access) init(id: Swift.String, fields: \(fieldsType))") { out in
                out.line("self.id = id")
                out.line("self.fields = fields")
            }
        }

        let trimNote = plan.cap.maxLength.map { ", keeping the last \($0) entries (`MAXLEN =`)" } ?? ""
        out.blank()
        out.doc("Appends an entry (\(commandName(.addEntry)))\(trimNote)\(ttlClause); returns its ID.")
        out.line("@discardableResult")
        let parameter = typed ? "Fields" : Self.untypedFieldsType
        out.block(signature("func add(_ fields: \(parameter), \(clientParameter))", "async throws -> Swift.String")) {
            out in
            commands(.addEntry).emitTransaction(result: "replies", into: &out)
            out.line("let id = try RedisSchema.RedisReply.bytes(replies[0], key: self.key, command: \"XADD\")")
            out.line("return Swift.String(decoding: id, as: Swift.UTF8.self)")
        }

        out.blank()
        out.doc("Entries with IDs from `start` through `end` (`XRANGE`), oldest first; `-` and `+` mean the ends.")
        out.block(
            "\(access) func range(from start: Swift.String = \"-\", to end: Swift.String = \"+\", "
                + "count: Swift.Int? = nil, \(clientParameter)) async throws -> [Entry]"
        ) { out in
            out.line("let reply = try await \(commands(.rangeEntries).emitSend(into: &out))")
            emitDecodeEntries(reader: "streamEntries", command: "XRANGE", typed: typed, into: &out)
        }
        out.blank()
        out.doc("Entries after the ID `id` (`XREAD`, without blocking); `0` reads from the start.")
        out.block(
            "\(access) func read(after id: Swift.String = \"0\", count: Swift.Int? = nil, \(clientParameter)) "
                + "async throws -> [Entry]"
        ) { out in
            out.line("let reply = try await \(commands(.readEntries).emitSend(into: &out))")
            emitDecodeEntries(reader: "streamReadEntries", command: "XREAD", typed: typed, into: &out)
        }
        emitLength(into: &out)
    }

    private func emitDecodeEntries(reader: String, command: String, typed: Bool, into out: inout SwiftWriter) {
        out.block("return try RedisSchema.RedisReply.\(reader)(reply, key: self.key, command: \"\(command)\").map") {
            out in
            if typed {
                out.line("Entry(id: $0.id, fields: try Fields(redisFields: $0.fields, key: self.key))")
                return
            }
            out.line("var fields: [Swift.String: Swift.String] = [:]")
            out.block("for (name, bytes) in $0.fields") { out in
                out.line("fields[name] = try Swift.String.decode(bytes: bytes, key: self.key, field: name)")
            }
            out.line("return Entry(id: $0.id, fields: fields)")
        }
    }
}
