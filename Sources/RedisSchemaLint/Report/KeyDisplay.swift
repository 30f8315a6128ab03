/// Renders key bytes for people: valid UTF-8 as text, anything else as `\xNN`, so binary and
/// non-UTF-8 keys never break a report (or a terminal).
public enum KeyDisplay {
    /// How many bytes of a key a report keeps: longer keys are cut (see ``excerpt(_:)``), so that
    /// what a run stores per example stays small whatever the keys are.
    public static let maxStoredBytes = 256

    /// The key as printable text. Control characters, bytes that are not UTF-8, bidirectional
    /// overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators
    /// (U+2028, U+2029) become `\xNN` per UTF-8 byte, and `\` itself becomes `\\`, so the form is
    /// unambiguous and cannot reorder or break the line it is shown on.
    public static func string(_ bytes: some Collection<UInt8>) -> String {
        var output = ""
        var rest = Array(bytes)[...]
        while let first = rest.first {
            // A fresh decoder per scalar: a decoder keeps read-ahead bytes of its own, which would
            // be decoded twice since `rest` is advanced by hand.
            var decoder = UTF8()
            var iterator = rest.makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
                output += escape(first)
                rest = rest.dropFirst()
                continue
            }
            let width = UTF8.width(scalar)
            if scalar == "\\" {
                output += "\\\\"
            } else if scalar.properties.generalCategory == .control || isLayoutControl(scalar) {
                for byte in rest.prefix(width) { output += escape(byte) }
            } else {
                output.unicodeScalars.append(scalar)
            }
            rest = rest.dropFirst(width)
        }
        return output
    }

    /// Like ``string(_:)``, but a key longer than ``maxStoredBytes`` keeps only its first bytes
    /// (cut at a character boundary) followed by `…(N bytes)`: a 200 KB key costs a report as much
    /// as a short one.
    public static func excerpt(_ bytes: some Collection<UInt8>) -> String {
        guard bytes.count > maxStoredBytes else { return string(bytes) }
        let head = Array(bytes.prefix(maxStoredBytes + 1))
        var cut = maxStoredBytes
        // Step back over UTF-8 continuation bytes so that a character is never split into escapes.
        while cut > maxStoredBytes - 3, head[cut] & 0xC0 == 0x80 { cut -= 1 }
        return string(head[..<cut]) + "…(\(bytes.count) bytes)"
    }

    /// Scalars that are not control characters but reorder or break the text around them.
    static func isLayoutControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static func escape(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16)
        return "\\x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
