import Testing

@testable import RedisSchemaCore

@Suite struct TTLTests {
    @Test(
        arguments: [
            ("3600", 3_600_000), ("90s", 90_000), ("5m", 300_000), ("5 min", 300_000), ("1h", 3_600_000),
            ("1 hour", 3_600_000), ("24 hours", 86_400_000), ("7d", 604_800_000), ("7 days", 604_800_000),
            ("1h30m", 5_400_000), ("1h 30m", 5_400_000), ("2 weeks", 1_209_600_000), ("500ms", 500),
            ("1 Hour", 3_600_000), (" 10 seconds ", 10_000),
        ] as [(String, Int64)])
    func parsesDurations(_ text: String, _ milliseconds: Int64) {
        #expect(TTL(parsing: text) == .milliseconds(milliseconds))
    }

    @Test(arguments: [
        "", "0", "5 parsecs", "h", "1.5h", "-5", "1h30", "ten minutes", "99999999999999999999", "1 hour ago",
    ])
    func rejectsNonDurations(_ text: String) {
        #expect(TTL(parsing: text) == nil)
    }

    @Test func noneMeansForever() {
        #expect(TTL(parsing: "none") == TTL.none)
        #expect(TTL.none.seconds == nil)
    }

    @Test func describesReadably() {
        #expect(TTL.milliseconds(3_600_000).description == "1 hour")
        #expect(TTL.milliseconds(5_400_000).description == "1 hour 30 min")
        #expect(TTL.milliseconds(1500).seconds == 2, "EXPIRE needs whole seconds; round up, never down to 0")
    }
}
