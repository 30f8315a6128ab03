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
                "Stores `value` only when the key is absent (`SET … NX`) or only when it is present (`SET … XX`)"
                    + "\(ttl); returns whether it was stored. `.absent` takes a lock: the one caller that gets `true` "
                    + "holds it.", .setIf,
                [
                    SwiftParameter(label: "_", name: "value", type: type.swiftType),
                    SwiftParameter(label: "if", name: "condition", type: "RedisSchema.RedisSetCondition"),
                ],
                returns: "Swift.Bool", .write([.return(.atom("!replies[0].isNull"))])),
            method(
                "The value (`GET`), or `nil` when the key does not exist.", .get, [], returns: type.swiftType + "?",
                .read([.return(decode(type.swiftType, "reply"))])),
        ] + stringReadsAndDeletes(type)
    }

    /// `getAndDelete()`, `getWithTTL()` and `delete(ifEqualTo:)` of a string value.
    private func stringReadsAndDeletes(_ type: ValueType) -> [SwiftDeclaration] {
        let swiftType = type.swiftType
        let pttl = SwiftExpression.try(
            .call(
                "RedisSchema.RedisReply.integer",
                [
                    "replies[1]", SwiftArgument("key", "self.key"),
                    SwiftArgument("command", commandLiteral(.getWithTTL, 1)),
                ]))
        let atomic = SwiftExpression.call(
            "RedisSchema.RedisOperationStep.atomic",
            [SwiftArgument(nil, .array(operation(.getWithTTL).commands.map(commands(.getWithTTL).expression)))])
        let deleted = SwiftExpression.try(
            .call(
                "RedisSchema.RedisReply.integer",
                [
                    "replies[0]", SwiftArgument("key", "self.key"),
                    SwiftArgument("command", commandLiteral(.deleteIfEqual, 1)),
                ]))
        return [
            method(
                "The value, and deletes the key (`GETDEL`); `nil` when the key does not exist.",
                discardableResult: true,
                .getAndDelete, [], returns: swiftType + "?", .read([.return(decode(swiftType, "reply"))])),
            method(
                "The value with how long the key has left (`GET` and `PTTL` in one `MULTI`…`EXEC`, so both describe "
                    + "the same moment); `nil` when the key does not exist.", .getWithTTL, [],
                returns: "RedisSchema.RedisExpiringValue<Value>?",
                .steps(
                    setup: [.binding(isMutable: false, name: "read", type: nil, value: atomic)], .array(["read"]),
                    [
                        .guard(
                            ["let value = try \(swiftType).decode(replies[0], key: self.key)"], else: [.return("nil")]),
                        .binding(isMutable: false, name: "pttl", type: nil, value: pttl),
                        .return(
                            .call(
                                "",
                                [
                                    SwiftArgument("value", "value"),
                                    SwiftArgument(
                                        "expiry", .call("RedisSchema.KeyExpiry", [SwiftArgument("pttl", "pttl")])),
                                ])),
                    ])),
            method(
                "Deletes the key only while it holds `value`, byte for byte (a server-side script: `GET`, then "
                    + "`UNLINK` when equal); returns whether it deleted it. This releases a lock taken with "
                    + "`set(_:if: .absent)`: a lock that expired and was taken by someone else holds their value, and "
                    + "is left alone.\n\n- Throws: `RedisSchemaError.wrongType` when the key holds another Redis type; "
                    + "then nothing changes.",
                discardableResult: true, .deleteIfEqual,
                [SwiftParameter(label: "ifEqualTo", name: "value", type: swiftType)], returns: "Swift.Bool",
                .steps(
                    setup: [],
                    .array([
                        .call(
                            "RedisSchema.RedisOperationStep.deleteIfEqual", [SwiftArgument("to", "value.redisEncoded")])
                    ]),
                    [.return(.binary(deleted, "==", "1"))])),
        ]
    }

    /// A counter: `INCRBY` only with non-negative amounts, so it only ever increments.
    func counter() -> [SwiftDeclaration] {
        let refuse = invalidArgument("`\\(amount)` is negative, but this counter only increments")
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
            method(
                "The count, and deletes the key (`GETDEL`), so the next increment starts from 0; 0 when the key does "
                    + "not exist.", discardableResult: true, .getAndDelete, [], returns: "Swift.Int",
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
