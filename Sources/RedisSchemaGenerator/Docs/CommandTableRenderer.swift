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
        guard operation.isWrite else { return commands.joined(separator: ", ") }
        return "guarded: " + commands.joined(separator: ", ")
    }

    private static func word(_ argument: CommandArgument, operation: Operation, plan: OperationPlan) -> String {
        switch argument {
        case .key: return "key"
        case .parameter(let name): return "<\(name)>"
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
        case .eachMember: return "<member> …"
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
            case .push, .append: return "the length after the push"
            case .increment, .incrementField, .incrementFixedField: return "the new value"
            case .removeRangeByScore, .removeRangeByRank, .removeMembers: return "how many were removed"
            case .addMembers: return "how many were new"
            default: return "the count"
            }
        case .double: return "the new value"
        case .flag: return "whether the reply is 1"
        case .entryID: return "the entry ID"
        case .value(let type): return "\("aeiou".contains(type.rawValue.first!) ? "an" : "a") \(type.rawValue), or nil"
        case .fixedFieldValue: return "the field's value, or nil"
        case .fixedFieldValues: return "each field's value, or nil"
        case .counter: return "the count, 0 when missing"
        case .fields(let typed): return typed ? "`Fields`, or nil" : "the fields as text, or nil"
        case .array: return "the elements"
        case .score: return "the score, or nil"
        case .scoredMembers: return "members with scores"
        case .entries(let typed): return typed ? "entries with `Fields`" : "entries with text fields"
        case .flags: return "whether each is a member"
        case .scanPage: return "a page: members and the next cursor"
        case .rank: return "the rank, or nil"
        case .newScore: return "the new score"
        }
    }
}
