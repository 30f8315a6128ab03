/// A Swift declaration of generated code, as structure: what it declares, not how it is spelled. The one
/// writer (``SwiftWriter/render(_:)``) turns it into text, breaking lines that would be too long.
indirect enum SwiftDeclaration {
    /// A `///` comment, then the declaration.
    case documented(String, SwiftDeclaration)
    /// An attribute line (`@discardableResult`), then the declaration.
    case attributed(String, SwiftDeclaration)
    /// A struct or enum with its members, separated by blank lines.
    case type(SwiftTypeDeclaration)
    /// A stored or computed property.
    case property(SwiftProperty)
    /// A function or initialiser.
    case function(SwiftFunction)
    /// Declarations written one after another without blank lines (a group of related constants).
    case group([SwiftDeclaration])
    /// Declarations that belong together but read as separate members, with blank lines between them (the two
    /// methods of one operation).
    case siblings([SwiftDeclaration])
    /// `case name` of an enum, or `case name = "raw value"`.
    case enumCase(String, rawValue: String?)
    /// `access typealias Name = Type`, e.g. a protocol's associated type.
    case typeAlias(access: String, name: String, type: String)
}

/// `nonisolated access struct Name: Conformances { members }`.
struct SwiftTypeDeclaration {
    /// `struct` or `enum`.
    enum Kind: String {
        case `struct`, `enum`
    }

    var kind: Kind
    var access: String
    var name: String
    var conformances: [String] = []
    var members: [SwiftDeclaration]
}

/// `access [static] let|var name: Type [= value]`, or a computed `var` with a body.
struct SwiftProperty {
    var access: String
    var isStatic = false
    var isMutable = false
    var name: String
    /// The declared type; `nil` lets the value's type stand (`static let keyPattern = RedisSchema.RedisPattern(…)`).
    var type: String?
    var value: SwiftExpression?
    /// The body of a computed property.
    var getter: [SwiftStatement]?
}

/// `access [static] func name(parameters) async throws(E) -> Result { body }`, or an initialiser.
struct SwiftFunction {
    /// What is declared.
    enum Kind {
        /// `func name`.
        case function(String)
        /// `init`.
        case initializer
        /// `init?`.
        case failableInitializer
    }

    var access: String
    var isStatic = false
    var kind: Kind
    /// Generic parameters, `Field: RedisSchema.RedisHashFieldValue` or `each Other: …`, written in `<…>`.
    var genericParameters: [String] = []
    var parameters: [SwiftParameter]
    var isAsync = false
    /// `throws`, `throws(RedisSchema.RedisSchemaError)`, or nothing.
    var throwsClause: String?
    var returnType: String?
    /// Requirements on the generic parameters, written after `where`.
    var requirements: [String] = []
    var body: [SwiftStatement]
}

/// `label name: Type = default`.
struct SwiftParameter {
    /// The argument label: `_` for none, or the same as `name` (then written once).
    var label: String
    var name: String
    var type: String
    var defaultValue: String?

    /// A parameter whose label is its name.
    init(_ name: String, _ type: String, default defaultValue: String? = nil) {
        self.init(label: name, name: name, type: type, default: defaultValue)
    }

    init(label: String, name: String, type: String, default defaultValue: String? = nil) {
        self.label = label
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
    }
}
