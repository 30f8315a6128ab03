/// The checks `validate` applies to every key, each with a stable id for reports, baselines and
/// command-line overrides.
public enum LintRule: String, Sendable, Hashable, CaseIterable, Codable, Comparable, CustomStringConvertible {
    /// The key matches no pattern and no `ignore` glob.
    case unknownKey = "unknown-key"
    /// The key's Redis type differs from the declared one.
    case wrongType = "wrong-type"
    /// The schema declares a TTL; the key has none.
    case missingTTL = "missing-ttl"
    /// The key's remaining TTL is above the declared TTL (beyond the tolerance).
    case ttlExceeds = "ttl-exceeds"
    /// The schema says `ttl: none`; the key expires.
    case unexpectedTTL = "unexpected-ttl"
    /// The key has a pattern's shape, but a placeholder value breaks its type or constraints.
    case badParam = "bad-param"
    /// `--deep`: a hash or stream entry has a field the schema does not declare.
    case undeclaredField = "undeclared-field"
    /// `--deep`: a hash or stream entry lacks a field the schema declares required.
    case missingField = "missing-field"
    /// `--deep`: a value (string, field, element, member or score) is not of its declared type, or a
    /// member breaks its pattern.
    case badValue = "bad-value"
    /// `--deep`: a list or stream holds more than its declared `maxLength`.
    case tooLong = "too-long"
    /// `--max-key-bytes`: `MEMORY USAGE` puts the key over the limit.
    case bigKey = "big-key"

    /// The id used in reports and on the command line.
    public var id: String { rawValue }

    /// The id, so that interpolating a rule never shows a Swift case name.
    public var description: String { id }

    /// How serious a violation is unless the command line says otherwise.
    public var defaultSeverity: LintSeverity {
        // A big key is a cost, not a broken contract; an undeclared field is often a writer ahead of the schema.
        self == .unexpectedTTL || self == .undeclaredField || self == .bigKey ? .warning : .error
    }

    /// One line saying what the rule checks.
    public var summary: String {
        switch self {
        case .unknownKey: return "The key matches no pattern in the schema and no `ignore` glob."
        case .wrongType: return "The key's Redis type differs from the type the schema declares."
        case .missingTTL: return "The schema declares a TTL for the key's pattern, but the key never expires."
        case .ttlExceeds: return "The key's remaining TTL is longer than the schema's TTL for its pattern."
        case .unexpectedTTL:
            return "The schema says the key's pattern never expires (`ttl: none`), but the key expires."
        case .badParam: return "The key has a pattern's shape, but a placeholder value breaks its type or constraints."
        case .undeclaredField: return "A hash or stream entry has a field the schema does not declare (`--deep`)."
        case .missingField: return "A hash or stream entry lacks a field the schema declares required (`--deep`)."
        case .badValue:
            return "A value, field, element, member or score is not of its declared type or pattern (`--deep`)."
        case .tooLong: return "A list or stream holds more entries than its declared `maxLength` (`--deep`)."
        case .bigKey: return "`MEMORY USAGE` puts the key over `--max-key-bytes`."
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: LintRule, rhs: LintRule) -> Bool { lhs.rank < rhs.rank }
}

// Dictionaries keyed by rule (`violationsByRule`) encode as JSON objects keyed by rule id, as the
// report format documents, rather than as `[key, value, …]` arrays.
@available(macOS 12.3, iOS 15.4, tvOS 15.4, watchOS 8.5, *)
extension LintRule: CodingKeyRepresentable {}

/// How a rule's violations count.
public enum LintSeverity: String, Sendable, Hashable, CaseIterable, Codable {
    /// Violations fail the run (exit code 1).
    case error
    /// Violations are reported but do not fail the run.
    case warning
    /// The rule is not checked.
    case ignore
}

/// The severity of every rule: defaults, overridden from the command line.
public struct RulePolicy: Sendable, Hashable {
    private var overrides: [LintRule: LintSeverity] = [:]

    /// The defaults.
    public init() {}

    /// Sets `rule`'s severity.
    public mutating func set(_ rule: LintRule, to severity: LintSeverity) {
        overrides[rule] = severity
    }

    /// `rule`'s severity.
    public func severity(of rule: LintRule) -> LintSeverity {
        overrides[rule] ?? rule.defaultSeverity
    }

    /// Whether `rule` is checked at all.
    public func isEnabled(_ rule: LintRule) -> Bool {
        severity(of: rule) != .ignore
    }
}
