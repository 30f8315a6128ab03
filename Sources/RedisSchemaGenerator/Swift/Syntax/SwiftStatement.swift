/// A statement in a generated function body.
indirect enum SwiftStatement {
    /// An expression on its own (a call, `try await …`).
    case expression(SwiftExpression)
    /// `let name[: Type] = value` or `var …`.
    case binding(isMutable: Bool, name: String, type: String?, value: SwiftExpression)
    /// `target = value` (or `+=` with `operator`).
    case assignment(String, operator: String = "=", SwiftExpression)
    /// `return value`.
    case `return`(SwiftExpression?)
    /// `throw value`.
    case `throw`(SwiftExpression)
    /// `guard conditions else { body }`; several conditions go one per line.
    case `guard`([String], else: [SwiftStatement])
    /// `if condition { then } else { otherwise }`.
    case `if`(String, then: [SwiftStatement], else: [SwiftStatement]?)
    /// `for pattern in sequence { body }`.
    case `for`(String, in: SwiftExpression, body: [SwiftStatement])
    /// `switch subject { case pattern: body … default: otherwise }`.
    case `switch`(String, cases: [(pattern: String, body: [SwiftStatement])], default: [SwiftStatement]?)
}

/// An expression in generated code. Calls and arrays are structure, so the writer can break them at their
/// arguments and elements; everything else is an atom of text that is never broken.
indirect enum SwiftExpression {
    /// A name, a literal, `self.key`, `$0.id`.
    case atom(String)
    /// `base.name`.
    case member(SwiftExpression, String)
    /// `callee(label: argument, …)`, with an optional trailing closure (`callee { … }` without arguments).
    case call(SwiftExpression, [SwiftArgument], closure: SwiftClosure?)
    /// `[a, b, …]`; when broken, each row goes on its own line (a row can hold a field's name and value).
    case array(rows: [[SwiftExpression]])
    /// `[a, b, …]` with every element on its own line, however short: a transaction's commands read as a list.
    case verticalArray([SwiftExpression])
    /// `[key: value, …]`; when broken, each entry goes on its own line.
    case dictionary([(key: String, value: SwiftExpression)])
    /// `try expression`.
    case `try`(SwiftExpression)
    /// `await expression`.
    case await(SwiftExpression)
    /// `lhs op rhs`, e.g. `x == .integer(1)`, `y ?? 0`.
    case binary(SwiftExpression, String, SwiftExpression)

    /// `callee(arguments)`.
    static func call(_ callee: String, _ arguments: [SwiftArgument]) -> SwiftExpression {
        .call(.atom(callee), arguments, closure: nil)
    }

    /// `[a, b, …]`, one element per row.
    static func array(_ elements: [SwiftExpression]) -> SwiftExpression {
        .array(rows: elements.map { [$0] })
    }

    /// `try await expression`.
    static func tryAwait(_ expression: SwiftExpression) -> SwiftExpression {
        .try(.await(expression))
    }
}

/// A trailing closure: `{ parameters in body }`, or `{ body }` using `$0`.
struct SwiftClosure: ExpressibleByArrayLiteral {
    /// The closure's parameter list, `reply` or `_`, or `nil` for a closure that uses `$0`.
    var parameters: String?
    var body: [SwiftStatement]

    init(parameters: String? = nil, body: [SwiftStatement]) {
        self.parameters = parameters
        self.body = body
    }

    init(arrayLiteral statements: SwiftStatement...) {
        self.init(body: statements)
    }
}

/// One argument of a call: `label: value`, or just `value`.
struct SwiftArgument {
    var label: String?
    var value: SwiftExpression

    init(_ label: String?, _ value: SwiftExpression) {
        self.label = label
        self.value = value
    }
}

extension SwiftArgument: ExpressibleByStringLiteral {
    /// An unlabelled atom, for brevity: `"self.key"`.
    init(stringLiteral value: String) {
        self.init(nil, .atom(value))
    }
}

extension SwiftExpression: ExpressibleByStringLiteral {
    init(stringLiteral value: String) {
        self = .atom(value)
    }
}
