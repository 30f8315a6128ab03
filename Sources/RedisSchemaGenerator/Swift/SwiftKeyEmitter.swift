import RedisSchema
import RedisSchemaCore

/// Emits the type for one key's operation plan: metadata, the initialiser, then the plan's operations.
struct SwiftKeyEmitter {
    let plan: OperationPlan
    /// The type's name, unescaped (see ``SwiftNames/typeNames(forKeys:namespace:)``).
    let typeName: String
    let separator: String
    let access: String
    /// The namespace, escaped.
    let namespace: String

    /// The type's full name. Generated code never writes `Self.`: a key called `self` declares a type
    /// `` `Self` `` that would capture it.
    var qualifiedName: String { "\(namespace).\(SwiftNames.escaped(typeName))" }

    /// The client parameter every operation ends with.
    let clientParameter = "on client: some RedisSchema.RedisClientProtocol"

    func emit(into out: inout SwiftWriter) {
        if let purpose = plan.purpose {
            out.doc(purpose)
            out.doc("")
        }
        out.doc("`\(plan.pattern.displayForm)` · \(plan.redisType.displayName) · TTL \(plan.ttlText)")
        out.block("nonisolated \(access) struct \(SwiftNames.escaped(typeName)): RedisSchema.RedisSchemaKey") { out in
            emitMetadata(into: &out)
            out.blank()
            emitInitializer(into: &out)
            switch plan.value {
            case .string(let type): emitString(type, into: &out)
            case .counter: emitCounter(into: &out)
            case .hash: emitHash(into: &out)
            case .list(let element): emitList(element: element, into: &out)
            case .set(let member): emitSet(member: member, score: nil, into: &out)
            case .sortedSet(let member, let score): emitSet(member: member, score: score, into: &out)
            case .stream: emitStream(into: &out)
            }
        }
    }

    private func emitMetadata(into out: inout SwiftWriter) {
        out.doc("The key pattern as the schema writes it.")
        out.line("\(access) static let pattern: Swift.String = \(SwiftNames.literal(plan.pattern.source))")
        out.doc("The Redis type of these keys.")
        out.line("\(access) static let redisType: RedisSchema.RedisKeyType = .\(plan.redisType.rawValue)")
        out.doc("How long these keys live: \(plan.ttlText).")
        switch plan.ttl {
        case .none: out.line("\(access) static let ttl: RedisSchema.KeyTTL = .none")
        case .milliseconds(let ms):
            out.line("\(access) static let ttl: RedisSchema.KeyTTL = .milliseconds(\(SwiftNames.integer(ms)))")
        }
        if !plan.pattern.isLiteral {
            out.doc("The pattern with the rules its placeholder values must satisfy.")
            SwiftPatternRendering.emitDeclaration(
                "\(access) static let keyPattern", source: plan.pattern.source, separator: separator,
                parts: plan.pattern.parts, placeholders: plan.pattern.placeholders, into: &out)
        }
        out.blank()
        out.doc("The rendered key.")
        out.line("\(access) let key: Swift.String")
    }

    private func emitInitializer(into out: inout SwiftWriter) {
        let params = SwiftParam.make(plan.pattern.placeholders)
        if params.isEmpty {
            out.doc("The key `\(plan.pattern.source)`.")
            out.block("\(access) init()") { out in
                out.line("self.key = \(SwiftNames.literal(plan.pattern.source))")
            }
            return
        }
        out.doc(
            "The key for these values.\n\n- Throws: `RedisSchemaError.invalidParam` when a value is empty, contains "
                + "`\(separator)`, or breaks its placeholder's rule.")
        out.block(
            signature(
                "init(\(params.map(\.declaration).joined(separator: ", ")))", "throws(RedisSchema.RedisSchemaError)")
        ) { out in
            out.line(
                "self.key = "
                    + SwiftPatternRendering.renderExpression(
                        pattern: "\(qualifiedName).keyPattern", values: params.map(\.text)))
        }
    }

    // MARK: Helpers shared by the type emitters

    /// `access head suffix`: a declaration's header; the writer wraps it when it is too long.
    func signature(_ head: String, _ suffix: String) -> String {
        "\(access) \(head) \(suffix)"
    }

    /// The plan's operation of this kind; the translator gives every key the operations of its shape.
    func operation(_ kind: OperationKind) -> Operation {
        guard let operation = plan.operation(kind) else { preconditionFailure("no \(kind) operation planned") }
        return operation
    }

    /// The command renderer for an operation.
    func commands(_ kind: OperationKind) -> SwiftCommandRenderer {
        SwiftCommandRenderer(operation: operation(kind), literalFields: plan.value.literalFields)
    }

    /// "and sets its TTL (1 hour) in the same transaction" for doc comments, or nothing for keys without one.
    var ttlClause: String {
        plan.ttl == .none ? "" : " and sets its TTL (\(plan.ttlText)) in the same transaction"
    }

    /// `name` of a planned command, in backticks, for doc comments: "`LPUSH`".
    func commandName(_ kind: OperationKind, _ index: Int = 0) -> String {
        "`\(operation(kind).commands[index].name)`"
    }
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

    /// Names the generated bodies use for their own locals; placeholders with these names get a `_` suffix.
    private static let reservedLocals: Set<String> = [
        "client", "amount", "score", "value", "member", "fields", "field", "start", "stop", "count", "reply",
        "replies", "min", "max", "element", "id", "values", "text", "key", "hset", "hdel", "xadd", "arguments",
        "commands", "minScore", "maxScore",
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

    /// `label: Type`, or `label local: Type` when the body uses another name.
    var declaration: String {
        label == local ? "\(label): \(type)" : "\(label) \(local): \(type)"
    }

    /// `label: local`, for a call; a label in a call needs no backticks, and the compiler warns about them.
    var argument: String { "\(SwiftNames.callLabel(name)): \(local)" }

    /// The value as pattern text.
    var text: String {
        switch kind {
        case .string, .hex: return local
        case .int, .uuid: return "Swift.String(decoding: \(local).redisEncoded, as: Swift.UTF8.self)"
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
