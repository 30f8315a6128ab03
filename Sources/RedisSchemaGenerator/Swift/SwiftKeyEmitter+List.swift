import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A list: pushes at either end, trimmed to its cap in the same atomic call; pops; reads.
    func list(element: ValueType) -> [SwiftDeclaration] {
        let type = element.swiftType
        var members: [SwiftDeclaration] = []
        for (kind, end) in [
            (OperationKind.push, "at the head, so the list reads newest first"), (.append, "at the tail"),
        ] {
            var trimNote = ""
            var returns = "the new length"
            if let maxLength = plan.cap.maxLength {
                trimNote = ", keeps the \(maxLength) \(kind == .push ? "first" : "last") elements (`LTRIM`)"
                returns = "the length before trimming"
            }
            members.append(
                method(
                    "Adds `element` \(end) (\(commandName(kind)))\(trimNote)\(ttlClause); returns \(returns).",
                    discardableResult: true, kind, [SwiftParameter(label: "_", name: "element", type: type)],
                    returns: "Swift.Int", .write([.return(readReply("integer", "replies[0]", kind))]))
            )
        }
        members += pushes(of: type)
        for (kind, end) in [(OperationKind.popFirst, "head"), (.popLast, "tail")] {
            members.append(
                method(
                    "Removes and returns the element at the \(end) (\(commandName(kind))), or `nil` when the list is empty.",
                    kind, [], returns: type + "?", .read([.return(decode(type, "reply"))])))
        }
        members += waitingPops(of: type) + moves(of: type)
        members.append(
            method(
                "The elements from `start` through `stop` (`LRANGE`); negative indices count from the tail.", .range,
                [
                    SwiftParameter(label: "from", name: "start", type: "Swift.Int", default: "0"),
                    SwiftParameter(label: "through", name: "stop", type: "Swift.Int", default: "-1"),
                ],
                returns: "[\(type)]", .read([.return(decodeArray(of: type, .range))])))
        members.append(
            method(
                "Keeps only the elements from `start` through `stop` (`LTRIM`); negative indices count from the tail. "
                    + "It never creates the key, and sets no TTL.",
                .trim,
                [
                    SwiftParameter(label: "from", name: "start", type: "Swift.Int"),
                    SwiftParameter(label: "through", name: "stop", type: "Swift.Int"),
                ],
                .read([])))
        members.append(
            method(
                "Removes occurrences of `element` (`LREM`), e.g. a finished job from a list of jobs in progress: every "
                    + "one when `count` is 0, the first `count` from the head when it is positive, the last `-count` "
                    + "from the tail when it is negative; returns how many it removed.",
                discardableResult: true, .removeElement,
                [
                    SwiftParameter(label: "_", name: "element", type: type),
                    SwiftParameter("count", "Swift.Int", default: "0"),
                ],
                returns: "Swift.Int", .read([.return(readReply("integer", "reply", .removeElement))])))
        members.append(length())
        return members
    }

    /// The array reply decoded element by element as `type`.
    func decodeArray(of type: String, _ kind: OperationKind) -> SwiftExpression {
        let element = SwiftExpression.call(
            "\(type).decode",
            [
                SwiftArgument(
                    "bytes",
                    .call(
                        "RedisSchema.RedisReply.bytes",
                        ["$0", SwiftArgument("key", "self.key"), SwiftArgument("command", commandLiteral(kind))])),
                SwiftArgument("key", "self.key"),
            ])
        return .call(.member(readReply("array", "reply", kind), "map"), [], closure: [.expression(.try(element))])
    }

    /// `length(on:)`: `LLEN`, `SCARD`, `ZCARD` or `XLEN`, as planned.
    func length() -> SwiftDeclaration {
        let things = plan.redisType == .stream ? "entries" : plan.redisType == .list ? "elements" : "members"
        return method(
            "The number of \(things) (\(commandName(.length))); 0 when the key does not exist.", .length, [],
            returns: "Swift.Int", .read([.return(readReply("integer", "reply", .length))]))
    }
}
