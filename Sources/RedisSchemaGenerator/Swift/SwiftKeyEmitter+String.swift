import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A string key holding a typed value, set with its TTL in one `SET`.
    func string(_ type: ValueType) -> [SwiftDeclaration] {
        let ttl = plan.ttl == .none ? "" : " with its TTL (\(plan.ttlText)) in the same command"
        return [
            method(
                "Stores `value` (\(commandName(.set)))\(ttl).", .set,
                [SwiftParameter(label: "_", name: "value", type: type.swiftType)], .write([])),
            method(
                "The value (`GET`), or `nil` when the key does not exist.", .get, [], returns: type.swiftType + "?",
                .read([.return(decode(type.swiftType, "reply"))])),
        ]
    }

    /// A counter: `INCRBY` only with non-negative amounts, so it only ever increments.
    func counter() -> [SwiftDeclaration] {
        let refuse = SwiftStatement.throw(
            .call(
                "RedisSchema.RedisSchemaError.invalidArgument",
                [
                    SwiftArgument("key", "self.key"),
                    SwiftArgument("message", "\"`\\(amount)` is negative, but this counter only increments\""),
                ]))
        return [
            method(
                "Adds `amount` (\(commandName(.increment)))\(ttlClause); returns the new count.\n\n"
                    + "- Throws: `RedisSchemaError.invalidArgument` for a negative amount: this counter only increments.",
                discardableResult: true, .increment,
                [SwiftParameter(label: "by", name: "amount", type: "Swift.Int", default: "1")],
                returns: "Swift.Int", prepare: [.guard(["amount >= 0"], else: [refuse])],
                .write([.return(readReply("integer", "replies[0]", .increment))])),
            method(
                "The count (`GET`); 0 when the key does not exist.", .get, [], returns: "Swift.Int",
                .read([.return(.binary(decode("Swift.Int", "reply"), "??", "0"))])),
        ]
    }

    /// `try Type.decode(reply, key: self.key[, field: field])`.
    func decode(_ type: String, _ reply: SwiftExpression, field: String? = nil) -> SwiftExpression {
        var arguments = [SwiftArgument(nil, reply), SwiftArgument("key", "self.key")]
        if let field { arguments.append(SwiftArgument("field", .atom(field))) }
        return .try(.call("\(type).decode", arguments))
    }
}
