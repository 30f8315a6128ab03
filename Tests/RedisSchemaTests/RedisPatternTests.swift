import RedisSchema
import Testing

@Suite struct RedisPatternTests {
    let session = RedisPattern(validated: "session:<sid>")

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

    /// A combining mark after the separator makes one `Character` of `:` and the mark, so a check that
    /// compares characters misses the separator; the bytes still hold it.
    @Test(arguments: ["a:\u{301}b", ":\u{301}", "x\u{301}:"])
    func refusesTheSeparatorByteHoweverUnicodeSpellsIt(value: String) {
        #expect(
            throws: RedisSchemaError.invalidParam(
                pattern: "session:<sid>", param: "sid", value: value, violation: .containsSeparator(":"))
        ) {
            try session.render([value])
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
        let pattern = RedisPattern(validated: "k:<v:\(kind.rawValue)>")
        #expect(try pattern.render([valid]) == "k:" + valid)
        #expect(
            throws: RedisSchemaError.invalidParam(
                pattern: "k:<v:\(kind.rawValue)>", param: "v", value: invalid, violation: .wrongKind(kind))
        ) {
            try pattern.render([invalid])
        }
    }

    @Test func checksEnumRegexAndMaxLength() throws {
        let rule = KeyParamRule(
            allowedValues: ["Home", "Cart", "Checkout-Long"], maxLength: 8, regex: try KeyParamRegex("[A-Z][a-z]+"))
        let pattern = RedisPattern(validated: "heatmap:<screen>", rules: ["screen": rule])
        #expect(try pattern.render(["Home"]) == "heatmap:Home")
        #expect(throws: RedisSchemaError.self) { try pattern.render(["Other"]) }
        #expect(throws: RedisSchemaError.self) { try pattern.render(["Checkout-Long"]) }
        let regexOnly = RedisPattern(validated: "r:<v>", rules: ["v": KeyParamRule(regex: try KeyParamRegex("[a-z]+"))])
        #expect(
            throws: RedisSchemaError.invalidParam(
                pattern: "r:<v>", param: "v", value: "A1", violation: .regexMismatch("[a-z]+"))
        ) {
            try regexOnly.render(["A1"])
        }
    }

    @Test func fieldPatternsRefuseValuesThatWouldNotReadBack() throws {
        let pattern = RedisPattern(validated: "<a>_<b>", separator: nil)
        #expect(try pattern.render(["x", "y"]) == "x_y")
        #expect(pattern.parse("x_y") == ["x", "y"])
        #expect(throws: RedisSchemaError.self) { try pattern.render(["x_1", "y"]) }
        // `x` + `_` + `y` would read back fine, but `x_` runs into the `_` after it.
        #expect(
            throws: RedisSchemaError.invalidParam(
                pattern: "<a>_<b>", param: "a", value: "x_", violation: .runsInto("_"))
        ) {
            try pattern.render(["x_", "y"])
        }
        // Values that end with the start of the text after them still read back: the split takes the
        // shortest first value that lets the rest match.
        let overlapping = RedisPattern(validated: "<a>ab<b>", separator: nil)
        #expect(try overlapping.render(["ca", "z"]) == "caabz")
        #expect(overlapping.parse("caabz") == ["ca", "z"])
        #expect(try overlapping.render(["c", "ab"]) == "cabab")
        #expect(
            throws: RedisSchemaError.invalidParam(
                pattern: "<a>ab<b>", param: "a", value: "xab", violation: .runsInto("ab"))
        ) {
            try overlapping.render(["xab", "z"])
        }
    }

    @Test func refusesKeysThatAMoreSpecificPatternOwns() throws {
        let owner = RedisPattern(validated: "lock:admin")
        let lock = RedisPattern(validated: "lock:<resource>", excluding: [owner])
        #expect(try lock.render(["orders"]) == "lock:orders")
        #expect(
            throws: RedisSchemaError.ownedByAnotherPattern(
                key: "lock:admin", pattern: "lock:<resource>", owner: "lock:admin")
        ) {
            try lock.render(["admin"])
        }
    }

    @Test func parsesWhatItRenders() throws {
        let member = RedisPattern(validated: "user:<id:int>:<region>")
        let text = try member.render(["42", "eu"])
        #expect(member.parse(text) == ["42", "eu"])
        #expect(member.parse("user:x:eu") == nil)
        #expect(member.parse("user:42") == nil)
        #expect(member.parse("user:42:eu:more") == nil)
        #expect(member.parse("admin:42:eu") == nil)
    }

    @Test func reportsSyntaxErrorsWithTheirOffset() {
        #expect(throws: PatternSyntaxError(.unclosed, offset: 2)) { try RedisPattern("a:<b") }
        #expect(throws: PatternSyntaxError(.unknownType("num"), offset: 2)) { try RedisPattern("a:<b:num>") }
        #expect(throws: PatternSyntaxError(.adjacentPlaceholders(previous: "a", next: "b"), offset: 3)) {
            try RedisPattern("<a><b>")
        }
        #expect(throws: PatternSyntaxError(.invalidSeparator("::"), offset: 0)) {
            try RedisPattern("a", separator: "::")
        }
    }

    @Test func errorMessagesNameThePatternAndParam() {
        let error = RedisSchemaError.invalidParam(
            pattern: "session:<sid>", param: "sid", value: "live:1", violation: .containsSeparator(":"))
        #expect(
            error.description
                == "`sid` value \"live:1\" contains the separator `:`, so it cannot be used in `session:<sid>`")
    }

    @Test func theOwnershipErrorNamesBothPatterns() {
        let error = RedisSchemaError.ownedByAnotherPattern(
            key: "lock:admin", pattern: "lock:<resource>", owner: "lock:admin")
        #expect(
            error.description
                == "`lock:admin` matches `lock:admin`, a more specific pattern of the schema that owns it, so it "
                + "cannot be written as `lock:<resource>`")
    }
}

@Suite struct PatternPrecedenceTests {
    @Test(arguments: [
        ("lock:admin", "lock:<resource>", PatternPrecedence.first),
        ("c:<any>", "c:v<n:int>", .second),
        ("a:<x>:b", "a:<y>:<z>", .first),
        ("<a>:z", "x:<b>", .second),
        ("item:<id:int>", "item:<name>", .first),
        ("item:<id>", "item:<name>", .identical),
        ("x:<a:int>:<b>", "x:<a>:<b:int>", .undecided),
        ("v<a>x:1", "w<b>y:1", .undecided),
    ])
    func ranksLiteralTextThenNarrowerPlaceholders(_ a: String, _ b: String, _ expected: PatternPrecedence) throws {
        #expect(PatternPrecedence(try RedisPattern(a), try RedisPattern(b)) == expected)
    }

    @Test func constraintsThatNeitherContainsAreUndecided() throws {
        let short = try RedisPattern("a:<x>", rules: ["x": KeyParamRule(maxLength: 5)])
        let letters = try RedisPattern("a:<y>", rules: ["y": KeyParamRule(regex: try KeyParamRegex("^[a-z]+$"))])
        #expect(PatternPrecedence(short, letters) == .undecided)
        let tap = try RedisPattern("a:<k>", rules: ["k": KeyParamRule(allowedValues: ["tap"])])
        #expect(PatternPrecedence(short, tap) == .second)
    }
}
