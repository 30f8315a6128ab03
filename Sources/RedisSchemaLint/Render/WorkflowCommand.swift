/// One GitHub Actions workflow command: `::name key=value,key=value::data`.
///
/// Escaping follows the runner's rules: in the data `%`, CR and LF are percent-encoded; in
/// property values `:` and `,` are as well, since they delimit the properties.
struct WorkflowCommand {
    var name: String
    var properties: [(key: String, value: String)]
    var data: String

    /// The command as one line.
    var line: String {
        let props = properties.map { "\($0.key)=\(Self.escapeProperty($0.value))" }.joined(separator: ",")
        return "::\(name)\(props.isEmpty ? "" : " " + props)::\(Self.escapeData(data))"
    }

    static func escapeData(_ text: String) -> String {
        escape(text, [("%", "%25"), ("\r", "%0D"), ("\n", "%0A")])
    }

    static func escapeProperty(_ text: String) -> String {
        escape(text, [("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")])
    }

    /// Works on Unicode scalars, not Characters: `"\r\n"` is a single Character in Swift, so a
    /// Character-wise replacement of `"\n"` would miss it.
    private static func escape(_ text: String, _ table: [(Unicode.Scalar, String)]) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if let escaped = table.first(where: { $0.0 == scalar })?.1 {
                result += escaped
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
