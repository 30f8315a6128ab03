import RedisSchemaCore

extension SwiftKeyEmitter {
    /// The `Member` type of a set or sorted set whose members follow a pattern (`user:<userId>`): built from
    /// validated values, parsed back from stored members.
    func memberStruct(_ pattern: KeyPattern) -> SwiftDeclaration {
        let params = SwiftParam.make(pattern.placeholders, rename: SwiftNames.memberValueName)
        var conditions = ["let values = \(qualifiedName).Member.pattern.parse(rawValue)"]
        for (index, param) in params.enumerated() where param.type != "Swift.String" {
            conditions.append("let value\(index) = \(param.type)(redisEncoded: Swift.Array(values[\(index)].utf8))")
        }
        let parse: [SwiftStatement] =
            [.guard(conditions, else: [.return(.atom("nil"))]), .assignment("self.rawValue", "rawValue")]
            + params.enumerated().map { index, param in
                .assignment(
                    "self.\(param.label)", .atom(param.type == "Swift.String" ? "values[\(index)]" : "value\(index)"))
            }
        let fromBytes: [SwiftStatement] = [
            .guard(["let text = Swift.String(validating: bytes, as: Swift.UTF8.self)"], else: [.return(.atom("nil"))]),
            .expression(.call("self.init", [SwiftArgument("rawValue", "text")])),
        ]
        let members: [SwiftDeclaration] = [
            .group([
                .documented(
                    "The member pattern with the rules of its placeholders.",
                    constant(
                        "pattern", nil,
                        SwiftPatternRendering.declaration(pattern))),
                .property(
                    SwiftProperty(
                        access: access, isStatic: true, name: "redisValueDescription", type: "Swift.String",
                        getter: [.expression(.atom(SwiftNames.literal("a member like `\(pattern.source)`")))])),
            ]),
            .group(
                params.map { .property(SwiftProperty(access: access, name: $0.label, type: $0.type)) }
                    + [
                        .documented(
                            "The member as stored.",
                            .property(SwiftProperty(access: access, name: "rawValue", type: "Swift.String")))
                    ]),
            .documented(
                "The member for these values.\n\n- Throws: `RedisSchemaError.invalidParam` when a value breaks its rule.",
                .function(
                    SwiftFunction(
                        access: access, kind: .initializer, parameters: params.map(\.parameter),
                        throwsClause: "throws(RedisSchema.RedisSchemaError)",
                        body: [
                            .assignment(
                                "self.rawValue",
                                SwiftPatternRendering.render(
                                    pattern: "\(qualifiedName).Member.pattern", values: params.map(\.text)))
                        ] + params.map { .assignment("self.\($0.label)", .atom($0.local)) }))),
            .documented(
                "Parses a stored member; `nil` when it does not follow the pattern.",
                .function(
                    SwiftFunction(
                        access: access, kind: .failableInitializer,
                        parameters: [SwiftParameter("rawValue", "Swift.String")], body: parse))),
            .group([
                .property(
                    SwiftProperty(
                        access: access, name: "description", type: "Swift.String",
                        getter: [.expression("self.rawValue")])),
                .property(
                    SwiftProperty(
                        access: access, name: "redisEncoded", type: "[Swift.UInt8]",
                        getter: [.expression("Swift.Array(self.rawValue.utf8)")])),
            ]),
            .function(
                SwiftFunction(
                    access: access, kind: .failableInitializer,
                    parameters: [SwiftParameter(label: "redisEncoded", name: "bytes", type: "[Swift.UInt8]")],
                    body: fromBytes)),
        ]
        return .documented(
            "A member of the set: `\(pattern.source)`, rendered from validated values.",
            .type(
                SwiftTypeDeclaration(
                    kind: .struct, access: access, name: "Member",
                    conformances: ["RedisSchema.RedisValueCodable", "Swift.Hashable", "Swift.CustomStringConvertible"],
                    members: members)))
    }
}
