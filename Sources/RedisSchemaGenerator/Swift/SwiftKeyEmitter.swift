import RedisSchema
import RedisSchemaCore

/// What an operation's builder sends, and how its replies become the result.
enum OperationSend {
    /// The operation's one planned command, sent as it is (a read); the statements read `reply`.
    case read([SwiftStatement])
    /// The operation's planned commands, as one type-guarded write; the statements read `replies`. A refusal
    /// with the server error code `answering.code` is the result `answering.result` instead of an error
    /// (`RedisOperation.answering(_:with:)`).
    case write([SwiftStatement], answering: (code: String, result: SwiftExpression)? = nil)
    /// Steps of the operation built by `setup` and given by an expression of `[RedisSchema.RedisOperationStep]`;
    /// the statements read `replies`, the replies of all steps in order.
    case steps(setup: [SwiftStatement], SwiftExpression, [SwiftStatement])
    /// The operation another builder of the type returns (an overload that builds a `Member`).
    case delegate(SwiftExpression)
}

/// Builds the declaration of one key's type from its operation plan: metadata, the initialiser, then the
/// plan's operations.
struct SwiftKeyEmitter {
    let plan: OperationPlan
    /// The type's name, unescaped (see ``SwiftNames/typeNames(forKeys:namespace:)``).
    let typeName: String
    let separator: String
    let access: String
    /// The namespace, escaped.
    let namespace: String
    /// The `keyPattern`s of the keys whose patterns win over this one where they overlap.
    let excludedPatterns: [String]
    /// Whether the schema targets Redis Cluster (`cluster: true`): operations on several keys then refuse,
    /// before sending, keys of different hash slots.
    var cluster = false

    /// The type's full name. Generated code never writes `Self.`: a key called `self` declares a type
    /// `` `Self` `` that would capture it.
    var qualifiedName: String { "\(namespace).\(SwiftNames.escaped(typeName))" }

    /// The client parameter every operation ends with.
    let clientParameter = SwiftParameter(label: "on", name: "client", type: "some RedisSchema.RedisClientProtocol")

    func declaration() -> SwiftDeclaration {
        var doc = plan.purpose.map { $0 + "\n\n" } ?? ""
        doc += "`\(plan.pattern.displayForm)` · \(plan.redisType.displayName) · TTL \(plan.ttlText)"
        var members = [metadata()] + enumDeclarations() + [keyProperty(), initializer()]
        switch plan.value {
        case .string(let type): members += string(type)
        case .counter: members += counter()
        case .hash: members += hash()
        case .list(let element): members += list(element: element)
        case .set(let member): members += set(member: member, score: nil)
        case .sortedSet(let member, let score): members += set(member: member, score: score)
        case .stream: members += stream()
        }
        return .documented(
            doc,
            .type(
                SwiftTypeDeclaration(
                    kind: .struct, access: access, name: SwiftNames.escaped(typeName),
                    conformances: [plan.redisType == .list ? "RedisSchema.RedisListKey" : "RedisSchema.RedisSchemaKey"],
                    members: members)))
    }

    private func metadata() -> SwiftDeclaration {
        let ttl: String
        switch plan.ttl {
        case .none: ttl = ".none"
        case .milliseconds(let ms): ttl = ".milliseconds(\(SwiftNames.integer(ms)))"
        }
        var group: [SwiftDeclaration] = [
            .documented(
                "The key pattern as the schema writes it.",
                constant("pattern", "Swift.String", .atom(SwiftNames.literal(plan.pattern.source)))),
            .documented(
                "The Redis type of these keys.",
                constant("redisType", "RedisSchema.RedisKeyType", .atom(".\(plan.redisType.rawValue)"))),
            .documented(
                "How long these keys live: \(plan.ttlText).", constant("ttl", "RedisSchema.KeyTTL", .atom(ttl))),
        ]
        if case .string(let value) = plan.value {
            group.append(
                .documented(
                    "The type of the value.", .typeAlias(access: access, name: "Value", type: value.swiftType)))
        }
        if case .list(let element) = plan.value {
            // What `RedisListKey` asks for, so another list's `move(from:to:at:)` can keep this one's cap and TTL.
            let maxLength = plan.cap.maxLength.map { SwiftNames.integer(Int64($0)) } ?? "nil"
            group += [
                .documented(
                    "The type of the list's elements.",
                    .typeAlias(access: access, name: "Element", type: element.swiftType)),
                .documented(
                    "The most elements the list keeps (`maxLength`), or `nil` when it is uncapped.",
                    constant("maxLength", "Swift.Int?", .atom(maxLength))),
            ]
        }
        group.append(
            .documented(
                "The pattern with the rules its placeholder values must satisfy.",
                constant(
                    "keyPattern", nil, SwiftPatternRendering.declaration(plan.pattern, excluding: excludedPatterns))))
        return .group(group)
    }

    /// `access static let name: Type = value`.
    func constant(_ name: String, _ type: String?, _ value: SwiftExpression) -> SwiftDeclaration {
        .property(SwiftProperty(access: access, isStatic: true, name: name, type: type, value: value))
    }

    private func keyProperty() -> SwiftDeclaration {
        .documented("The rendered key.", .property(SwiftProperty(access: access, name: "key", type: "Swift.String")))
    }

    private func initializer() -> SwiftDeclaration {
        let params = keyParameters()
        if params.isEmpty {
            return .documented(
                "The key `\(plan.pattern.source)`.",
                .function(
                    SwiftFunction(
                        access: access, kind: .initializer, parameters: [],
                        body: [.assignment("self.key", .atom(SwiftNames.literal(plan.pattern.source)))])))
        }
        var throwsDoc =
            "- Throws: `RedisSchemaError.invalidParam` when a value is empty, contains `\(separator)`, or breaks its "
            + "placeholder's rule"
        if !plan.pattern.excluding.isEmpty {
            throwsDoc +=
                "; `RedisSchemaError.ownedByAnotherPattern` when the key belongs to "
                + plan.pattern.excluding.map { "`\($0.source)`" }.joined(separator: " or ")
        }
        return .documented(
            "The key for these values.\n\n" + throwsDoc + ".",
            .function(
                SwiftFunction(
                    access: access, kind: .initializer, parameters: params.map(\.parameter),
                    throwsClause: "throws(RedisSchema.RedisSchemaError)",
                    body: [
                        .assignment(
                            "self.key",
                            SwiftPatternRendering.render(
                                pattern: "\(qualifiedName).keyPattern", values: params.map(\.text)))
                    ])))
    }

    // MARK: Helpers shared by the type emitters

    /// The two methods of an operation, named as ``SwiftOperationNames`` names it (the command tables use the
    /// same names): `name(parameters) throws -> RedisOperation<Result>`, which builds the operation without
    /// sending it (for batches), and `name(parameters, on client:) async throws -> Result`, which runs it.
    ///
    /// `prepare` checks arguments and computes what the commands need (a rendered field name); `send` says
    /// what is sent and how the replies become the result.
    func method(
        _ doc: String, discardableResult: Bool = false, _ kind: OperationKind, generics: [String] = [],
        _ parameters: [SwiftParameter], returns returnType: String? = nil, requirements: [String] = [],
        prepare: [SwiftStatement] = [], _ send: OperationSend
    ) -> SwiftDeclaration {
        let name = SwiftOperationNames.base(kind)
        let result = returnType ?? "Swift.Void"
        let builder = SwiftFunction(
            access: access, kind: .function(name), genericParameters: generics, parameters: parameters,
            throwsClause: "throws", returnType: "RedisSchema.RedisOperation<\(result)>", requirements: requirements,
            body: prepare + operationStatements(kind, send))
        let arguments = parameters.map { parameter -> SwiftArgument in
            let value = parameter.type.hasPrefix("repeat ") ? "repeat each \(parameter.name)" : parameter.name
            // A label in a call needs backticks only for `inout`, `var` and `let`: `add(class: …)`, not `` `class` ``.
            let label = SwiftNames.callLabel(parameter.label.filter { $0 != "`" })
            return SwiftArgument(parameter.label == "_" ? nil : label, .atom(value))
        }
        let run = SwiftExpression.tryAwait(
            .call("client.execute", [SwiftArgument(nil, .call(.atom("self.\(name)"), arguments, closure: nil))]))
        let runner = SwiftDeclaration.function(
            SwiftFunction(
                access: access, kind: .function(name), genericParameters: generics,
                parameters: parameters + [clientParameter], isAsync: true, throwsClause: "throws",
                returnType: returnType, requirements: requirements,
                body: [returnType == nil ? .expression(run) : .return(run)]))
        let fullDoc = kind.isWrite ? documentingTheTypeGuard(doc) : doc
        let summary = doc.components(separatedBy: "\n\n")[0]
        return .siblings([
            .documented(
                summary + "\n\nReturned unsent, to run in a batch: `client.execute(…)` or `client.transaction(…)`; "
                    + "`\(name)(…, on:)` runs it at once.",
                .function(builder)),
            .documented(fullDoc, discardableResult ? .attributed("@discardableResult", runner) : runner),
        ])
    }

    /// The statements that build an operation's commands and return the `RedisOperation` that sends them.
    private func operationStatements(_ kind: OperationKind, _ send: OperationSend) -> [SwiftStatement] {
        func closure(_ parameter: String, _ decode: [SwiftStatement]) -> SwiftClosure {
            decode.isEmpty
                ? SwiftClosure(parameters: "_", body: [.expression("()")])
                : SwiftClosure(parameters: parameter, body: decode)
        }
        func operation(_ arguments: [SwiftArgument], _ closure: SwiftClosure) -> SwiftExpression {
            .call(.atom("RedisSchema.RedisOperation"), [SwiftArgument("key", "self.key")] + arguments, closure: closure)
        }
        switch send {
        case .read(let decode):
            let (setup, command) = commands(kind).readCommand()
            return setup + [.return(operation([SwiftArgument("command", command)], closure("reply", decode)))]
        case .write(let decode, let answer):
            let (setup, commands) = commands(kind).writeCommands()
            var write = operation(
                [SwiftArgument("guarding", "Self.redisType"), SwiftArgument("commands", commands)],
                closure("replies", decode))
            if let answer {
                write = .call(
                    .member(write, "answering"),
                    [SwiftArgument(nil, .atom(SwiftNames.literal(answer.code))), SwiftArgument("with", answer.result)],
                    closure: nil)
            }
            return setup + [.return(.try(write))]
        case .steps(let setup, let steps, let decode):
            return setup + [.return(operation([SwiftArgument("steps", steps)], closure("replies", decode)))]
        case .delegate(let builder):
            return [.return(.try(builder))]
        }
    }

    /// A write's doc comment with the error of its type guard added to its `Throws` line (the last line).
    private func documentingTheTypeGuard(_ doc: String) -> String {
        let wrongType = "`RedisSchemaError.wrongType` when the key holds another Redis type; then nothing changes."
        return doc.contains("\n- Throws: ") ? doc + " " + wrongType : doc + "\n\n- Throws: " + wrongType
    }

    /// The literal fields with their Swift property names.
    var fields: [SwiftField] {
        let literal = plan.value.literalFields
        return zip(literal, SwiftNames.properties(forFields: literal.map(\.name))).map { field, property in
            SwiftField(name: field.name, spec: field.spec, property: property)
        }
    }

    /// The plan's operation of this kind; the translator gives every key the operations of its shape.
    func operation(_ kind: OperationKind) -> Operation {
        guard let operation = plan.operation(kind) else { preconditionFailure("no \(kind) operation planned") }
        return operation
    }

    /// The command renderer for an operation.
    func commands(_ kind: OperationKind) -> SwiftCommandRenderer {
        SwiftCommandRenderer(operation: operation(kind), literalFields: fields)
    }

    /// `throw RedisSchema.RedisSchemaError.invalidArgument(key: self.key, message: "message")`: an argument
    /// check in a builder, before anything is sent. `message` is the literal's text, interpolations and all.
    func invalidArgument(_ message: String) -> SwiftStatement {
        .throw(
            .call(
                "RedisSchema.RedisSchemaError.invalidArgument",
                [SwiftArgument("key", "self.key"), SwiftArgument("message", .atom("\"\(message)\""))]))
    }

    /// `guard !list.isEmpty else { throw … }`: refuses an empty list argument before anything is sent, since
    /// Redis refuses the command without one.
    func refuseEmpty(_ list: String, _ message: String) -> SwiftStatement {
        .guard(["!\(list).isEmpty"], else: [invalidArgument(message)])
    }

    /// The planned command's name as a Swift string literal, for `command:` arguments.
    func commandLiteral(_ kind: OperationKind, _ index: Int = 0) -> SwiftExpression {
        .atom(SwiftNames.literal(operation(kind).commands[index].name))
    }

    /// `try RedisSchema.RedisReply.name(reply, key: self.key, command: "NAME")`.
    func readReply(_ reader: String, _ reply: SwiftExpression = "reply", _ kind: OperationKind) -> SwiftExpression {
        .try(
            .call(
                "RedisSchema.RedisReply.\(reader)",
                [
                    SwiftArgument(nil, reply), SwiftArgument("key", "self.key"),
                    SwiftArgument("command", commandLiteral(kind)),
                ]))
    }

    /// "and sets its TTL (1 hour) in the same atomic call" for doc comments, or nothing for keys without one.
    var ttlClause: String {
        plan.ttl == .none ? "" : " and sets its TTL (\(plan.ttlText)) in the same atomic call"
    }

    /// `name` of a planned command, in backticks, for doc comments: "`LPUSH`".
    func commandName(_ kind: OperationKind, _ index: Int = 0) -> String {
        "`\(operation(kind).commands[index].name)`"
    }
}
