import Testing

@testable import RedisSchemaCore

@Suite struct KeyGlobTests {
    @Test(arguments: [
        ("bull:*", "bull:queue:1", true), ("bull:*", "bul:x", false), ("h?llo", "hello", true),
        ("h?llo", "hllo", false), ("h[ae]llo", "hallo", true), ("h[^e]llo", "hello", false),
        ("h[a-c]llo", "hbllo", true), ("*", "", true), ("a*b*c", "aXXbYYc", true), ("a*b*c", "aXXbYY", false),
        ("\\*", "*", true), ("\\*", "a", false), ("*:1", "x:y:1", true),
    ])
    func matchesLikeRedis(_ glob: String, _ key: String, _ expected: Bool) throws {
        #expect(try KeyGlob(glob).matches(Array(key.utf8)) == expected)
    }

    @Test func rejectsBrokenGlobs() {
        #expect(throws: KeyGlob.SyntaxError.self) { try KeyGlob("a[bc") }
        #expect(throws: KeyGlob.SyntaxError.self) { try KeyGlob("a\\") }
    }
}
