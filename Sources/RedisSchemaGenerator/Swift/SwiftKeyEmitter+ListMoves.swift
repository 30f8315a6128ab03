import RedisSchemaCore

/// The list operations of issue 8: pushing several elements, waiting pops, and moves between list keys.
extension SwiftKeyEmitter {
    /// `push(contentsOf:)` and `append(contentsOf:)`: one `LPUSH`/`RPUSH` of every element, trimmed and with
    /// the TTL in the same guarded write.
    func pushes(of type: String) -> [SwiftDeclaration] {
        [
            (OperationKind.pushAll, "at the head", ", the last ending up first"),
            (.appendAll, "at the tail", ", in order"),
        ]
        .map { kind, end, order in
            var trimNote = ""
            var returns = "the new length"
            if let maxLength = plan.cap.maxLength {
                trimNote = ", keeps the \(maxLength) \(kind == .pushAll ? "first" : "last") elements (`LTRIM`)"
                returns = "the length before trimming"
            }
            return method(
                "Adds `elements` \(end) in one \(commandName(kind))\(order)\(trimNote)\(ttlClause); returns \(returns)."
                    + "\n\n- Throws: `RedisSchemaError.invalidArgument` when `elements` is empty.",
                discardableResult: true, kind,
                [SwiftParameter(label: "contentsOf", name: "elements", type: "[\(type)]")], returns: "Swift.Int",
                prepare: [
                    refuseEmpty(
                        "elements",
                        "no elements to \(SwiftOperationNames.base(kind)): \(commandName(kind)) needs at least one")
                ],
                .write([.return(readReply("integer", "replies[0]", kind))]))
        }
    }

    /// `popFirst(waitingUpTo:)` and `popLast(waitingUpTo:)`: `BLPOP`/`BRPOP` with the timeout in seconds.
    func waitingPops(of type: String) -> [SwiftDeclaration] {
        [(OperationKind.popFirstWaiting, "head"), (.popLastWaiting, "tail")].map { kind, end in
            let element = SwiftExpression.try(
                .call(
                    "RedisSchema.RedisReply.poppedElement",
                    ["reply", SwiftArgument("key", "self.key"), SwiftArgument("command", commandLiteral(kind))]))
            return method(
                "Removes and returns the element at the \(end) (\(commandName(kind))), waiting up to `timeout` for "
                    + "one when the list is empty; `nil` when none came in time. The connection waits for it, so "
                    + "other commands on it wait too; inside a transaction it does not wait.\n\n"
                    + "- Throws: `RedisSchemaError.invalidArgument` when `timeout` is not positive (Redis would wait "
                    + "forever).",
                kind, [SwiftParameter(label: "waitingUpTo", name: "timeout", type: "Swift.Duration")],
                returns: type + "?", prepare: [timeoutSeconds()], .read([.return(decode(type, element))]))
        }
    }

    /// `move(from:to:at:)` and `move(from:to:at:waitingUpTo:)`: `LMOVE`/`BLMOVE`, then the destination's cap
    /// and TTL in a guarded step of the same round trip.
    func moves(of type: String) -> [SwiftDeclaration] {
        [OperationKind.move, .moveWaiting].map { kind in
            let waits = kind == .moveWaiting
            var parameters = [
                SwiftParameter(label: "from", name: "end", type: "RedisSchema.RedisListEnd"),
                SwiftParameter(label: "to", name: "destination", type: "some RedisSchema.RedisListKey<\(type)>"),
                SwiftParameter(label: "at", name: "destinationEnd", type: "RedisSchema.RedisListEnd"),
            ]
            if waits {
                parameters.append(SwiftParameter(label: "waitingUpTo", name: "timeout", type: "Swift.Duration"))
            }
            let destinationSteps = SwiftStatement.binding(
                isMutable: false, name: "destinationSteps", type: nil,
                value: .try(
                    .call("destination.capAndTTLSteps", [SwiftArgument("afterArrivalAt", "destinationEnd")])))
            let command = commands(kind).expression(operation(kind).commands[0])
            let steps = SwiftExpression.binary(
                .array([.call("RedisSchema.RedisOperationStep.command", [SwiftArgument(nil, command)])]), "+",
                "destinationSteps")
            var doc =
                "Moves the element at `end` of this list to `destinationEnd` of `destination` (\(commandName(kind)))"
            doc +=
                waits
                ? ", waiting up to `timeout` for one when this list is empty; returns it, or `nil` when none came "
                    + "in time. The connection waits for it, so other commands on it wait too; inside a transaction "
                    + "it does not wait."
                : "; returns it, or `nil` when this list is empty."
            doc +=
                " In the same round trip, a guarded write keeps `destination` within its own cap (`LTRIM`) and TTL "
                + "(it also refreshes the TTL of an existing destination when nothing moved). Both keys must be in "
                + "one hash slot on Redis Cluster\(cluster ? slotRule : "").\n\n- Throws: "
                + "\(cluster ? "`RedisSchemaError.crossSlot` when they are not, and nothing is sent; " : "")"
                + "`RedisSchemaError.commandFailed` (`WRONGTYPE`) when "
                + "either key holds another Redis type, and nothing moves; `RedisSchemaError.wrongType` when only the "
                + "destination does and this list is empty."
            if waits {
                doc += " `RedisSchemaError.invalidArgument` when `timeout` is not positive (Redis would wait forever)."
            }
            return method(
                doc, discardableResult: true, kind, parameters, returns: type + "?",
                prepare: (cluster ? [requireOneSlot(kind)] : []) + (waits ? [timeoutSeconds()] : [])
                    + [destinationSteps],
                .steps(setup: [], steps, [.return(decode(type, "replies[0]"))]))
        }
    }

    /// What the move's doc says of slots on a cluster: which keys share one with this key.
    private var slotRule: String {
        guard let tag = plan.pattern.hashTag else { return " (this pattern has no hash tag `{…}`)" }
        if tag.isLiteral { return " (every key whose hash tag is `\(tag.displayForm)` is in this key's slot)" }
        return " (keys whose hash tags hold the same text as this key's `\(tag.displayForm)` are)"
    }

    /// `try RedisSchema.RedisHashSlot.requireOneSlot(self.key, destination.key, command: "LMOVE")`: a cluster
    /// refuses a command on keys of two slots, so generated code refuses it first, naming both.
    private func requireOneSlot(_ kind: OperationKind) -> SwiftStatement {
        .expression(
            .try(
                .call(
                    "RedisSchema.RedisHashSlot.requireOneSlot",
                    ["self.key", "destination.key", SwiftArgument("command", commandLiteral(kind))])))
    }

    /// `let timeoutSeconds = try RedisSchema.RedisBlockingTimeout.seconds(timeout, key: self.key)`: the
    /// timeout as the command takes it, refused before anything is sent when it is not positive. The command
    /// renderer sends a ``OperationParameter/Kind/timeoutSeconds`` parameter by this name.
    func timeoutSeconds() -> SwiftStatement {
        .binding(
            isMutable: false, name: "timeoutSeconds", type: nil,
            value: .try(
                .call("RedisSchema.RedisBlockingTimeout.seconds", ["timeout", SwiftArgument("key", "self.key")])))
    }
}
