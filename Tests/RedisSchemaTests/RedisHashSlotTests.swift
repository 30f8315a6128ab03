import RedisSchema
import Testing

/// Slots as a Redis Cluster node computes them: each expected value is what `CLUSTER KEYSLOT` answered
/// on redis-server 7.0 for the same key.
@Suite struct RedisHashSlotTests {
    @Test(arguments: [
        ("foo", 12182), ("123456789", 12739), ("", 0), ("{user1000}.following", 3443), ("a{}b", 13694),
        ("{}{x}", 3257), ("x{y}z{w}", 12222), ("{", 4092), ("}a{b", 4079), ("{{a}}", 10276), ("a{b", 13340),
    ])
    func slotsAgreeWithTheServer(key: String, slot: Int) {
        #expect(RedisHashSlot.slot(of: key) == slot)
    }

    @Test func keysSharingAHashTagShareASlot() {
        let slot = RedisHashSlot.slot(of: "session:{s1}")
        #expect(RedisHashSlot.slot(of: "session:{s1}:events") == slot)
        #expect(RedisHashSlot.slot(of: "s1") == slot)
        #expect(RedisHashSlot.slot(of: "session:{s2}:events") != slot)
    }

    @Test func theHashTagIsBetweenTheFirstOpeningBraceAndTheFirstClosingOneAfterIt() {
        #expect(RedisHashSlot.hashTag(of: Array("a{b}c{d}".utf8)).map(Array.init) == Array("b".utf8))
        #expect(RedisHashSlot.hashTag(of: Array("{{a}}".utf8)).map(Array.init) == Array("{a".utf8))
        #expect(RedisHashSlot.hashTag(of: Array("a{}b".utf8)) == nil)
        #expect(RedisHashSlot.hashTag(of: Array("}a{b".utf8)) == nil)
    }
}
