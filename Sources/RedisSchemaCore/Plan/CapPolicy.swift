import RedisSchema

/// How a write keeps a list or stream within its `maxLength`: the one place that decides the trimming commands.
public enum CapPolicy: Sendable, Hashable {
    /// No cap: nothing is trimmed.
    case none
    /// A list trimmed with `LTRIM` right after each push, in the same guarded write.
    case listTrim(maxLength: Int)
    /// A stream trimmed by `XADD … MAXLEN ~ n` (approximate) or `MAXLEN = n` (exact), as the schema's `trim:` says.
    case streamMaxLength(Int, trimming: StreamTrimming)

    /// The most elements or entries kept, or `nil` when uncapped.
    public var maxLength: Int? {
        switch self {
        case .none: return nil
        case .listTrim(let maxLength), .streamMaxLength(let maxLength, _): return maxLength
        }
    }

    /// The `LTRIM` that keeps the `maxLength` elements nearest the end just written to; `nil` when uncapped.
    public func trimCommand(keepingHead: Bool) -> PlannedCommand? {
        guard case .listTrim(let maxLength) = self else { return nil }
        let range: [CommandArgument] =
            keepingHead ? [.integer(0), .integer(maxLength - 1)] : [.integer(-maxLength), .integer(-1)]
        return PlannedCommand("LTRIM", [.key] + range)
    }

    /// The `MAXLEN ~ n` or `MAXLEN = n` arguments of `XADD`; empty when uncapped.
    public var streamTrimArguments: [CommandArgument] {
        guard case .streamMaxLength(let maxLength, let trimming) = self else { return [] }
        return [.literal("MAXLEN"), .literal(Self.maxLengthOperator(trimming)), .cap(maxLength)]
    }

    /// The operator Redis reads after `MAXLEN`: `~` lets it drop only whole radix-tree nodes, `=` trims exactly.
    private static func maxLengthOperator(_ trimming: StreamTrimming) -> String {
        switch trimming {
        case .exact: return "="
        case .approximate: return "~"
        }
    }
}
