import RedisSchema
import RedisSchemaCore

/// A literal field of a hash or stream entry and its property in `Fields`.
struct SwiftField {
    /// The field name in Redis.
    let name: String
    let spec: FieldSpec
    /// The property, escaped.
    let property: String
}

/// A placeholder as a Swift parameter.
struct SwiftParam {
    /// The placeholder name.
    let name: String
    /// The argument label in declarations.
    let label: String
    /// The name inside the function body.
    let local: String
    /// Its Swift type.
    let type: String
    /// The pattern kind, to turn values into text and back.
    let kind: KeyParamRule.Kind
    /// The nested enum an `enum:` placeholder takes instead of `type`, qualified; `nil` for other placeholders.
    var enumType: String?

    /// Names the generated bodies use for their own locals; placeholders with these names get a `_` suffix.
    private static let reservedLocals: Set<String> = [
        "client", "amount", "score", "value", "member", "fields", "field", "start", "stop", "count", "reply",
        "replies", "min", "max", "element", "id", "values", "text", "key", "hset", "hdel", "xadd", "arguments",
        "commands", "minScore", "maxScore", "members", "order", "offset", "cursor",
        // A parameter called `self` would hide `self` in the body.
        "self",
    ]

    /// The parameters for `placeholders`; `rename` turns a placeholder name into its Swift name.
    static func make(
        _ placeholders: [Placeholder], rename: (String) -> String = { SwiftNames.valueName($0, original: $0) }
    ) -> [SwiftParam] {
        placeholders.map { placeholder in
            let name = rename(placeholder.name)
            let local = reservedLocals.contains(name) ? name + "_" : name
            let type: String
            switch placeholder.rule.kind {
            case .int: type = "Swift.Int"
            case .uuid: type = "Foundation.UUID"
            case .string, .hex: type = "Swift.String"
            }
            return SwiftParam(
                name: name, label: SwiftNames.escaped(name), local: SwiftNames.escaped(local), type: type,
                kind: placeholder.rule.kind)
        }
    }

    /// The declared parameter: `label: Type`, or `label local: Type` when the body uses another name.
    var parameter: SwiftParameter {
        SwiftParameter(label: label, name: local, type: enumType ?? type)
    }

    /// `label: local`, for a call; a label in a call needs no backticks, and the compiler warns about them.
    var argument: SwiftArgument { SwiftArgument(SwiftNames.callLabel(name), .atom(local)) }

    /// The value as pattern text.
    var text: SwiftExpression {
        if enumType != nil { return .atom("\(local).rawValue") }
        switch kind {
        case .string, .hex: return .atom(local)
        case .int, .uuid:
            return .call(
                "Swift.String",
                [SwiftArgument("decoding", .atom("\(local).redisEncoded")), SwiftArgument("as", "Swift.UTF8.self")])
        }
    }
}

extension ValueType {
    /// The Swift type that holds this value type.
    var swiftType: String {
        switch self {
        case .string: return "Swift.String"
        case .int, .timestamp: return "Swift.Int"
        case .float: return "Swift.Double"
        case .bool: return "Swift.Bool"
        case .uuid: return "Foundation.UUID"
        case .datetime: return "Foundation.Date"
        case .json: return "RedisSchema.JSONValue"
        }
    }
}
