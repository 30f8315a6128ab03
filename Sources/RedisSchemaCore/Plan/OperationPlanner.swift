/// Translates key specs into operation plans. This is the only place that reads a ``KeySpec`` for its write
/// semantics: which commands each operation sends, with which TTL and cap commands, and how replies are read.
public enum OperationPlanner {
    /// The plans of every key of `schema`, in file order.
    public static func plans(for schema: Schema) -> [OperationPlan] {
        schema.keys.map(plan)
    }

    /// The plan for one key spec.
    public static func plan(for key: KeySpec) -> OperationPlan {
        let ttlPolicy = TTLPolicy(key.ttl)
        let value = valueShape(of: key)
        let cap: CapPolicy
        switch (key.type, key.maxLength) {
        case (.list, let maxLength?): cap = .listTrim(maxLength: maxLength)
        case (.stream, let maxLength?): cap = .streamMaxLength(maxLength)
        default: cap = .none
        }
        let writes = Writes(ttl: ttlPolicy, cap: cap)
        return OperationPlan(
            keyName: key.name, location: key.location, pattern: key.pattern, redisType: key.type, ttl: key.ttl,
            ttlText: key.ttlText, ttlPolicy: ttlPolicy, cap: cap, purpose: key.purpose, value: value,
            operations: operations(for: value, writes: writes))
    }

    private static func valueShape(of key: KeySpec) -> ValueShape {
        switch key.type {
        case .string:
            switch key.value ?? .scalar(.string) {
            case .counter: return .counter
            case .scalar(let type): return .string(type)
            }
        case .hash: return .hash(fields: key.fields)
        case .list: return .list(element: key.element ?? .string)
        case .set: return .set(member: key.member ?? .type(.string))
        // Scores are floats unless declared otherwise: that is what Redis stores.
        case .zset: return .sortedSet(member: key.member ?? .type(.string), score: key.score ?? .float)
        case .stream: return .stream(fields: key.fields)
        }
    }

    /// Builds write operations: the write, then the cap's trim, then the TTL, in one transaction.
    struct Writes {
        let ttl: TTLPolicy
        let cap: CapPolicy

        func commands(_ write: PlannedCommand, trim: PlannedCommand? = nil) -> [PlannedCommand] {
            [write] + [trim, ttl.expireCommand].compactMap { $0 }
        }
    }
}
