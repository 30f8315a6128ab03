import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A stream's blocking read and consumer-group methods: create a group, read as a consumer, acknowledge,
    /// inspect what is pending, claim entries from a consumer that stopped.
    func consumerGroupMethods(typed: Bool) -> [SwiftDeclaration] {
        let count = SwiftParameter("count", "Swift.Int?", default: "nil")
        let group = SwiftParameter("group", "Swift.String")
        let ids = SwiftParameter(label: "_", name: "ids", type: "[Swift.String]")
        let noGroup = "`RedisSchemaError.commandFailed` (`NOGROUP`) when the key or the group does not exist"
        return [
            method(
                "Entries after the ID `id`, waiting up to `timeout` for one when there is none yet (`XREAD BLOCK`); "
                    + "`[]` when the wait ends without any. `$`, the default, waits for entries added after the "
                    + "call.\n\nThe wait is not the connection's reply timeout: the client extends its deadline by "
                    + "it. Inside a transaction Redis does not wait.\n\n- Throws: "
                    + "`RedisSchemaError.invalidArgument` for a zero or negative `timeout`, before anything is sent.",
                .readEntriesWaiting,
                [
                    SwiftParameter(label: "after", name: "id", type: "Swift.String", default: "\"$\""), count,
                    SwiftParameter(label: "waitingUpTo", name: "timeout", type: "Swift.Duration"),
                ],
                returns: "[Entry]",
                .read([.return(entries("streamReadEntries", .readEntriesWaiting, typed: typed))])),
            method(
                "Creates the consumer group `group`, which delivers the entries after `id` (`$`, the default: those "
                    + "added from now on; `0`: all) (`XGROUP CREATE … MKSTREAM`), creating an empty stream when the "
                    + "key does not exist\(ttlClause); returns `false`, changing nothing, when the group exists "
                    + "already (`BUSYGROUP`).",
                discardableResult: true, .createGroup,
                [
                    group.unlabelled,
                    SwiftParameter(label: "startingAt", name: "id", type: "Swift.String", default: "\"$\""),
                ],
                returns: "Swift.Bool", .write([.return(.atom("true"))], answering: ("BUSYGROUP", .atom("false")))),
            method(
                "Entries no consumer of `group` has been given yet, now given to `consumer` and pending until "
                    + "acknowledged (`XREADGROUP … >`), oldest first; when `timeout` is given, waits up to it for "
                    + "one when there is none yet (`BLOCK`). `[]` when there are none.\n\n- Throws: "
                    + "`RedisSchemaError.invalidArgument` for a zero or negative `timeout`, before anything is "
                    + "sent; \(noGroup).",
                .readGroupEntries,
                [
                    group, SwiftParameter("consumer", "Swift.String"), count,
                    SwiftParameter(label: "waitingUpTo", name: "timeout", type: "Swift.Duration?", default: "nil"),
                ],
                returns: "[Entry]",
                .read([.return(entries("streamReadEntries", .readGroupEntries, typed: typed))])),
            method(
                "Acknowledges entries of `group` (`XACK`): they leave its pending list. Returns how many of them "
                    + "were pending.\n\n- Throws: `RedisSchemaError.invalidArgument` for an empty `ids`, before "
                    + "anything is sent.",
                discardableResult: true, .acknowledgeEntries, [ids, group], returns: "Swift.Int",
                prepare: [
                    refuseEmpty("ids", "\(operation(.acknowledgeEntries).commands[0].name) needs at least one entry ID")
                ],
                .read([.return(readReply("integer", "reply", .acknowledgeEntries))])),
            method(
                "What `group` has given to its consumers and not had acknowledged, in summary (`XPENDING`): how "
                    + "many entries, the smallest and largest IDs, how many each consumer holds.\n\n- Throws: "
                    + "\(noGroup).",
                .pendingSummary, [group], returns: "RedisSchema.RedisPendingSummary",
                .read([.return(readReply("pendingSummary", "reply", .pendingSummary))])),
            method(
                "Up to `count` entries pending in `group`, oldest first (`XPENDING … - + count`): who holds each, "
                    + "for how long, how many times it was given; only `consumer`'s when given, only those idle at "
                    + "least `minIdle` when given (`IDLE`).\n\n- Throws: `RedisSchemaError.invalidArgument` for a "
                    + "negative `minIdle`, before anything is sent; \(noGroup).",
                .pendingEntries,
                [
                    group, SwiftParameter("count", "Swift.Int"),
                    SwiftParameter("consumer", "Swift.String?", default: "nil"),
                    SwiftParameter("minIdle", "Swift.Duration?", default: "nil"),
                ],
                returns: "[RedisSchema.RedisPendingEntry]",
                .read([.return(readReply("pendingEntries", "reply", .pendingEntries))])),
            method(
                "Gives the pending entries `ids` of `group` to `consumer` (`XCLAIM`), those idle at least "
                    + "`minIdle`, so that of two consumers claiming the same entry only the first gets it; returns "
                    + "the entries claimed, pending again with `consumer`. Entries deleted from the stream are left "
                    + "out.\n\n- Throws: `RedisSchemaError.invalidArgument` for an empty `ids` or a negative "
                    + "`minIdle`, before anything is sent; \(noGroup).",
                .claimEntries,
                [
                    ids, group, SwiftParameter(label: "for", name: "consumer", type: "Swift.String"),
                    SwiftParameter("minIdle", "Swift.Duration"),
                ],
                returns: "[Entry]",
                prepare: [
                    refuseEmpty("ids", "\(operation(.claimEntries).commands[0].name) needs at least one entry ID")
                ],
                .read([.return(entries("streamEntries", .claimEntries, typed: typed))])),
        ]
    }
}

extension SwiftParameter {
    /// The same parameter without an argument label.
    fileprivate var unlabelled: SwiftParameter {
        SwiftParameter(label: "_", name: name, type: type, default: defaultValue)
    }
}
