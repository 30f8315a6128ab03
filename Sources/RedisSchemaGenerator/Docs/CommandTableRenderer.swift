import RedisSchemaCore

/// Renders, per key, a Markdown table of the generated methods and the exact commands each sends, from the
/// keys' operation plans: the tables of docs/generated-code.md, which a test keeps equal to this output.
public enum CommandTableRenderer {
    /// The tables for every key of `schema`, each under a `####` heading.
    public static func render(_ schema: Schema) -> String {
        var out = MarkdownWriter()
        for (index, plan) in OperationPlanner.plans(for: schema).enumerated() {
            if index > 0 { out.blank() }
            out.line(
                "#### \(plan.keyName): `\(plan.pattern.displayForm)` · \(plan.redisType.displayName) · TTL \(plan.ttlText)"
            )
            out.blank()
            out.table(
                header: ["method", "sends", "returns"],
                rows: plan.operations.map { operation in
                    [
                        "`\(SwiftOperationNames.signature(operation, in: plan))`", sends(operation, plan),
                        returns(operation),
                    ]
                })
        }
        return out.text
    }

    /// The commands in order. A write's run in the type-guard script (one `EVALSHA`), which checks `TYPE` first.
    private static func sends(_ operation: Operation, _ plan: OperationPlan) -> String {
        let commands = operation.commands.map { command in
            let words = [command.name] + command.arguments.map { word($0, operation: operation, plan: plan) }
            let text = "`\(words.filter { !$0.isEmpty }.joined(separator: " "))`"
            switch command.condition {
            case .always: return text
            case .whenSpreadIsNotEmpty: return text + " (when any)"
            case .whenOrder(_, let isDescending): return text + (isDescending ? " (descending)" : " (ascending)")
            }
        }
        switch operation.kind {
        case .getWithTTL: return commands.joined(separator: ", ") + " in `MULTI`…`EXEC`"
        case .deleteIfEqual:
            return "compare-and-delete script: \(commands[0]), then \(commands[1]) when it equals `<value>`"
        case .move, .moveWaiting:
            return commands.joined(separator: ", ") + ", then guarded on the destination: its `LTRIM` and TTL"
        default: break
        }
        guard operation.isWrite else { return commands.joined(separator: ", ") }
        return "guarded: " + commands.joined(separator: ", ")
    }

    private static func word(_ argument: CommandArgument, operation: Operation, plan: OperationPlan) -> String {
        switch argument {
        case .key: return "key"
        case .parameter(let name):
            switch operation.parameter(named: name)?.kind {
            case .setCondition?: return "NX|XX"
            case .listEnd?: return "LEFT|RIGHT"
            default: return "<\(name)>"
            }
        case .each(let name): return "<\(name)> …"
        case .literal(let text): return text
        case .integer(let value), .cap(let value): return String(value)
        case .ttlSeconds(let value), .ttlMilliseconds(let value): return String(value)
        case .renderedField:
            switch operation.kind {
            case .getField(let index), .setField(let index), .incrementField(let index), .removeField(let index):
                return plan.value.fieldPatterns[index].pattern.source
            default: return "<field>"
            }
        case .fieldNames: return "<field> …"
        case .setFields: return "<field> <value> …"
        case .unsetFields: return "<nil field> …"
        case .optionalOption(let name, let parameter): return "[\(name) <\(parameter)>]"
        case .optionalParameter(let parameter): return "[<\(parameter)>]"
        case .scoredPairs: return "<score> <member> …"
        case .reverse: return "[REV]"
        case .scoreBounds(let min, let max, _): return "<\(min)> <\(max)>"
        case .limit(let offset, let count): return "[LIMIT <\(offset)> <\(count)>]"
        }
    }

    private static func returns(_ operation: Operation) -> String {
        switch operation.reply {
        case .none: return "nothing"
        case .integer:
            switch operation.kind {
            case .push, .append, .pushAll, .appendAll: return "the length after the push"
            case .increment, .incrementField, .incrementFixedField: return "the new value"
            case .acknowledgeEntries: return "how many were pending"
            case .removeRangeByScore, .removeRangeByRank, .removeMembers: return "how many were removed"
            case .addMembers: return "how many were new"
            default: return "the count"
            }
        case .double: return "the new value"
        case .flag: return operation.kind == .deleteIfEqual ? "whether it deleted the key" : "whether the reply is 1"
        case .entryID: return "the entry ID"
        case .value(let type): return "\(article(type)) \(type.rawValue), or nil"
        case .fixedFieldValue: return "the field's value, or nil"
        case .fixedFieldValues: return "each field's value, or nil"
        case .counter: return "the count, 0 when missing"
        case .fields(let typed): return typed ? "`Fields`, or nil" : "the fields as text, or nil"
        case .array: return "the elements"
        case .score: return "the score, or nil"
        case .scoredMembers: return "members with scores"
        case .wasSet: return "whether it was set"
        case .valueWithExpiry(let type): return "\(article(type)) \(type.rawValue) with its expiry, or nil"
        case .poppedElement(let type): return "\(article(type)) \(type.rawValue), or nil on timeout"
        case .entries(let typed):
            let entries = typed ? "entries with `Fields`" : "entries with text fields"
            switch operation.kind {
            case .readEntriesWaiting: return entries + ", `[]` when the wait ends without any"
            case .readGroupEntries: return entries + ", `[]` when there are none"
            default: return entries
            }
        case .groupCreated: return "whether it was created (`false`: `BUSYGROUP`)"
        case .pendingSummary: return "`RedisPendingSummary`"
        case .pendingEntries: return "`[RedisPendingEntry]`"
        case .flags: return "whether each is a member"
        case .scanPage: return "a page: members and the next cursor"
        case .rank: return "the rank, or nil"
        case .newScore: return "the new score"
        }
    }

    private static func article(_ type: ValueType) -> String {
        "aeiou".contains(type.rawValue.first!) ? "an" : "a"
    }
}
