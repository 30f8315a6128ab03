import RedisSchemaCore

extension SwiftKeyEmitter {
    /// The fields of a hash or stream entry; other types have none.
    var fields: [FieldSpec] {
        switch key.value {
        case .hash(let hash): return hash.fields
        case .stream(let stream): return stream.fields
        case .string, .list, .set, .zset: return []
        }
    }

    /// The literal fields of a hash or stream entry.
    var literalFields: [(name: String, spec: FieldSpec)] {
        fields.compactMap { field in
            guard case .literal(let name) = field.name else { return nil }
            return (name, field)
        }
    }

    /// `struct Fields`: one property per literal field, optional fields as optionals.
    func emitFieldsStruct(into out: inout SwiftWriter) {
        let fields = literalFields
        out.blank()
        out.doc("The fields of a `\(key.name)` \(key.type == .stream ? "stream entry" : "hash").")
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

    /// Appends `name value` pairs for every set field to the `[any RedisArgumentConvertible]` called `arguments`,
    /// and, when `deleted` is given, the names of unset optional fields to that array.
    func emitFieldArguments(from fields: String, into arguments: String, deleted: String?, out: inout SwiftWriter) {
        for (name, spec) in literalFields {
            let property = "\(fields).\(SwiftNames.property(name))"
            let literal = SwiftNames.literal(name)
            if spec.isOptional {
                out.ifElse(
                    "let value = \(property)", { out in out.line("\(arguments) += [\(literal), value.redisEncoded]") },
                    else: deleted.map { deleted in { out in out.line("\(deleted).append(\(literal))") } })
            } else {
                out.line("\(arguments) += [\(literal), \(property).redisEncoded]")
            }
        }
    }
}
