import Testing

@testable import RedisSchemaLint

@Suite struct LintRuleTests {
    @Test func idsAndDefaultSeveritiesAreStable() {
        #expect(
            LintRule.allCases.map(\.id) == [
                "unknown-key", "wrong-type", "missing-ttl", "ttl-exceeds", "unexpected-ttl", "bad-param",
                "undeclared-field", "missing-field", "bad-value", "too-long", "big-key",
            ])
        #expect(
            LintRule.allCases.filter { $0.defaultSeverity == .warning } == [.unexpectedTTL, .undeclaredField, .bigKey])
    }

    @Test func policyOverridesDefaults() {
        var policy = RulePolicy()
        policy.set(.unexpectedTTL, to: .error)
        policy.set(.badParam, to: .ignore)
        #expect(policy.severity(of: .unexpectedTTL) == .error)
        #expect(!policy.isEnabled(.badParam))
        #expect(policy.severity(of: .wrongType) == .error)
    }
}
