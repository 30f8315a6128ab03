import RedisSchema
import Testing

@Suite struct RedisPatternTests {
    let session = RedisPattern(
        "session:<sid>", separator: ":", parts: [.literal("session:"), .placeholder("sid", KeyParamRule())])

    @Test func rendersValidValues() throws {
        #expect(try session.render(["12345"]) == "session:12345")
    }

    @Test func refusesTheSeparatorSoNoValueReachesAnotherKeyspace() {
        // `session:live:1` belongs to `session:live:<sid>`.
        #expect(
            throws: RedisSchemaError.invalidParam(
                pattern: "session:<sid>", param: "sid", value: "live:1", violation: .containsSeparator(":"))
        ) {
            try session.render(["live:1"])
        }
    }

    @Test func refusesEmptyValues() {
        #expect(
            throws: RedisSchemaError.invalidParam(pattern: "session:<sid>", param: "sid", value: "", violation: .empty)
        ) {
            try session.render([""])
        }
    }

    @Test(arguments: [
        (KeyParamRule.Kind.int, "12", "1x"), (.uuid, "5f0c3b4e-8a1d-4c2e-9b7a-0123456789ab", "5f0c3b4e"),
        (.hex, "deadBEEF", "xyz"),
    ])
    func checksPlaceholderKinds(kind: KeyParamRule.Kind, valid: String, invalid: String) throws {
        let pattern = RedisPattern(
            "k:<v>", separator: ":", parts: [.literal("k:"), .placeholder("v", KeyParamRule(kind: kind))])
        #expect(try pattern.render([valid]) == "k:" + valid)
        #expect(
            throws: RedisSchemaError.invalidParam(
                pattern: "k:<v>", param: "v", value: invalid, violation: .wrongKind(kind))
        ) {
            try pattern.render([invalid])
        }
    }

    @Test func checksEnumRegexAndMaxLength() throws {
        let rule = KeyParamRule(
            allowedValues: ["Home", "Cart", "Checkout-Long"], maxLength: 8, regex: try KeyParamRegex("[A-Z][a-z]+"))
        let pattern = RedisPattern(
            "heatmap:<screen>", separator: ":", parts: [.literal("heatmap:"), .placeholder("screen", rule)])
        #expect(try pattern.render(["Home"]) == "heatmap:Home")
        #expect(throws: RedisSchemaError.self) { try pattern.render(["Other"]) }
        #expect(throws: RedisSchemaError.self) { try pattern.render(["Checkout-Long"]) }
        let regexOnly = RedisPattern(
            "r:<v>", separator: ":",
            parts: [.literal("r:"), .placeholder("v", KeyParamRule(regex: try KeyParamRegex("[a-z]+")))])
        #expect(
            throws: RedisSchemaError.invalidParam(
                pattern: "r:<v>", param: "v", value: "A1", violation: .regexMismatch("[a-z]+"))
        ) {
            try regexOnly.render(["A1"])
        }
    }

    @Test func fieldPatternsRefuseTheTextThatEndsAPlaceholder() throws {
        let pattern = RedisPattern(
            "<a>_<b>", separator: nil,
            parts: [.placeholder("a", KeyParamRule()), .literal("_"), .placeholder("b", KeyParamRule())])
        #expect(try pattern.render(["x", "y"]) == "x_y")
        #expect(throws: RedisSchemaError.self) { try pattern.render(["x_1", "y"]) }
        #expect(pattern.parse("x_y") == ["x", "y"])
    }

    @Test func parsesWhatItRenders() throws {
        let member = RedisPattern(
            "user:<id:int>:<region>", separator: ":",
            parts: [
                .literal("user:"), .placeholder("id", KeyParamRule(kind: .int)), .literal(":"),
                .placeholder("region", KeyParamRule()),
            ])
        let text = try member.render(["42", "eu"])
        #expect(member.parse(text) == ["42", "eu"])
        #expect(member.parse("user:x:eu") == nil)
        #expect(member.parse("user:42") == nil)
        #expect(member.parse("user:42:eu:more") == nil)
        #expect(member.parse("admin:42:eu") == nil)
    }

    @Test func errorMessagesNameThePatternAndParam() {
        let error = RedisSchemaError.invalidParam(
            pattern: "session:<sid>", param: "sid", value: "live:1", violation: .containsSeparator(":"))
        #expect(
            error.description
                == "`sid` value \"live:1\" contains the separator `:`, so it cannot be used in `session:<sid>`")
    }
}
