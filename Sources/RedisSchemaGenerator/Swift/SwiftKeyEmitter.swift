import RedisSchema
import RedisSchemaCore

/// Emits the type for one key spec: metadata, the initialiser, then the operations of its Redis type.
struct SwiftKeyEmitter {
    let key: KeySpec
    let schema: Schema
    let access: String
    /// The namespace, escaped.
    let namespace: String

    /// The type's full name. Generated code never writes `Self.`: a key called `self` declares a type
    /// `` `Self` `` that would capture it.
    var qualifiedName: String { "\(namespace).\(SwiftNames.escaped(key.typeName))" }

    /// The client parameter every operation ends with.
    let clientParameter = "on client: some RedisSchema.RedisClientProtocol"

    func emit(into out: inout SwiftWriter) {
        if let purpose = key.purpose {
            out.doc(purpose)
            out.doc("")
        }
        out.doc("`\(key.pattern.displayForm)` · \(key.type.displayName) · TTL \(key.ttlText)")
        let name = SwiftNames.escaped(key.typeName)
        out.block("nonisolated \(access) struct \(name): RedisSchema.RedisSchemaKey") { out in
            emitMetadata(into: &out)
            out.blank()
            emitInitializer(into: &out)
            switch key.value {
            case .string(let value): emitString(value, into: &out)
            case .hash: emitHash(into: &out)
            case .list(let list): emitList(list, into: &out)
            case .set(let set): emitSet(member: set.member, score: nil, into: &out)
            case .zset(let zset): emitSet(member: zset.member, score: zset.score, into: &out)
            case .stream(let stream): emitStream(stream, into: &out)
            }
        }
    }

    private func emitMetadata(into out: inout SwiftWriter) {
        out.doc("The key pattern as the schema writes it.")
        out.line("\(access) static let pattern: Swift.String = \(SwiftNames.literal(key.pattern.source))")
        out.doc("The Redis type of these keys.")
        out.line("\(access) static let redisType: RedisSchema.RedisKeyType = .\(key.type.rawValue)")
        out.doc("How long these keys live: \(key.ttlText).")
        switch key.ttl {
        case .none: out.line("\(access) static let ttl: RedisSchema.KeyTTL = .none")
        case .milliseconds(let ms):
            out.line("\(access) static let ttl: RedisSchema.KeyTTL = .milliseconds(\(SwiftNames.integer(ms)))")
        }
        out.doc("The pattern with the rules its placeholder values must satisfy.")
        emitPattern("\(access) static let keyPattern", key.pattern, excluding: excludedPatterns, into: &out)
        out.blank()
        out.doc("The rendered key.")
        out.line("\(access) let key: Swift.String")
    }

    private func emitInitializer(into out: inout SwiftWriter) {
        let params = SwiftParam.make(key.pattern.placeholders)
        if params.isEmpty {
            out.doc("The key `\(key.pattern.source)`.")
            out.block("\(access) init()") { out in
                out.line("self.key = \(SwiftNames.literal(key.pattern.source))")
            }
            return
        }
        var throwsDoc =
            "The key for these values.\n\n- Throws: `RedisSchemaError.invalidParam` when a value is empty, contains "
            + "`\(schema.separator)`,\n  or breaks its placeholder's rule"
        if !key.pattern.excluding.isEmpty {
            throwsDoc +=
                ";\n  `RedisSchemaError.ownedByAnotherPattern` when the key belongs to "
                + key.pattern.excluding.map { "`\($0.source)`" }.joined(separator: " or ")
        }
        out.doc(throwsDoc + ".")
        out.block(
            "\(access) init(\(params.map(\.declaration).joined(separator: ", "))) throws(RedisSchema.RedisSchemaError)"
        ) {
            out in
            out.line(
                "self.key = try \(qualifiedName).keyPattern.render([\(params.map(\.text).joined(separator: ", "))])")
        }
    }

    // MARK: Helpers shared by the type emitters

    /// `static let name = RedisSchema.RedisPattern(...)` for a key, member or field pattern.
    func emitPattern(
        _ declaration: String, _ pattern: RedisPattern, excluding: [String] = [], into out: inout SwiftWriter
    ) {
        for line in SwiftPatternDeclaration.lines(declaration, pattern, excluding: excluding) { out.line(line) }
    }

    /// The `keyPattern`s of the specs whose patterns win over this key's where they overlap.
    private var excludedPatterns: [String] {
        key.pattern.excluding.compactMap { excluded in
            schema.keys.first { $0.pattern.source == excluded.source }.map {
                "\(namespace).\(SwiftNames.escaped($0.typeName)).keyPattern"
            }
        }
    }

    /// Commands that run as one transaction: `let replies = try await ...` (or `_ =`).
    func emitExecute(_ commands: [String], result: String?, into out: inout SwiftWriter) {
        let binding = result.map { "let \($0) =" } ?? "_ ="
        if commands.count == 1 {
            out.line(
                "\(binding) try await RedisSchema.RedisTransaction.execute([\(commands[0])], key: self.key, on: client)"
            )
            return
        }
        out.line("\(binding) try await RedisSchema.RedisTransaction.execute(")
        out.line("    [")
        for command in commands { out.line("        \(command),") }
        out.line("    ], key: self.key, on: client)")
    }

    /// The commands that keep this key's TTL after a write that may create it.
    var expireCommands: [String] {
        switch key.ttl {
        case .none: return []
        case .milliseconds(let ms) where ms % 1000 == 0:
            return ["RedisSchema.RedisCommand(\"EXPIRE\", self.key, \(SwiftNames.integer(ms / 1000)))"]
        case .milliseconds(let ms):
            return ["RedisSchema.RedisCommand(\"PEXPIRE\", self.key, \(SwiftNames.integer(ms)))"]
        }
    }

    /// "and refreshes its TTL (1 hour)" for doc comments, or nothing for keys without one.
    var ttlClause: String {
        key.ttl == .none ? "" : " and sets its TTL (\(key.ttlText)) in the same transaction"
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
        // A parameter called `self` would hide `self` in the body.
        "self",
    ]

    static func make(_ placeholders: [Placeholder]) -> [SwiftParam] {
        placeholders.map { placeholder in
            let local = reservedLocals.contains(placeholder.name) ? placeholder.name + "_" : placeholder.name
            let type: String
            switch placeholder.rule.kind {
            case .int: type = "Swift.Int"
            case .uuid: type = "Foundation.UUID"
            case .string, .hex: type = "Swift.String"
            }
            return SwiftParam(
                name: placeholder.name, label: SwiftNames.escaped(placeholder.name), local: SwiftNames.escaped(local),
                type: type, kind: placeholder.rule.kind)
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
