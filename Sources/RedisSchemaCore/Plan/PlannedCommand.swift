import RedisSchema

/// One Redis command an operation sends, with typed arguments that each renderer spells its own way
/// (a Swift expression, a sample value in `docs`, a placeholder in the command tables).
public struct PlannedCommand: Sendable, Hashable {
    /// When the command is sent.
    public enum Condition: Sendable, Hashable {
        /// Always.
        case always
        /// Only when its spread arguments (``CommandArgument/setFields(_:)``, ``CommandArgument/unsetFields(_:)``)
        /// are not empty: `HSET` of the fields that have values, `HDEL` of the optional ones that are `nil`.
        case whenSpreadIsNotEmpty
        /// Only when the order parameter is descending (`true`) or ascending (`false`): `ZREVRANK` or `ZRANK`,
        /// one of which is sent.
        case whenOrder(parameter: String, isDescending: Bool)
    }

    /// The command name, upper case.
    public var name: String
    /// Its arguments, in order.
    public var arguments: [CommandArgument]
    /// When it is sent.
    public var condition: Condition

    /// Creates a command.
    public init(_ name: String, _ arguments: [CommandArgument], condition: Condition = .always) {
        self.name = name
        self.arguments = arguments
        self.condition = condition
    }
}

/// An argument of a ``PlannedCommand``.
public enum CommandArgument: Sendable, Hashable {
    /// The key itself.
    case key
    /// The value of the operation's parameter with this name, encoded as the parameter's type says.
    case parameter(String)
    /// Fixed text, such as `WITHSCORES` or `*`.
    case literal(String)
    /// A fixed integer, such as an `LTRIM` bound.
    case integer(Int)
    /// The TTL in seconds (`EXPIRE`, `SET … EX`).
    case ttlSeconds(Int64)
    /// The TTL in milliseconds (`PEXPIRE`, `SET … PX`).
    case ttlMilliseconds(Int64)
    /// The cap of a stream (the `n` of `XADD … MAXLEN ~ n` or `MAXLEN = n`).
    case cap(Int)
    /// The field name: rendered from the field pattern's placeholder parameters, or the fixed field named by
    /// the operation's ``OperationParameter/Kind/fixedField`` parameter.
    case renderedField
    /// The names of the fixed fields of the parameter (``OperationParameter/Kind/fixedFields``), in order.
    case fieldNames(String)
    /// `name value` for every field of the parameter that has a value (typed fields, or an untyped list of pairs).
    case setFields(String)
    /// The names of the parameter's optional fields that are `nil`.
    case unsetFields(String)
    /// `name value` when the optional parameter is given (`COUNT n`), nothing otherwise.
    case optionalOption(name: String, parameter: String)
    /// Every element of a parameter that holds several (list elements, set members, stream entry IDs), one
    /// argument each, in order: `LPUSH key e1 e2 …`, `SADD key m1 m2 …`, `XACK key group id1 id2 …`.
    case each(String)
    /// The optional parameter's value when it is given (`XPENDING`'s consumer), nothing otherwise.
    case optionalParameter(String)
    // Sorted sets.
    /// `score member` for every pair of the parameter (``OperationParameter/Kind/scoredMembers(_:_:)``).
    case scoredPairs(String)
    /// `REV` when the order parameter is descending, nothing otherwise.
    case reverse(order: String)
    /// The bounds of `ZRANGE … BYSCORE`: `min max`, or `max min` when the order is descending (`REV` reads
    /// from the high end); a `nil` bound is `-inf` or `+inf`.
    case scoreBounds(min: String, max: String, order: String)
    /// `LIMIT offset count` when the optional count is given or the offset is not 0 (Redis needs both; a count of
    /// -1 means all the rest), nothing otherwise.
    case limit(offset: String, count: String)
}
