import Foundation

// TEMPORARY until the renderers branch merges.
public enum TextReportRenderer {
    public static func render(_ report: LintReport, useColor: Bool) -> String { JSONReportRenderer.render(report) }
}
public enum JSONReportRenderer {
    public static func render(_ report: LintReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try! encoder.encode(report), as: UTF8.self)
    }
}
public enum GitHubReportRenderer {
    public static func render(_ report: LintReport) -> String { "" }
}
public enum SARIFReportRenderer {
    public static func render(_ report: LintReport, toolVersion: String) -> String { "" }
}
