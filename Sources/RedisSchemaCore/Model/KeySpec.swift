/// One declared kind of key: its pattern, Redis type, TTL and the shape of its value.
public struct KeySpec: Sendable {
    /// The name under `keys:`; generated code turns it into a type name (`sessionLive` → `SessionLive`).
    public var name: String
    /// Where the name is written.
    public var location: SourceLocation
    /// The key pattern.
    public var pattern: KeyPattern
    /// Where the pattern is written.
    public var patternLocation: SourceLocation
    /// The Redis type every such key must have.
    public var type: RedisType
    /// How long such keys live.
    public var ttl: TTL
    /// The TTL as the schema writes it (`24 hours`), for documentation.
    public var ttlText: String
    /// What the keys are for.
    public var purpose: String?
    /// The fields of a hash, or of each stream entry.
    public var fields: [FieldSpec]
    /// The type of each list element.
    public var element: ValueType?
    /// The most elements a list, or entries a stream, may keep (`LTRIM`, `XADD MAXLEN`).
    public var maxLength: Int?
    /// What the members of a set or sorted set look like.
    public var member: MemberSpec?
    /// What a sorted set's scores mean.
    public var score: ScoreType?
    /// What a string key holds.
    public var value: StringValue?

    /// Creates a key spec.
    public init(
        name: String, location: SourceLocation, pattern: KeyPattern, patternLocation: SourceLocation,
        type: RedisType, ttl: TTL, ttlText: String? = nil, purpose: String? = nil, fields: [FieldSpec] = [],
        element: ValueType? = nil,
        maxLength: Int? = nil, member: MemberSpec? = nil, score: ScoreType? = nil, value: StringValue? = nil
    ) {
        self.name = name
        self.location = location
        self.pattern = pattern
        self.patternLocation = patternLocation
        self.type = type
        self.ttl = ttl
        self.ttlText = ttlText ?? ttl.description
        self.purpose = purpose
        self.fields = fields
        self.element = element
        self.maxLength = maxLength
        self.member = member
        self.score = score
        self.value = value
    }

    /// The Swift type name generated code uses for this key.
    public var typeName: String { Identifier.upperCamelCase(name) }
}

/// One field of a hash or stream entry.
public struct FieldSpec: Sendable, Hashable {
    /// A field's name: fixed, or a pattern for dynamic names.
    public enum Name: Sendable, Hashable {
        /// A fixed field name.
        case literal(String)
        /// Dynamic field names with typed parts (`<x:int>_<y:int>`).
        case pattern(FieldPattern)

        /// The name or pattern as written.
        public var source: String {
            switch self {
            case .literal(let name): return name
            case .pattern(let pattern): return pattern.source
            }
        }
    }

    /// The field's name.
    public var name: Name
    /// The type of its value.
    public var type: ValueType
    /// Whether the field may be missing.
    public var isOptional: Bool
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a field.
    public init(name: Name, type: ValueType, isOptional: Bool = false, location: SourceLocation) {
        self.name = name
        self.type = type
        self.isOptional = isOptional
        self.location = location
    }
}

/// What the members of a set or sorted set are.
public enum MemberSpec: Sendable, Hashable {
    /// Members of a type (`member: uuid`).
    case type(ValueType)
    /// Members that follow a pattern (`member: user:<userId>`).
    case pattern(KeyPattern)

    /// The spec as written.
    public var source: String {
        switch self {
        case .type(let type): return type.rawValue
        case .pattern(let pattern): return pattern.source
        }
    }
}
