import RedisSchema

/// A key pattern such as `rage:<sid>:<element>`, or a member pattern: the runtime's pattern engine,
/// which owns the grammar, rendering, matching and precedence of every pattern.
public typealias KeyPattern = RedisPattern

/// A dynamic hash field name such as `<x:int>_<y:int>`: the runtime's pattern engine without a separator.
public typealias FieldPattern = RedisPattern

extension PatternSyntaxError {
    /// The message, with a suggestion for a misspelled placeholder type.
    var advice: String {
        guard case .unknownType(let name) = reason else { return message }
        return message + Suggestion.didYouMean(name, among: KeyParamRule.Kind.allCases.map(\.rawValue))
    }
}
