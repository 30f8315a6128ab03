import RedisSchema

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
        let (value, cap) = shape(of: key.value)
        let writes = Writes(ttl: ttlPolicy, cap: cap)
        return OperationPlan(
            keyName: key.name, location: key.location, pattern: key.pattern, redisType: key.type, ttl: key.ttl,
            ttlText: key.ttlText, ttlPolicy: ttlPolicy, cap: cap, purpose: key.purpose, value: value,
            operations: operations(for: value, writes: writes))
    }

    /// The value's shape and the cap writes keep (the loader has filled in every default).
    private static func shape(of value: KeySpec.Value) -> (ValueShape, CapPolicy) {
        switch value {
        case .string(.counter): return (.counter, .none)
        case .string(.scalar(let type)): return (.string(type), .none)
        case .hash(let hash): return (.hash(fields: hash.fields), .none)
        case .list(let list):
            return (.list(element: list.element), list.maxLength.map { CapPolicy.listTrim(maxLength: $0) } ?? .none)
        case .set(let set): return (.set(member: set.member), .none)
        case .zset(let zset): return (.sortedSet(member: zset.member, score: zset.score), .none)
        case .stream(let stream):
            let cap = stream.maxLength.map { CapPolicy.streamMaxLength($0, trimming: stream.trimming) } ?? .none
            return (.stream(fields: stream.fields), cap)
        }
    }

    /// Builds write operations: the write, then the cap's trim, then the TTL, in one guarded write.
    struct Writes {
        let ttl: TTLPolicy
        let cap: CapPolicy

        func commands(_ write: PlannedCommand, trim: PlannedCommand? = nil) -> [PlannedCommand] {
            [write] + [trim, ttl.expireCommand].compactMap { $0 }
        }
    }
}
