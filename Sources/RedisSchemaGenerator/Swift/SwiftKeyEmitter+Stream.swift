import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A stream: entries added with `XADD` (trimmed to its cap), read with `XRANGE`/`XREAD` and through consumer
    /// groups; typed `Fields` when the schema declares fixed fields, name-value pairs otherwise.
    func stream() -> [SwiftDeclaration] {
        let typed = plan.value.hasTypedFields
        let fieldsType = typed ? "Fields" : "[Swift.String: Swift.String]"
        var members: [SwiftDeclaration] = typed ? [fieldsStruct()] : []
        members.append(
            .documented(
                "An entry read from the stream.",
                .type(
                    SwiftTypeDeclaration(
                        kind: .struct, access: access, name: "Entry",
                        conformances: ["Swift.Sendable", "Swift.Hashable", "Swift.Codable"],
                        members: [
                            .group([
                                .documented(
                                    "The entry ID, e.g. `1700000000000-0`.",
                                    .property(
                                        SwiftProperty(access: access, isMutable: true, name: "id", type: "Swift.String")
                                    )),
                                .documented(
                                    "The entry's fields.",
                                    .property(
                                        SwiftProperty(access: access, isMutable: true, name: "fields", type: fieldsType)
                                    )),
                            ]),
                            .documented(
                                "Creates an entry.",
                                .function(
                                    SwiftFunction(
                                        access: access, kind: .initializer,
                                        parameters: [
                                            SwiftParameter("id", "Swift.String"), SwiftParameter("fields", fieldsType),
                                        ],
                                        body: [.assignment("self.id", "id"), .assignment("self.fields", "fields")]))),
                        ]))))

        let trimNote: String
        switch plan.cap {
        case .streamMaxLength(let maxLength, .exact): trimNote = ", keeping the last \(maxLength) entries (`MAXLEN =`)"
        case .streamMaxLength(let maxLength, .approximate):
            trimNote = ", keeping roughly the last \(maxLength) entries (`MAXLEN ~`)"
        case .none, .listTrim: trimNote = ""
        }
        let id = SwiftExpression.call(
            "Swift.String",
            [
                SwiftArgument("decoding", readReply("bytes", "replies[0]", .addEntry)),
                SwiftArgument("as", "Swift.UTF8.self"),
            ])
        let count = SwiftParameter("count", "Swift.Int?", default: "nil")
        members += [
            method(
                "Appends an entry (\(commandName(.addEntry)))\(trimNote)\(ttlClause); returns its ID.",
                discardableResult: true, .addEntry,
                [SwiftParameter(label: "_", name: "fields", type: typed ? "Fields" : Self.untypedFieldsType)],
                returns: "Swift.String", .write([.return(id)])),
            method(
                "Entries with IDs from `start` through `end` (`XRANGE`), oldest first; `-` and `+` mean the ends.",
                .rangeEntries,
                [
                    SwiftParameter(label: "from", name: "start", type: "Swift.String", default: "\"-\""),
                    SwiftParameter(label: "to", name: "end", type: "Swift.String", default: "\"+\""), count,
                ],
                returns: "[Entry]",
                .read([.return(entries("streamEntries", .rangeEntries, typed: typed))])),
            method(
                "Entries after the ID `id` (`XREAD`, without blocking); `0` reads from the start.", .readEntries,
                [SwiftParameter(label: "after", name: "id", type: "Swift.String", default: "\"0\""), count],
                returns: "[Entry]",
                .read([.return(entries("streamReadEntries", .readEntries, typed: typed))])),
            length(),
        ]
        return members + consumerGroupMethods(typed: typed)
    }

    /// The entries of the reply, with typed or text fields.
    func entries(_ reader: String, _ kind: OperationKind, typed: Bool) -> SwiftExpression {
        let entry: [SwiftStatement]
        if typed {
            let fields = SwiftExpression.try(
                .call("Fields", [SwiftArgument("redisFields", "$0.fields"), SwiftArgument("key", "self.key")]))
            entry = [.expression(.call("Entry", [SwiftArgument("id", "$0.id"), SwiftArgument("fields", fields)]))]
        } else {
            entry =
                textFields(from: "$0.fields", into: "fields")
                + [.return(.call("Entry", [SwiftArgument("id", "$0.id"), SwiftArgument("fields", "fields")]))]
        }
        return .call(.member(readReply(reader, "reply", kind), "map"), [], closure: SwiftClosure(body: entry))
    }
}
