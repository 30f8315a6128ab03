import RedisSchema

extension KeySpec {
    /// What a key holds, by Redis type. Each case carries only what the schema lets that type
    /// declare, with the schema's defaults already applied, so a consumer switches once and never
    /// meets an option that does not apply.
    public enum Value: Sendable, Hashable {
        /// A string: a typed scalar or a counter (`value:`; default `string`).
        case string(StringValue)
        /// A hash with its fields.
        case hash(HashSpec)
        /// A list of typed elements, optionally capped.
        case list(ListSpec)
        /// A set of typed or patterned members.
        case set(SetSpec)
        /// A sorted set: members and what their scores mean.
        case zset(SortedSetSpec)
        /// A stream whose entries have fields, optionally capped.
        case stream(StreamSpec)

        /// The Redis type of the case.
        public var type: RedisKeyType {
            switch self {
            case .string: return .string
            case .hash: return .hash
            case .list: return .list
            case .set: return .set
            case .zset: return .zset
            case .stream: return .stream
            }
        }
    }
}

/// What a hash declares.
public struct HashSpec: Sendable, Hashable {
    /// Its fields (`fields:`); empty when the schema lists none.
    public var fields: [FieldSpec]

    /// Creates a hash spec.
    public init(fields: [FieldSpec] = []) {
        self.fields = fields
    }
}

/// What a list declares.
public struct ListSpec: Sendable, Hashable {
    /// The type of each element (`element:`; default `string`).
    public var element: ValueType
    /// The most elements the list keeps (`maxLength:`, enforced with `LTRIM`); `nil` for no cap.
    public var maxLength: Int?

    /// Creates a list spec.
    public init(element: ValueType = .string, maxLength: Int? = nil) {
        self.element = element
        self.maxLength = maxLength
    }
}

/// What a set declares.
public struct SetSpec: Sendable, Hashable {
    /// What its members look like (`member:`; default any string).
    public var member: MemberSpec

    /// Creates a set spec.
    public init(member: MemberSpec = .type(.string)) {
        self.member = member
    }
}

/// What a sorted set declares.
public struct SortedSetSpec: Sendable, Hashable {
    /// What its members look like (`member:`; default any string).
    public var member: MemberSpec
    /// What its scores mean (`score:`; default `float`, any number, as Redis stores them).
    public var score: ScoreType

    /// Creates a sorted set spec.
    public init(member: MemberSpec = .type(.string), score: ScoreType = .float) {
        self.member = member
        self.score = score
    }
}

/// What a stream declares.
public struct StreamSpec: Sendable, Hashable {
    /// The fields of each entry (`fields:`); empty when the schema lists none.
    public var fields: [FieldSpec]
    /// The most entries the stream keeps (`maxLength:`, enforced with `XADD MAXLEN`); `nil` for no cap.
    public var maxLength: Int?
    /// How `XADD` trims to `maxLength` (`trim:`; default `approximate`); meaningless without a cap.
    public var trimming: StreamTrimming

    /// Creates a stream spec.
    public init(fields: [FieldSpec] = [], maxLength: Int? = nil, trimming: StreamTrimming = .approximate) {
        self.fields = fields
        self.maxLength = maxLength
        self.trimming = trimming
    }
}
