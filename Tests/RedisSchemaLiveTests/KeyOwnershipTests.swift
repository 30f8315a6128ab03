import RedisSchema
import Testing

/// Generated initialisers render only keys that belong to their own spec: the pattern engine refuses
/// separator bytes however Unicode spells them. (Keys that a more specific spec owns are refused too:
/// RedisPatternTests and the generator's golden `all-types` schema cover that.)
@Suite struct KeyOwnershipTests {
    @Test(arguments: ["a:\u{301}b", "\u{301}:", "live:1"])
    func separatorBytesAreRefusedHoweverTheyAreSpelled(sid: String) {
        #expect(
            throws: RedisSchemaError.invalidParam(
                pattern: "session:<sid>", param: "sid", value: sid, violation: .containsSeparator(":"))
        ) {
            try UXKeys.Session(sid: sid)
        }
    }
}
