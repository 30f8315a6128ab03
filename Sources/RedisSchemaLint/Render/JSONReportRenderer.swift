import Foundation

/// Renders a ``LintReport`` as JSON (`--format json`): the model itself, field for field.
///
/// The field names are a documented, stable interface (docs/report-format.md). Keys are sorted
/// and the output is indented, so that two reports of the same keyspace diff cleanly.
public enum JSONReportRenderer {
    /// The report as a JSON document, ending in a newline.
    public static func render(_ report: LintReport) -> String {
        do {
            let data = try makeEncoder().encode(report)
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            // Only non-finite numbers make JSONEncoder throw, and the encoder writes those as
            // strings; a report is plain values otherwise, so this cannot happen.
            preconditionFailure("a LintReport failed to encode: \(error)")
        }
    }

    /// The encoder ``render(_:)`` uses.
    ///
    /// JSON has no infinity or NaN; a degenerate rate (keys / 0 s) is written as the string
    /// `"Infinity"` or `"NaN"` rather than failing the whole report.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// A decoder that reads what ``render(_:)`` writes back into a ``LintReport``.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }
}
