/// One problem found in a schema, located and worded as advice.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// The schema cannot be used.
        case error
        /// The schema works, but probably not as its author meant.
        case warning
        /// Extra context for the diagnostic before it.
        case note

        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .note: return 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// How serious it is.
    public var severity: Severity
    /// Where it is.
    public var location: SourceLocation
    /// What is wrong and what to do about it.
    public var message: String
    /// The key spec it is about (its name under `keys:`), when it is about one.
    public var key: String?
    /// For a diagnostic about two overlapping patterns: the specs involved and where shared keys go.
    public var overlap: Overlap?

    /// Two key specs whose patterns match some of the same keys.
    public struct Overlap: Sendable, Hashable {
        /// The spec that owns keys matching both, by the precedence rule; `nil` when no rule decides.
        public var winner: String?
        /// The spec that loses such keys; `nil` when no rule decides.
        public var other: String?
        /// Both specs, in declaration order.
        public var keys: [String]
        /// A key that both patterns match.
        public var example: String
    }

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, at location: SourceLocation, _ message: String, key: String? = nil,
        overlap: Overlap? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.key = key
        self.overlap = overlap
    }

    /// `file:line:col: error: message`, the compiler's format, which editors and CI annotate.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of them is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by position, so output reads top to bottom like the file.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            if lhs.element.location != rhs.element.location { return lhs.element.location < rhs.element.location }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
