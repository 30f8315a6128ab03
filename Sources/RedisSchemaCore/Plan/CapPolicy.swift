import RedisSchema

/// How a write keeps a list or stream within its `maxLength`: the one place that decides the trimming commands.
public enum CapPolicy: Sendable, Hashable {
    /// No cap: nothing is trimmed.
    case none
    /// A list trimmed with `LTRIM` right after each push, in the same guarded write.
    case listTrim(maxLength: Int)
    /// A stream trimmed by `XADD … MAXLEN = n`. Exact (`=`), not approximate (`~`): the cap is a promise
    /// that readers and `validate` rely on, and Redis keeps at most `n` entries only with `=`.
    case streamMaxLength(Int)

    /// The most elements or entries kept, or `nil` when uncapped.
    public var maxLength: Int? {
        switch self {
        case .none: return nil
        case .listTrim(let maxLength), .streamMaxLength(let maxLength): return maxLength
        }
    }

    /// The `LTRIM` that keeps the `maxLength` elements nearest the end just written to; `nil` when uncapped.
    public func trimCommand(keepingHead: Bool) -> PlannedCommand? {
        guard case .listTrim(let maxLength) = self else { return nil }
        let range: [CommandArgument] =
            keepingHead ? [.integer(0), .integer(maxLength - 1)] : [.integer(-maxLength), .integer(-1)]
        return PlannedCommand("LTRIM", [.key] + range)
    }

    /// The `MAXLEN = n` arguments of `XADD`; empty when uncapped.
    public var streamTrimArguments: [CommandArgument] {
        guard case .streamMaxLength(let maxLength) = self else { return [] }
        return [.literal("MAXLEN"), .literal("="), .cap(maxLength)]
    }
}
