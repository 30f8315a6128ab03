/// Groups unknown keys by shape, so a report says "2,500 keys like `tmp:foo:<n>`" rather than
/// listing keys, and a baseline can tell a new kind of stray key from more of a known one.
enum KeyShape {
    /// `tmp:foo:17` → `tmp:foo:<n>`; `sess:1a2b3c4d5e6f7a8b` → `sess:<hex>`. At most eight segments.
    static func of(_ key: UnsafeRawBufferPointer, separator: UInt8) -> String {
        var segments: [String] = []
        for segment in key.split(separator: separator, maxSplits: 8, omittingEmptySubsequences: false) {
            if segments.count == 8 {
                segments.append("…")
                break
            }
            segments.append(shape(of: segment))
        }
        return segments.joined(separator: String(UnicodeScalar(separator)))
    }

    private static func shape(of segment: Slice<UnsafeRawBufferPointer>) -> String {
        if segment.isEmpty { return "" }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        let isHex = { (byte: UInt8) in isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66) }
        if segment.allSatisfy(isDigit) { return "<n>" }
        if segment.count == 36, segment.allSatisfy({ isHex($0) || $0 == UInt8(ascii: "-") }) { return "<uuid>" }
        if segment.count >= 8, segment.allSatisfy(isHex), segment.contains(where: isDigit) { return "<hex>" }
        if segment.count > 48 { return "<long>" }
        return KeyDisplay.string(segment)
    }
}
