import RedisSchemaCore

extension SwiftKeyEmitter {
    /// The Swift type of untyped fields written to a hash or stream: name-value pairs.
    static let untypedFieldsType = "[(name: Swift.String, value: Swift.String)]"

    /// `struct Fields`: one property per literal field, optional fields as optionals.
    func emitFieldsStruct(into out: inout SwiftWriter) {
        let fields = plan.value.literalFields
        out.blank()
        out.doc("The fields of a `\(plan.keyName)` \(plan.redisType == .stream ? "stream entry" : "hash").")
        out.block("nonisolated \(access) struct Fields: Swift.Sendable, Swift.Hashable") { out in
            for (name, spec) in fields {
                out.doc("`\(name)`: \(spec.type.rawValue)\(spec.isOptional ? ", optional" : "").")
                out.line(
                    "\(access) var \(SwiftNames.property(name)): \(spec.type.swiftType)\(spec.isOptional ? "?" : "")")
            }
            out.blank()
            out.doc("Creates the fields.")
            // A parameter called `self` would hide `self`, so that one gets another local name.
            let parameters = fields.map { name, spec in
                let property = SwiftNames.property(name)
                let declaration = property == "`self`" ? "`self` self_" : property
                return "\(declaration): \(spec.type.swiftType)\(spec.isOptional ? "? = nil" : "")"
            }
            out.block("\(access) init(\(parameters.joined(separator: ", ")))") { out in
                for (name, _) in fields {
                    let property = SwiftNames.property(name)
                    out.line("self.\(property) = \(property == "`self`" ? "self_" : property)")
                }
            }
            out.blank()
            out.doc(
                "Decodes the fields read from `key`.\n\n- Throws: `RedisSchemaError` when a required field is "
                    + "missing or a field does not hold its declared type.")
            out.block(
                "\(access) init(redisFields: [Swift.String: [Swift.UInt8]], key: Swift.String) "
                    + "throws(RedisSchema.RedisSchemaError)"
            ) { out in
                for (name, spec) in fields {
                    let reader = spec.isOptional ? "optional" : "required"
                    out.line(
                        "self.\(SwiftNames.property(name)) = try RedisSchema.RedisReply.\(reader)(redisFields, "
                            + "\(SwiftNames.literal(name)), as: \(spec.type.swiftType).self, key: key)")
                }
            }
        }
    }
}
