/// Renders key bytes for people: valid UTF-8 as text, anything else as `\xNN`, so binary and
/// non-UTF-8 keys never break a report (or a terminal).
public enum KeyDisplay {
    /// The key as printable text. Control characters and bytes that are not UTF-8 become `\xNN`, and
    /// `\` itself becomes `\\`, so the form is unambiguous.
    public static func string(_ bytes: some Collection<UInt8>) -> String {
        var output = ""
        var rest = Array(bytes)[...]
        var decoder = UTF8()
        while let first = rest.first {
            var iterator = rest.makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
                output += escape(first)
                rest = rest.dropFirst()
                continue
            }
            rest = rest.dropFirst(UTF8.width(scalar))
            if scalar == "\\" {
                output += "\\\\"
            } else if scalar.properties.generalCategory == .control {
                output += escape(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func escape(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16)
        return "\\x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
