import Foundation

/// Renders a ``LintReport`` as SARIF 2.1.0 (`--format sarif`), for GitHub code scanning and other
/// static-analysis viewers.
///
/// One run; `tool.driver.rules` holds every rule of the report; each example violation is a result
/// located at its pattern's line in the schema (unknown keys: the `keys:` line). Baselined
/// violations stay in the log with `baselineState: "unchanged"` and an external suppression, so
/// viewers show them as suppressed rather than new.
public enum SARIFReportRenderer {
    /// The `partialFingerprints` entry that identifies a violation across runs.
    public static let fingerprintName = "redisSchemaViolation/v1"

    /// The report as a SARIF log, ending in a newline.
    ///
    /// - Parameters:
    ///   - report: A finished report.
    ///   - toolVersion: The version of redis-schema that produced it (`tool.driver.version`).
    ///   - informationURI: Where to read about the tool (`tool.driver.informationUri`); left out when `nil`.
    public static func render(_ report: LintReport, toolVersion: String, informationURI: String? = nil) -> String {
        let log = SARIF.Log(runs: [run(report, toolVersion: toolVersion, informationURI: informationURI)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
        } catch {
            // The log holds only strings, integers, booleans and finite numbers, which always encode.
            preconditionFailure("a SARIF log failed to encode: \(error)")
        }
    }

    static func run(_ report: LintReport, toolVersion: String, informationURI: String?) -> SARIF.Run {
        let rules = ruleDescriptors(report)
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let uri = artifactURI(report.schema)
        var results: [SARIF.Result] = []
        for pattern in report.patterns {
            let region = self.region(line: pattern.line, column: pattern.column)
            results += pattern.examples.map { result($0, ruleIndex: index[$0.rule.id] ?? 0, uri: uri, region: region) }
        }
        let unknownRegion = region(line: report.unknownKeys.line, column: report.unknownKeys.column)
        results += report.unknownKeys.examples.map {
            result($0, ruleIndex: index[$0.rule.id] ?? 0, uri: uri, region: unknownRegion)
        }
        let summary = report.summary
        return SARIF.Run(
            tool: .init(
                driver: .init(name: "redis-schema", informationUri: informationURI, version: toolVersion, rules: rules)),
            invocations: [
                .init(
                    executionSuccessful: !summary.interrupted && !summary.partialReasons.contains(where: \.failsRun),
                    toolExecutionNotifications: summary.partialReasons.isEmpty
                        ? nil
                        : summary.partialReasons.map { reason in
                            SARIF.Notification(
                                level: reason.failsRun ? "error" : "warning",
                                message: .init(text: "partial run (\(reason.rawValue)): \(reason.explanation)"))
                        },
                    properties: .init(
                        complete: summary.complete, interrupted: summary.interrupted,
                        resumeCursor: summary.resumeCursor,
                        partialReasons: summary.partialReasons.map(\.rawValue), reconnects: summary.reconnects,
                        connectionError: summary.connectionError, pacing: summary.pacing))
            ],
            results: results,
            properties: .init(
                server: report.server, database: report.database, keysScanned: summary.keysScanned,
                keysChecked: summary.keysChecked, keysUnknown: summary.keysUnknown, errors: summary.errors,
                warnings: summary.warnings, baselined: summary.baselined,
                violationsByRule: Dictionary(
                    uniqueKeysWithValues: summary.violationsByRule.map { ($0.key.id, $0.value) }),
                nodes: report.nodes, memory: report.memory))
    }

    /// The report's rules, then any rule an example names that the report left out, so that
    /// every result's `ruleIndex` points at its rule.
    static func ruleDescriptors(_ report: LintReport) -> [SARIF.ReportingDescriptor] {
        var entries: [RuleReport] = []
        for entry in report.rules where !entries.contains(where: { $0.rule == entry.rule }) {
            entries.append(entry)
        }
        for rule in Set(report.allExamples.map(\.rule)).sorted() where !entries.contains(where: { $0.rule == rule }) {
            entries.append(RuleReport(rule: rule, severity: report.severity(of: rule), description: rule.summary))
        }
        return entries.map { entry in
            SARIF.ReportingDescriptor(
                id: entry.rule.id, name: pascalCase(entry.rule.id), shortDescription: .init(text: entry.description),
                defaultConfiguration: .init(
                    enabled: entry.severity != .ignore, level: level(entry.severity, ignored: "none")))
        }
    }

    private static func result(_ violation: Violation, ruleIndex: Int, uri: String, region: SARIF.Region?)
        -> SARIF.Result
    {
        SARIF.Result(
            ruleId: violation.rule.id, ruleIndex: ruleIndex, level: level(violation.severity, ignored: "note"),
            message: .init(text: violation.annotationText),
            locations: [.init(physicalLocation: .init(artifactLocation: .init(uri: uri), region: region))],
            partialFingerprints: [
                fingerprintName: StableFingerprint.of([violation.rule.id, violation.pattern ?? "", violation.key])
            ],
            baselineState: violation.baselined ? "unchanged" : "new",
            suppressions: violation.baselined
                ? [.init(kind: "external", justification: "Covered by the redis-schema baseline.")] : nil,
            properties: .init(key: violation.key, pattern: violation.pattern))
    }

    /// SARIF lines and columns start at 1; a location the report does not know is left out.
    private static func region(line: Int, column: Int) -> SARIF.Region? {
        line >= 1 ? SARIF.Region(startLine: line, startColumn: column >= 1 ? column : nil) : nil
    }

    private static func level(_ severity: LintSeverity, ignored: String) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .ignore: return ignored
        }
    }

    /// `wrong-type` → `WrongType`, the form SARIF suggests for a rule's `name`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// The schema path as a URI reference: `artifactLocation.uri` must be a valid URI, so spaces
    /// and other characters a path may hold are percent-encoded.
    static func artifactURI(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }
}
