import RedisSchema
import RedisSchemaCore

/// Decides what one key is and which rules it breaks, from its name, `TYPE` and `PTTL`.
///
/// Pure and allocation-free for keys that follow the schema; only violations build messages.
struct KeyClassifier: Sendable {
    /// What a key turned out to be.
    enum Outcome {
        /// It vanished between SCAN and TYPE/PTTL (expired or deleted): never a violation.
        case expired
        /// It matches an `ignore` glob.
        case ignored
        /// It matches no pattern.
        case unknown
        /// It belongs to the key spec at `pattern`; `violations` lists what it breaks (may be empty).
        case checked(pattern: Int, violations: Violations)
    }

    /// The rules a key breaks, with what is needed to explain them.
    struct Violations {
        var wrongType: ObservedType?
        var ttl: LintRule?
        var remainingMilliseconds: Int64 = 0
        var badParam: (placeholder: Int, KeyParamViolation)?

        var isEmpty: Bool { wrongType == nil && ttl == nil && badParam == nil }
    }

    let schema: Schema
    let matcher: KeyMatcher
    let policy: RulePolicy
    /// Declared TTLs, in milliseconds, plus the tolerance; `nil` for `ttl: none`.
    private let ttlLimits: [Int64?]
    /// The policy's answers for the rules asked about every key, read once: ``RulePolicy`` looks
    /// severities up in a dictionary, which per key was a visible share of the client's CPU.
    private let checks: Checks

    private struct Checks {
        var badParam, wrongType, missingTTL, ttlExceeds, unexpectedTTL: Bool

        init(_ policy: RulePolicy) {
            badParam = policy.isEnabled(.badParam)
            wrongType = policy.isEnabled(.wrongType)
            missingTTL = policy.isEnabled(.missingTTL)
            ttlExceeds = policy.isEnabled(.ttlExceeds)
            unexpectedTTL = policy.isEnabled(.unexpectedTTL)
        }
    }

    /// Remaining TTLs may exceed the declared TTL by this much before `ttl-exceeds` fires: 1 s for
    /// `EXPIRE`'s whole seconds and clock granularity, plus 1% for writers that round up.
    static func tolerance(forMilliseconds declared: Int64) -> Int64 {
        1000 + declared / 100
    }

    init(schema: Schema, policy: RulePolicy) {
        self.schema = schema
        self.matcher = schema.makeMatcher()
        self.policy = policy
        self.checks = Checks(policy)
        self.ttlLimits = schema.keys.map { key in
            key.ttl.milliseconds.map { $0 + Self.tolerance(forMilliseconds: $0) }
        }
    }

    func classify(
        _ key: UnsafeRawBufferPointer, type: ObservedType, pttl: Int64, scratch: inout KeyMatcher.Scratch
    ) -> Outcome {
        if type == .missing || pttl == -2 { return .expired }
        var violations = Violations()
        let pattern: Int
        switch matcher.match(key, scratch: &scratch) {
        case .matched(let index):
            pattern = index
        case .badParam(let index, let placeholder, let problem):
            if isIgnored(key) { return .ignored }
            pattern = index
            if checks.badParam { violations.badParam = (placeholder, problem) }
        case .unmatched:
            return isIgnored(key) ? .ignored : .unknown
        }
        let spec = schema.keys[pattern]
        if type != .redis(spec.type), checks.wrongType {
            violations.wrongType = type
        }
        violations.remainingMilliseconds = pttl
        if let limit = ttlLimits[pattern] {
            if pttl == -1, checks.missingTTL {
                violations.ttl = .missingTTL
            } else if pttl > limit, checks.ttlExceeds {
                violations.ttl = .ttlExceeds
            }
        } else if pttl >= 0, checks.unexpectedTTL {
            violations.ttl = .unexpectedTTL
        }
        return .checked(pattern: pattern, violations: violations)
    }

    /// Whom a key belongs to by its name alone.
    enum NameOwner: Equatable {
        /// The key spec at this index (also when a placeholder breaks its rule: `bad-param`).
        case spec(Int)
        /// An `ignore` glob.
        case ignored
        /// Nobody: an unknown key.
        case unknown
    }

    /// Whom `key` belongs to by its name, as ``classify(_:type:pttl:scratch:)`` decides it.
    func owner(ofName key: UnsafeRawBufferPointer, scratch: inout KeyMatcher.Scratch) -> NameOwner {
        switch matcher.match(key, scratch: &scratch) {
        case .matched(let index): return .spec(index)
        case .badParam(let index, _, _): return isIgnored(key) ? .ignored : .spec(index)
        case .unmatched: return isIgnored(key) ? .ignored : .unknown
        }
    }

    private func isIgnored(_ key: UnsafeRawBufferPointer) -> Bool {
        schema.ignore.contains { $0.glob.matches(key) }
    }

    /// A sentence explaining one violation of `key`'s spec.
    func message(for rule: LintRule, pattern: Int, violations: Violations, key: [UInt8]) -> String {
        let spec = schema.keys[pattern]
        switch rule {
        case .wrongType:
            return "is a \(violations.wrongType?.name ?? "?") but `\(spec.name)` keys are \(spec.type.pluralName)"
        case .missingTTL:
            return "never expires but `\(spec.name)` keys must expire within \(spec.ttlText)"
        case .ttlExceeds:
            return "expires in \(DurationText.describe(milliseconds: violations.remainingMilliseconds)), longer than "
                + "`\(spec.name)`'s TTL of \(spec.ttlText)"
        case .unexpectedTTL:
            return
                "expires in \(DurationText.describe(milliseconds: violations.remainingMilliseconds)) but `\(spec.name)` "
                + "keys are declared `ttl: none`"
        case .badParam:
            guard let (placeholder, problem) = violations.badParam else { return "has a bad placeholder value" }
            let name = spec.pattern.placeholders[placeholder].name
            let value = matcher.captures(of: pattern, in: key)[placeholder]
            return "`<\(name)>` is `\(KeyDisplay.excerpt(value))`, which \(problem) (pattern `\(spec.pattern.source)`)"
        case .unknownKey:
            return "matches no pattern in the schema"
        case .undeclaredField, .missingField, .badValue, .tooLong, .bigKey:
            // Deep findings carry their own messages (``DeepRead``); the classifier never sees values.
            return rule.summary
        }
    }
}

/// Human durations for messages: `58 min`, `2 hours 5 min`, `1.5 s`.
enum DurationText {
    static func describe(milliseconds: Int64) -> String {
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        if milliseconds < 60_000 {
            let tenths = (milliseconds + 50) / 100
            return tenths % 10 == 0 ? "\(tenths / 10) s" : "\(tenths / 10).\(tenths % 10) s"
        }
        return TTL.milliseconds(milliseconds / 1000 * 1000).description
    }
}

extension RedisKeyType {
    var pluralName: String {
        switch self {
        case .string: return "strings"
        case .hash: return "hashes"
        case .list: return "lists"
        case .set: return "sets"
        case .zset: return "sorted sets (zset)"
        case .stream: return "streams"
        }
    }
}
