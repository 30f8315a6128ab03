import RedisSchema
import RedisSchemaLint

/// Hand-built reports for the renderer tests: what `validate` would produce for the repository's
/// schema.yaml (`session` at line 10, column 14; `activeUsers` at line 30; `keys:` at line 8).
enum ReportFixtures {
    static let server = "redis://:***@localhost:6379"

    /// The fixtures by name, for parameterized tests (whose output then names them, not dumps them).
    static let names = ["clean", "everyRule", "interrupted", "awkward", "connectionLost"]

    static func named(_ name: String) -> LintReport {
        switch name {
        case "everyRule": return everyRule()
        case "interrupted": return interrupted()
        case "awkward": return awkward()
        case "connectionLost": return connectionLost()
        default: return clean()
        }
    }

    static var allRules: [RuleReport] {
        LintRule.allCases.map { RuleReport(rule: $0, severity: $0.defaultSeverity, description: $0.summary) }
    }

    static func session(keys: Int) -> PatternReport {
        var pattern = PatternReport(
            key: "session", pattern: "session:<sid>", type: .hash, ttl: "1 hour", ttlSeconds: 3600, line: 10,
            column: 14)
        pattern.keys = keys
        pattern.remainingTTL = TTLSummary(count: keys, min: 3480, median: 1800, p95: 3500, max: 3600)
        return pattern
    }

    static func activeUsers(keys: Int) -> PatternReport {
        var pattern = PatternReport(
            key: "activeUsers", pattern: "active_users", type: .zset, ttl: "none", ttlSeconds: nil, line: 30,
            column: 14)
        pattern.keys = keys
        return pattern
    }

    /// Every key fits the schema.
    static func clean() -> LintReport {
        var summary = LintReport.Summary()
        summary.keysScanned = 1205
        summary.keysChecked = 1205
        summary.durationSeconds = 0.5
        summary.keysPerSecond = 2410
        summary.databaseSize = 1205
        summary.complete = true
        return LintReport(
            schema: "schema.yaml", server: server, database: 0, summary: summary,
            patterns: [session(keys: 1204), activeUsers(keys: 1)], unknownKeys: UnknownKeysReport(line: 8, column: 1),
            rules: allRules)
    }

    /// Every rule broken at least once; one violation baselined; three unknown shapes.
    static func everyRule() -> LintReport {
        var report = clean()
        var session = session(keys: 1204)
        session.violations = [.wrongType: 3, .missingTTL: 2, .ttlExceeds: 1, .badParam: 1]
        session.examples = [
            Violation(
                rule: .wrongType, severity: .error, key: "session:a1", pattern: "session",
                message: "type is string; the schema says hash", baselined: false),
            Violation(
                rule: .missingTTL, severity: .error, key: "session:b2", pattern: "session",
                message: "no TTL; the schema says 1 hour", baselined: false),
            Violation(
                rule: .missingTTL, severity: .error, key: "session:old", pattern: "session",
                message: "no TTL; the schema says 1 hour", baselined: true),
            Violation(
                rule: .ttlExceeds, severity: .error, key: "session:c3", pattern: "session",
                message: "TTL 2 h is above the schema's 1 hour", baselined: false),
            Violation(
                rule: .badParam, severity: .error, key: "session:\\xff", pattern: "session",
                message: "`sid` is not valid UTF-8", baselined: false),
        ]
        var active = activeUsers(keys: 1)
        active.violations = [.unexpectedTTL: 1]
        active.examples = [
            Violation(
                rule: .unexpectedTTL, severity: .warning, key: "active_users", pattern: "activeUsers",
                message: "expires in 58 min; the schema says ttl: none", baselined: false)
        ]
        report.patterns = [session, active]
        report.unknownKeys.count = 40
        report.unknownKeys.shapes = [
            UnknownShape(shape: "tmp:foo:<n>", count: 30, example: "tmp:foo:17"),
            UnknownShape(shape: "blob:<hex>", count: 9, example: "blob:\\xff"),
            UnknownShape(shape: "legacy", count: 1, example: "legacy"),
        ]
        report.unknownKeys.examples = [
            Violation(
                rule: .unknownKey, severity: .error, key: "blob:\\xff", pattern: nil,
                message: "matches no pattern and no ignore glob", baselined: false)
        ]
        report.summary.keysUnknown = 40
        report.summary.keysExpired = 2
        report.summary.keysIgnored = 7
        report.summary.errors = 47
        report.summary.warnings = 1
        report.summary.baselined = 1
        report.summary.violationsByRule = [
            .unknownKey: 40, .wrongType: 3, .missingTTL: 2, .ttlExceeds: 1, .unexpectedTTL: 1, .badParam: 1,
        ]
        return report
    }

    /// Stopped by Ctrl-C half-way, sampling one key in ten.
    static func interrupted() -> LintReport {
        var report = clean()
        report.summary.complete = false
        report.summary.interrupted = true
        report.summary.resumeCursor = "1234567"
        report.summary.keysChecked = 120
        report.summary.sampleRate = 0.1
        report.summary.confidence = "no violations in 120 sampled keys: under 2.5% of keys break a rule (95%)"
        return report
    }

    /// Reconnected twice, then the server stayed down past `--retry-for`.
    static func connectionLost() -> LintReport {
        var report = clean()
        report.summary.complete = false
        report.summary.resumeCursor = "98304"
        report.summary.reconnects = 2
        report.summary.connectionError =
            "could not connect to 127.0.0.1:6379: connection refused; is redis-server running?"
        report.summary.partialReasons = [.connectionLost]
        return report
    }

    /// A key and message with every character the workflow-command syntax reserves.
    static func awkward() -> LintReport {
        var report = clean()
        report.schema = "deploy/a,b:c%.yaml"
        report.patterns[0].violations = [.wrongType: 1]
        report.patterns[0].examples = [
            Violation(
                rule: .wrongType, severity: .error, key: "session:a,b:100%", pattern: "session",
                message: "type is string\nthe schema says hash\r\n(50% sure)", baselined: false)
        ]
        report.summary.errors = 1
        report.summary.violationsByRule = [.wrongType: 1]
        return report
    }
}
