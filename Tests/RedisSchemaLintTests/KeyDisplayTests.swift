import Testing

@testable import RedisSchemaLint

/// How keys are shown: nothing in a key may reorder, break or blank the line it is printed on, and
/// no key costs a report more than a few hundred bytes.
@Suite struct KeyDisplayTests {
    @Test(arguments: [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029])
    func layoutControlsAreEscapedByteByByte(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let key = Array("a\(Character(scalar))b".utf8)
        let shown = KeyDisplay.string(key)
        let escapes = String(Character(scalar)).utf8.map { "\\x" + String($0, radix: 16) }.joined()
        #expect(shown == "a" + escapes + "b")
        #expect(!shown.unicodeScalars.contains(scalar))
        #expect(!TerminalStyle.sanitize("x\(Character(scalar))y").unicodeScalars.contains(scalar))
    }

    @Test func ordinaryTextIsKept() {
        #expect(KeyDisplay.string(Array("café:ü:→".utf8)) == "café:ü:→")
        #expect(KeyDisplay.string([0x61, 0x0A, 0xFF]) == "a\\x0a\\xff")
    }

    @Test func longKeysAreCutToAnExcerptWithTheirLength() {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 200_000)
        let excerpt = KeyDisplay.excerpt(long)
        #expect(excerpt == String(repeating: "x", count: KeyDisplay.maxStoredBytes) + "…(200000 bytes)")
        // A cut never splits a character into escapes.
        let accented = Array(String(repeating: "é", count: 300).utf8)
        let cut = KeyDisplay.excerpt(accented)
        #expect(!cut.contains("\\x"))
        #expect(cut.hasSuffix("…(600 bytes)"))
        #expect(KeyDisplay.excerpt(Array("short".utf8)) == "short")
    }

    @Test func theEmptyKeyIsShownVisiblyInText() {
        var report = ReportFixtures.clean()
        report.unknownKeys.count = 1
        report.unknownKeys.shapes = [UnknownShape(shape: "", count: 1, example: "")]
        report.unknownKeys.examples = [
            Violation(
                rule: .unknownKey, severity: .error, key: "", pattern: nil, message: "matches no pattern",
                baselined: false)
        ]
        let text = TextReportRenderer.render(report)
        #expect(text.components(separatedBy: "(empty key)").count == 3, "\(text)")
    }
}
