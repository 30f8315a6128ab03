import Foundation
import Testing

@testable import RedisSchemaLint

/// The four renderers, each checked against hand-built reports (``ReportFixtures``).
@Suite struct ReportRendererTests {}

// MARK: - Text

extension ReportRendererTests {
    @Suite struct Text {
        @Test func cleanRunHasThePatternRowsAndTheSummaryFigures() {
            let text = TextReportRenderer.render(ReportFixtures.clean())
            #expect(text.hasPrefix("redis-schema validate  redis://:***@localhost:6379  db 0  schema schema.yaml\n"))
            #expect(
                cells(row(text, "session")) == [
                    "session", "session:<sid>", "hash", "1 hour", "1,204", "58 min", "30 min", "1 h", "ok",
                ])
            #expect(
                cells(row(text, "activeUsers")) == [
                    "activeUsers", "active_users", "zset", "none", "1", "-", "-", "-", "ok",
                ])
            #expect(cells(row(text, "keys scanned")) == ["keys scanned", "1,205", "100.0% of DBSIZE 1,205"])
            #expect(cells(row(text, "checked")) == ["checked", "1,205"])
            #expect(cells(row(text, "expired mid-scan")) == ["expired mid-scan", "0"])
            #expect(cells(row(text, "errors")) == ["errors", "0"])
            #expect(cells(row(text, "duration")) == ["duration", "0.5 s", "2,410 keys/s"])
            #expect(text.contains("\nUnknown keys  none\n"))
            #expect(text.hasSuffix("\n  passed\n"))
            #expect(!text.contains("Example violations"))
            #expect(!text.contains("resume with"))
            #expect(!text.contains("confidence"))
            #expect(!text.contains("\u{1B}"))
        }

        @Test func columnsAreAligned() throws {
            let lines = TextReportRenderer.render(ReportFixtures.everyRule()).split(separator: "\n").map(String.init)
            let heading = try #require(lines.first { $0.hasPrefix("  KEY  ") })
            let session = row(lines.joined(separator: "\n"), "session")
            let active = row(lines.joined(separator: "\n"), "activeUsers")
            // Left-aligned columns start together; right-aligned ones end together.
            #expect(column(of: "PATTERN", in: heading) == column(of: "session:<sid>", in: session))
            #expect(column(of: "PATTERN", in: heading) == column(of: "active_users", in: active))
            #expect(end(of: "KEYS", in: heading) == end(of: "1,204", in: session))
            #expect(end(of: "KEYS", in: heading) == end(of: " 1 ", in: active) - 1)
            #expect(column(of: "VIOLATIONS", in: heading) == column(of: "wrong-type 3", in: session))
        }

        @Test func everyRuleReportListsViolationsByRuleInRuleOrder() throws {
            let text = TextReportRenderer.render(ReportFixtures.everyRule())
            // The long violations cell wraps under its own column to keep lines short.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let sessionIndex = try #require(lines.firstIndex { cells($0).first == "session" })
            #expect(cells(lines[sessionIndex]).last == "wrong-type 3, missing-ttl 2, ttl-exceeds 1,")
            #expect(lines[sessionIndex + 1].trimmingCharacters(in: .whitespaces) == "bad-param 1")
            #expect(
                column(of: "bad-param 1", in: lines[sessionIndex + 1])
                    == column(of: "wrong-type", in: lines[sessionIndex]))
            #expect(cells(row(text, "activeUsers")).last == "unexpected-ttl 1")
            #expect(lines.allSatisfy { $0.count <= 120 }, "\(lines.filter { $0.count > 120 })")

            let headers = [
                "unknown-key (error)  40 keys, 1 shown", "wrong-type (error)  3 keys, 1 shown",
                "missing-ttl (error)  2 keys",
                "ttl-exceeds (error)  1 key", "unexpected-ttl (warning)  1 key", "bad-param (error)  1 key",
            ]
            let positions = try headers.map { header in try #require(lines.firstIndex(of: "  " + header), "\(header)") }
            #expect(positions == positions.sorted())
            // Each example sits under its own rule's heading.
            let b2 = try #require(lines.firstIndex { cells($0).first == "session:b2" })
            #expect(positions[2] < b2 && b2 < positions[3])
            #expect(
                cells(row(text, "session:old")) == [
                    "session:old", "session", "no TTL; the schema says 1 hour (baselined)",
                ])
            #expect(cells(row(text, "blob:\\xff")) == ["blob:\\xff", "-", "matches no pattern and no ignore glob"])
            #expect(cells(row(text, "session:\\xff")) == ["session:\\xff", "session", "`sid` is not valid UTF-8"])

            #expect(text.contains("\nUnknown keys  40 in 3 shapes\n"))
            #expect(cells(row(text, "30")) == ["30", "tmp:foo:<n>", "tmp:foo:17"])
            #expect(cells(row(text, "9")) == ["9", "blob:<hex>", "blob:\\xff"])
            #expect(cells(row(text, "unknown")) == ["unknown", "40"])
            #expect(cells(row(text, "errors")) == ["errors", "47"])
            #expect(cells(row(text, "warnings")) == ["warnings", "1"])
            #expect(cells(row(text, "baselined")) == ["baselined", "1"])
            #expect(cells(row(text, "ignored")) == ["ignored", "7"])
            #expect(text.hasSuffix("\n  FAILED: 47 errors, 1 warning\n"))
            #expect(!text.contains("\u{1B}"))
        }

        @Test func unknownShapesAreCutToTheTopN() {
            let text = TextReportRenderer.render(ReportFixtures.everyRule(), maxUnknownShapes: 2)
            #expect(text.contains("\nUnknown keys  40 in 3 shapes (top 2)\n"))
            #expect(text.contains("tmp:foo:<n>"))
            #expect(!text.contains("legacy"))
        }

        @Test func interruptedRunSaysHowToResume() {
            let text = TextReportRenderer.render(ReportFixtures.interrupted())
            let lines = text.split(separator: "\n").map(String.init)
            #expect(
                lines.suffix(2) == [
                    "  scan interrupted before the end of the keyspace", "  resume with: --cursor 1234567",
                ])
            #expect(lines.contains("  confidence: " + ReportFixtures.interrupted().summary.confidence!))
            #expect(cells(row(text, "checked")) == ["checked", "120", "sample 10.0%"])
        }

        @Test func colourOnlyWhenAskedFor() {
            let failing = ReportFixtures.everyRule()
            let coloured = TextReportRenderer.render(failing, useColor: true)
            #expect(coloured.contains("\u{1B}[31mwrong-type (error)\u{1B}[0m"))
            #expect(coloured.contains("\u{1B}[33munexpected-ttl (warning)\u{1B}[0m"))
            #expect(coloured.contains("\u{1B}[31mFAILED: 47 errors, 1 warning\u{1B}[0m"))
            #expect(coloured.contains("\u{1B}[33munexpected-ttl 1\u{1B}[0m"))
            let clean = TextReportRenderer.render(ReportFixtures.clean(), useColor: true)
            #expect(clean.contains("\u{1B}[32mpassed\u{1B}[0m"))
            #expect(clean.contains("\u{1B}[32mok\u{1B}[0m"))
            // Colour is added after padding, so without it the text is exactly the plain text.
            #expect(stripANSI(coloured) == TextReportRenderer.render(failing))
            #expect(stripANSI(clean) == TextReportRenderer.render(ReportFixtures.clean()))
        }

        @Test func controlCharactersCannotReachTheTerminal() {
            var report = ReportFixtures.awkward()
            report.patterns[0].examples[0].message = "bad\u{1B}[2Jvalue\u{85}"
            let text = TextReportRenderer.render(report)
            #expect(text.contains("bad\\x1b[2Jvalue\\xc2\\x85"))
            #expect(!text.contains("\u{1B}"))
        }

        static let ttlCases: [(Double, String)] = [
            (0, "0 s"), (0.4, "<1 s"), (45, "45 s"), (59.7, "1 min"), (3480, "58 min"), (3599, "1 h"),
            (5400, "1.5 h"), (86_400, "1 d"), (7 * 86_400, "7 d"), (200 * 86_400, "200 d"),
        ]

        @Test(arguments: ttlCases)
        func ttlsInHumanUnits(seconds: Double, expected: String) {
            #expect(HumanUnits.ttl(seconds) == expected)
        }

        @Test func numbersAndElapsedTime() {
            #expect(HumanUnits.grouped(999) == "999")
            #expect(HumanUnits.grouped(1_234_567) == "1,234,567")
            #expect(HumanUnits.grouped(-1000) == "-1,000")
            #expect(HumanUnits.elapsed(4.24) == "4.2 s")
            #expect(HumanUnits.elapsed(185) == "3 min 5 s")
            #expect(HumanUnits.elapsed(7260) == "2 h 1 min")
            #expect(HumanUnits.percent(0.987) == "98.7%")
        }
    }
}

// MARK: - JSON

extension ReportRendererTests {
    @Suite struct JSON {
        @Test(arguments: ReportFixtures.names)
        func decodesBackToAnEqualReport(fixture: String) throws {
            let report = ReportFixtures.named(fixture)
            let json = JSONReportRenderer.render(report)
            #expect(try JSONDecoder().decode(LintReport.self, from: Data(json.utf8)) == report)
            #expect(json.hasSuffix("}\n"))
        }

        @Test func hasTheDocumentedFieldNames() throws {
            let object = try jsonObject(JSONReportRenderer.render(ReportFixtures.everyRule()))
            #expect(
                Set(object.keys) == [
                    "reportVersion", "schema", "server", "database", "summary", "patterns", "unknownKeys", "rules",
                ])
            #expect(object["reportVersion"] as? Int == 1)
            let summary = try #require(object["summary"] as? [String: Any])
            #expect(summary["keysScanned"] as? Int == 1205)
            #expect(summary["errors"] as? Int == 47)
            #expect((summary["violationsByRule"] as? [String: Int])?["unknown-key"] == 40)
            let patterns = try #require(object["patterns"] as? [[String: Any]])
            #expect(patterns[0]["key"] as? String == "session")
            #expect(patterns[0]["line"] as? Int == 10)
            #expect((patterns[0]["violations"] as? [String: Int])?["wrong-type"] == 3)
            #expect((patterns[0]["remainingTTL"] as? [String: Any])?["min"] as? Double == 3480)
            #expect(patterns[1]["ttlSeconds"] == nil, "absent for `ttl: none`")
            let example = try #require((patterns[0]["examples"] as? [[String: Any]])?.first)
            #expect(example["rule"] as? String == "wrong-type")
            #expect(example["severity"] as? String == "error")
            #expect(example["key"] as? String == "session:a1")
            #expect(example["pattern"] as? String == "session")
            #expect(example["baselined"] as? Bool == false)
            let unknown = try #require(object["unknownKeys"] as? [String: Any])
            #expect(unknown["count"] as? Int == 40)
            #expect((unknown["shapes"] as? [[String: Any]])?.first?["shape"] as? String == "tmp:foo:<n>")
            let unknownExample = try #require((unknown["examples"] as? [[String: Any]])?.first)
            #expect(unknownExample["key"] as? String == "blob:\\xff")
            #expect(unknownExample["pattern"] == nil, "absent for unknown keys")
            let rules = try #require(object["rules"] as? [[String: Any]])
            #expect(rules.map { $0["id"] as? String } == LintRule.allCases.map(\.id))
            #expect(rules.map { $0["severity"] as? String }.filter { $0 == "warning" }.count == 3)
        }

        @Test func keysAreSortedAndIndented() {
            let json = JSONReportRenderer.render(ReportFixtures.clean())
            let topLevel = [
                "database", "patterns", "reportVersion", "rules", "schema", "server", "summary", "unknownKeys",
            ]
            let offsets = topLevel.map { json.range(of: "\n  \"\($0)\" : ")?.lowerBound }
            #expect(!offsets.contains(nil))
            #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted())
        }

        @Test func nonFiniteNumbersDoNotBreakTheReport() throws {
            var report = ReportFixtures.clean()
            report.summary.keysPerSecond = .infinity
            let json = JSONReportRenderer.render(report)
            #expect(json.contains("\"keysPerSecond\" : \"Infinity\""))
            #expect(try JSONReportRenderer.makeDecoder().decode(LintReport.self, from: Data(json.utf8)) == report)
        }
    }
}

// MARK: - GitHub

extension ReportRendererTests {
    @Suite struct GitHub {
        @Test func oneAnnotationPerUnbaselinedExampleThenTheSummary() {
            let expected = """
                ::error file=schema.yaml,line=10,col=14,title=redis-schema wrong-type::session:a1: type is string; \
                the schema says hash
                ::error file=schema.yaml,line=10,col=14,title=redis-schema missing-ttl::session:b2: no TTL; \
                the schema says 1 hour
                ::error file=schema.yaml,line=10,col=14,title=redis-schema ttl-exceeds::session:c3: TTL 2 h is above \
                the schema's 1 hour
                ::error file=schema.yaml,line=10,col=14,title=redis-schema bad-param::session:\\xff: `sid` is not \
                valid UTF-8
                ::warning file=schema.yaml,line=30,col=14,title=redis-schema unexpected-ttl::active_users: expires in \
                58 min; the schema says ttl: none
                ::error file=schema.yaml,line=8,col=1,title=redis-schema unknown-key::blob:\\xff: matches no pattern \
                and no ignore glob
                ::notice title=redis-schema::1205 keys scanned, 1205 checked, 47 errors, 1 warning, 1 baselined, \
                40 unknown keys

                """
            #expect(GitHubReportRenderer.render(ReportFixtures.everyRule()) == expected)
        }

        @Test func escapesDataAndProperties() {
            let expected = """
                ::error file=deploy/a%2Cb%3Ac%25.yaml,line=10,col=14,title=redis-schema wrong-type::session:a,b:100%25: \
                type is string%0Athe schema says hash%0D%0A(50%25 sure)
                ::notice title=redis-schema::1205 keys scanned, 1205 checked, 1 error, 0 warnings, 0 baselined, \
                0 unknown keys

                """
            #expect(GitHubReportRenderer.render(ReportFixtures.awkward()) == expected)
            #expect(WorkflowCommand.escapeData("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e")
            #expect(WorkflowCommand.escapeProperty("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce")
        }

        @Test func cleanAndInterruptedRunsGetOnlyTheNotice() {
            #expect(
                GitHubReportRenderer.render(ReportFixtures.clean())
                    == "::notice title=redis-schema::1205 keys scanned, 1205 checked, 0 errors, 0 warnings, 0 baselined, "
                    + "0 unknown keys\n")
            #expect(
                GitHubReportRenderer.render(ReportFixtures.interrupted())
                    == "::notice title=redis-schema::1205 keys scanned, 120 checked, 0 errors, 0 warnings, 0 baselined, "
                    + "0 unknown keys; scan incomplete, resume with: --cursor 1234567\n")
        }

        @Test func unknownLocationIsLeftOut() {
            var report = ReportFixtures.everyRule()
            report.patterns = []
            report.unknownKeys.line = 0
            let first = GitHubReportRenderer.render(report).split(separator: "\n").first
            #expect(
                first
                    == "::error file=schema.yaml,title=redis-schema unknown-key::blob:\\xff: matches no pattern and no ignore glob"
            )
        }
    }
}

// MARK: - SARIF

extension ReportRendererTests {
    @Suite struct SARIF {
        @Test(arguments: ReportFixtures.names)
        func everyRequiredPropertyIsThere(fixture: String) throws {
            let report = ReportFixtures.named(fixture)
            let log = try jsonObject(SARIFReportRenderer.render(report, toolVersion: "1.2.3"))
            #expect(SARIFChecker.problems(in: log) == [])
        }

        @Test func checkerCatchesBrokenLogs() throws {
            let log = try jsonObject(SARIFReportRenderer.render(ReportFixtures.everyRule(), toolVersion: "1.2.3"))
            let breakages: [(String, ([String: Any]) -> [String: Any])] = [
                ("no version", { $0.removing("version") }),
                ("no tool", { $0.editingRun { $0.removing("tool") } }),
                ("no message", { $0.editingResult { $0.removing("message") } }),
                ("bad level", { $0.editingResult { $0.setting("level", "fatal") } }),
                ("bad ruleIndex", { $0.editingResult { $0.setting("ruleIndex", 99) } }),
                (
                    "line 0",
                    {
                        $0.editingResult {
                            $0.setting("locations", [["physicalLocation": ["region": ["startLine": 0]]]])
                        }
                    }
                ),
            ]
            for (name, breakage) in breakages {
                #expect(!SARIFChecker.problems(in: breakage(log)).isEmpty, "\(name)")
            }
        }

        @Test func driverRulesAndResults() throws {
            let report = ReportFixtures.everyRule()
            let log = try jsonObject(
                SARIFReportRenderer.render(
                    report, toolVersion: "1.2.3", informationURI: "https://example.com/redis-schema"))
            #expect(log["version"] as? String == "2.1.0")
            #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
            let run = try #require((log["runs"] as? [[String: Any]])?.first)
            let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
            #expect(driver["name"] as? String == "redis-schema")
            #expect(driver["version"] as? String == "1.2.3")
            #expect(driver["informationUri"] as? String == "https://example.com/redis-schema")
            let rules = try #require(driver["rules"] as? [[String: Any]])
            #expect(rules.map { $0["id"] as? String } == LintRule.allCases.map(\.id))
            #expect(rules[1]["name"] as? String == "WrongType")
            #expect((rules[1]["shortDescription"] as? [String: Any])?["text"] as? String == LintRule.wrongType.summary)
            #expect((rules[4]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")

            let results = try #require(run["results"] as? [[String: Any]])
            #expect(results.map { $0["ruleId"] as? String } == report.allExamples.map(\.rule.id))
            #expect(
                results.map { $0["level"] as? String } == [
                    "error", "error", "error", "error", "error", "warning", "error",
                ])
            #expect(
                results.map(location) == Array(repeating: Location(10, 14), count: 5) + [
                    Location(30, 14), Location(8, 1),
                ])
            #expect(results.allSatisfy { uri(of: $0) == "schema.yaml" })
            #expect(
                (results[0]["message"] as? [String: Any])?["text"] as? String
                    == "session:a1: type is string; the schema says hash")
            #expect(
                results.map { $0["baselineState"] as? String } == [
                    "new", "new", "unchanged", "new", "new", "new", "new",
                ])
            let suppressions = results.map { ($0["suppressions"] as? [[String: Any]])?.map { $0["kind"] as? String } }
            #expect(suppressions == [nil, nil, ["external"], nil, nil, nil, nil])

            let properties = try #require(run["properties"] as? [String: Any])
            #expect(
                (properties["violationsByRule"] as? [String: Int])
                    == Dictionary(uniqueKeysWithValues: report.summary.violationsByRule.map { ($0.key.id, $0.value) }))
            #expect(properties["keysScanned"] as? Int == 1205)
            let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
            #expect(invocation["executionSuccessful"] as? Bool == true)
        }

        @Test func fingerprintsAreStableAndDistinct() throws {
            let results = try sarifResults(ReportFixtures.everyRule())
            let prints = results.map {
                ($0["partialFingerprints"] as? [String: String])?[SARIFReportRenderer.fingerprintName]
            }
            #expect(!prints.contains(nil))
            #expect(Set(prints).count == prints.count)
            // Pinned: FNV-1a of "wrong-type\0session\0session:a1\0", so the value never drifts with Swift.
            #expect(prints[0] == "5b48332030fa1d21")
            // The message may change between releases; the fingerprint must not.
            var reworded = ReportFixtures.everyRule()
            reworded.patterns[0].examples[0].message = "different words"
            let again = try sarifResults(reworded)[0]["partialFingerprints"] as? [String: String]
            #expect(again?[SARIFReportRenderer.fingerprintName] == prints[0])
        }

        @Test func rulesMissingFromTheReportAreAddedSoIndexesHold() throws {
            var report = ReportFixtures.everyRule()
            report.rules = [RuleReport(rule: .wrongType, severity: .ignore, description: "ignored here")]
            let log = try jsonObject(SARIFReportRenderer.render(report, toolVersion: "1"))
            #expect(SARIFChecker.problems(in: log) == [])
            let run = try #require((log["runs"] as? [[String: Any]])?.first)
            let rules = try #require(
                ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
            #expect(
                rules.map { $0["id"] as? String } == [
                    "wrong-type", "unknown-key", "missing-ttl", "ttl-exceeds", "unexpected-ttl", "bad-param",
                ])
            let configuration = rules[0]["defaultConfiguration"] as? [String: Any]
            #expect(configuration?["enabled"] as? Bool == false)
            #expect(configuration?["level"] as? String == "none")
        }

        @Test func interruptedRunAndAwkwardPaths() throws {
            let log = try jsonObject(SARIFReportRenderer.render(ReportFixtures.interrupted(), toolVersion: "1"))
            let run = try #require((log["runs"] as? [[String: Any]])?.first)
            let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
            #expect(invocation["executionSuccessful"] as? Bool == false)
            #expect((invocation["properties"] as? [String: Any])?["resumeCursor"] as? String == "1234567")
            #expect((run["results"] as? [Any])?.isEmpty == true)
            #expect(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["informationUri"] == nil)

            var spaced = ReportFixtures.awkward()
            spaced.schema = "my schemas/schema v2.yaml"
            #expect(try sarifResults(spaced).map(uri) == ["my%20schemas/schema%20v2.yaml"])
        }
    }
}

// MARK: - Helpers

/// A line's cells: the text between runs of two or more spaces.
func cells(_ line: String) -> [String] {
    line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// The first line of `text` whose first cell is `first`, or `""`.
func row(_ text: String, _ first: String) -> String {
    text.split(separator: "\n").map(String.init).first { cells($0).first == first } ?? ""
}

private func column(of needle: String, in line: String) -> Int? {
    line.range(of: needle).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
}

private func end(of needle: String, in line: String) -> Int {
    line.range(of: needle).map { line.distance(from: line.startIndex, to: $0.upperBound) } ?? -1
}

private func stripANSI(_ text: String) -> String {
    text.replacing(/\u{1B}\[[0-9;]*m/, with: "")
}

private func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

private func sarifResults(_ report: LintReport) throws -> [[String: Any]] {
    let log = try jsonObject(SARIFReportRenderer.render(report, toolVersion: "1"))
    return try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
}

private struct Location: Equatable {
    var line: Int?
    var column: Int?
    init(_ line: Int?, _ column: Int?) {
        self.line = line
        self.column = column
    }
}

private func location(_ result: [String: Any]) -> Location {
    let physical = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
    let region = physical?["region"] as? [String: Any]
    return Location(region?["startLine"] as? Int, region?["startColumn"] as? Int)
}

private func uri(of result: [String: Any]) -> String? {
    let physical = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
    return (physical?["artifactLocation"] as? [String: Any])?["uri"] as? String
}

private extension Dictionary where Key == String, Value == Any {
    func removing(_ key: String) -> Self {
        var copy = self
        copy[key] = nil
        return copy
    }

    func setting(_ key: String, _ value: Any) -> Self {
        var copy = self
        copy[key] = value
        return copy
    }

    /// The log with its first run changed by `edit`.
    func editingRun(_ edit: ([String: Any]) -> [String: Any]) -> Self {
        var runs = self["runs"] as? [[String: Any]] ?? []
        runs[0] = edit(runs[0])
        return setting("runs", runs)
    }

    /// The log with the first result of its first run changed by `edit`.
    func editingResult(_ edit: ([String: Any]) -> [String: Any]) -> Self {
        editingRun { run in
            var results = run["results"] as? [[String: Any]] ?? []
            results[0] = edit(results[0])
            return run.setting("results", results)
        }
    }
}
