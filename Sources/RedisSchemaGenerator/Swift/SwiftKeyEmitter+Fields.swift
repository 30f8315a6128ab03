import RedisSchemaCore

extension SwiftKeyEmitter {
    /// The Swift type of untyped fields written to a stream: name-value pairs, in order.
    static let untypedFieldsType = "[(name: Swift.String, value: Swift.String)]"

    /// `struct Fields`: one property per literal field, optional fields as optionals.
    func fieldsStruct() -> SwiftDeclaration {
        let fields = self.fields
        let properties = fields.map { field -> SwiftDeclaration in
            let (name, spec) = (field.name, field.spec)
            return
                .documented(
                    "`\(name)`: \(spec.type.rawValue)\(spec.isOptional ? ", optional" : "").",
                    .property(
                        SwiftProperty(
                            access: access, isMutable: true, name: field.property,
                            type: spec.type.swiftType + (spec.isOptional ? "?" : ""))))
        }
        // A parameter called `self` would hide `self`, so that one gets another local name.
        let local = { (property: String) in property == "`self`" ? "self_" : property }
        let memberwise = SwiftFunction(
            access: access, kind: .initializer,
            parameters: fields.map { field in
                let (property, spec) = (field.property, field.spec)
                return SwiftParameter(
                    label: property, name: local(property), type: spec.type.swiftType + (spec.isOptional ? "?" : ""),
                    default: spec.isOptional ? "nil" : nil)
            },
            body: fields.map { field in
                let property = field.property
                return .assignment("self.\(property)", .atom(local(property)))
            })
        let decoding = SwiftFunction(
            access: access, kind: .initializer,
            parameters: [
                SwiftParameter("redisFields", "[Swift.String: [Swift.UInt8]]"), SwiftParameter("key", "Swift.String"),
            ],
            throwsClause: "throws(RedisSchema.RedisSchemaError)",
            body: fields.map { field in
                let (name, spec) = (field.name, field.spec)
                return .assignment(
                    "self.\(field.property)",
                    .try(
                        .call(
                            "RedisSchema.RedisReply.\(spec.isOptional ? "optional" : "required")",
                            [
                                "redisFields", SwiftArgument(nil, .atom(SwiftNames.literal(name))),
                                SwiftArgument("as", .atom("\(spec.type.swiftType).self")), SwiftArgument("key", "key"),
                            ])))
            })
        return .documented(
            "The fields of a `\(plan.keyName)` \(plan.redisType == .stream ? "stream entry" : "hash").",
            .type(
                SwiftTypeDeclaration(
                    kind: .struct, access: access, name: "Fields",
                    conformances: ["Swift.Sendable", "Swift.Hashable", "Swift.Codable"],
                    members: [
                        .group(properties),
                        codingKeys(fields),
                        .documented("Creates the fields.", .function(memberwise)),
                        .documented(
                            "Decodes the fields read from `key`.\n\n- Throws: `RedisSchemaError` when a required field "
                                + "is missing or a field does not hold its declared type.",
                            .function(decoding)),
                    ])))
    }

    /// `CodingKeys` with the schema's field names, so `Codable` writes `Fields` as Redis stores it: a case per
    /// property, with the field name as its raw value where the property's name differs.
    private func codingKeys(_ fields: [SwiftField]) -> SwiftDeclaration {
        .documented(
            "The schema's field names, as `Codable` writes them.",
            .type(
                SwiftTypeDeclaration(
                    kind: .enum, access: access, name: "CodingKeys", conformances: ["Swift.String", "Swift.CodingKey"],
                    members: [
                        .group(
                            fields.map { field in
                                .enumCase(field.property, rawValue: field.property == field.name ? nil : field.name)
                            })
                    ])))
    }

    /// Statements that turn `fields` (`[Swift.String: [Swift.UInt8]]`) into text, in `text`, throwing for bytes
    /// that are not UTF-8.
    func textFields(from fields: String, into text: String) -> [SwiftStatement] {
        [
            .binding(isMutable: true, name: text, type: "[Swift.String: Swift.String]", value: "[:]"),
            .for(
                "(name, bytes)", in: .atom(fields),
                body: [
                    .assignment(
                        "\(text)[name]",
                        .try(
                            .call(
                                "Swift.String.decode",
                                [
                                    SwiftArgument("bytes", "bytes"), SwiftArgument("key", "self.key"),
                                    SwiftArgument("field", "name"),
                                ])))
                ]),
        ]
    }
}
