import Foundation

/// Violations a team has accepted for now, so `validate` fails only on new kinds of drift.
///
/// A baseline records *kinds* of violation, not keys: a rule with the key spec it fired on
/// (`wrong-type` on `session`), or `unknown-key` with the shape of the stray keys (`tmp:foo:<n>`).
/// Keys come and go on a live server, so recording them would make CI flaky and the file huge; a new
/// kind of violation is what a ratchet must catch. Counts are kept for information only.
public struct Baseline: Sendable, Hashable, Codable {
    /// One accepted kind of violation.
    public struct Entry: Sendable, Hashable, Codable, Comparable {
        /// The rule (its id in the file).
        public var rule: LintRule
        /// The key spec name, for rules about known patterns.
        public var pattern: String?
        /// The key shape, for `unknown-key`.
        public var shape: String?
        /// How many keys had it when the baseline was written.
        public var count: Int

        /// Creates an entry.
        public init(rule: LintRule, pattern: String? = nil, shape: String? = nil, count: Int) {
            self.rule = rule
            self.pattern = pattern
            self.shape = shape
            self.count = count
        }

        var fingerprint: Fingerprint { Fingerprint(rule: rule, subject: pattern ?? shape ?? "") }

        /// Ordered by rule id as text, then subject, so that the file's order never depends on
        /// the order rules are declared in.
        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.rule.id, lhs.pattern ?? "", lhs.shape ?? "") < (rhs.rule.id, rhs.pattern ?? "", rhs.shape ?? "")
        }
    }

    struct Fingerprint: Hashable {
        var rule: LintRule
        var subject: String
    }

    /// The format version of the file.
    public var baselineVersion = 1
    /// The schema the baseline was written against.
    public var schema: String
    /// The accepted violations.
    public var entries: [Entry]

    /// Creates a baseline.
    public init(schema: String, entries: [Entry]) {
        self.schema = schema
        self.entries = entries.sorted()
    }

    /// The kinds accepted. Baselines written before every shape was recorded may hold an
    /// `<other shapes>` bucket; it accepts nothing, since it never said which shapes it stood for.
    var fingerprints: Set<Fingerprint> {
        Set(entries.filter { $0.shape != LintAccumulator.overflowShape }.map(\.fingerprint))
    }

    /// Reads a baseline file.
    public static func load(from path: String) throws(BaselineError) -> Baseline {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.baselineVersion == 1 else {
                throw BaselineError.unsupportedVersion(path: path, version: baseline.baselineVersion)
            }
            return baseline
        } catch let error as BaselineError {
            throw error
        } catch {
            throw .malformed(path: path, reason: "\(error)")
        }
    }

    /// The file's text: sorted, pretty-printed JSON, so it diffs well in review.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}

/// Why a baseline file cannot be used.
public enum BaselineError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)
    case unsupportedVersion(path: String, version: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read the baseline `\(path)`: \(reason)"
        case .malformed(let path, let reason):
            return "`\(path)` is not a redis-schema baseline (\(reason))"
        case .unsupportedVersion(let path, let version):
            return "`\(path)` is a version \(version) baseline; this redis-schema reads version 1"
        }
    }
}
