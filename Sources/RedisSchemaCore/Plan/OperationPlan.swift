import RedisSchema

/// Everything renderers need to know about one key spec, decided once: what its value looks like, its TTL and
/// cap policies, and the operations generated code offers with the exact commands they send. Generated Swift,
/// the example commands of `docs` and the command tables of docs/generated-code.md are all rendered from it.
public struct OperationPlan: Sendable {
    /// The name under `keys:`.
    public var keyName: String
    /// Where the key is declared, for diagnostics about it.
    public var location: SourceLocation
    /// The key pattern.
    public var pattern: KeyPattern
    /// The Redis type of the keys.
    public var redisType: RedisKeyType
    /// The declared TTL, and as the schema writes it.
    public var ttl: TTL
    /// The TTL as the schema writes it (`24 hours`).
    public var ttlText: String
    /// How writes keep the TTL.
    public var ttlPolicy: TTLPolicy
    /// How writes keep a list or stream within its cap.
    public var cap: CapPolicy
    /// What the keys are for.
    public var purpose: String?
    /// The shape of the value.
    public var value: ValueShape
    /// The operations, the key's main write first.
    public var operations: [Operation]

    /// The operation of this kind, when the key has it.
    public func operation(_ kind: OperationKind) -> Operation? {
        operations.first { $0.kind == kind }
    }
}

/// The shape of a key's value, per Redis type, with defaults filled in.
public enum ValueShape: Sendable, Hashable {
    /// A string holding a value of this type.
    case string(ValueType)
    /// A string holding a counter that only increments.
    case counter
    /// A hash: fixed fields and field patterns, either possibly empty (no fields at all: untyped).
    case hash(fields: [FieldSpec])
    /// A list of elements of this type.
    case list(element: ValueType)
    /// A set of members.
    case set(member: MemberSpec)
    /// A sorted set of members and scores.
    case sortedSet(member: MemberSpec, score: ScoreType)
    /// A stream; typed when every declared field has a fixed name and there is at least one.
    case stream(fields: [FieldSpec])

    /// The declared fields of a hash or stream; empty for other types.
    public var fields: [FieldSpec] {
        switch self {
        case .hash(let fields), .stream(let fields): return fields
        default: return []
        }
    }

    /// The fields with fixed names, in order.
    public var literalFields: [(name: String, spec: FieldSpec)] {
        fields.compactMap { field in
            guard case .literal(let name) = field.name else { return nil }
            return (name, field)
        }
    }

    /// The field patterns with their value types, in order.
    public var fieldPatterns: [(pattern: FieldPattern, type: ValueType)] {
        fields.compactMap { field in
            guard case .pattern(let pattern) = field.name else { return nil }
            return (pattern, field.type)
        }
    }

    /// Whether the fields of a hash or stream are written and read as a typed `Fields` value; a hash without
    /// declared fields, and a stream with none or with dynamic ones, use untyped name-value pairs instead.
    public var hasTypedFields: Bool {
        switch self {
        case .hash: return !literalFields.isEmpty
        case .stream(let fields): return !fields.isEmpty && fieldPatterns.isEmpty
        default: return false
        }
    }
}
