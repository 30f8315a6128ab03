import Foundation
import Testing

@testable import RedisSchemaLint

/// The `--memory` section of each format, on a hand-built report: human units, the small-sample
/// mark, an unknown interval, and that reports without `--memory` stay as they were.
struct MemoryRenderTests {
    static func report() -> LintReport {
        var report = ReportFixtures.clean()
        var memory = MemoryReport(sampleRate: 0.01, samples: 5)
        memory.keysSampled = 1_502
        memory.keysVanished = 3
        memory.estimatedBytes = 3_355_443
        memory.estimatedBytesLow = 3_040_870
        memory.estimatedBytesHigh = 3_670_016
        var tmp = MemoryGroup(kind: .unknown, name: "tmp:<n>", pattern: nil)
        tmp.keysSeen = 150_000
        tmp.keysSampled = 1_500
        tmp.meanBytes = 22
        tmp.estimatedBytes = 3_300_000
        tmp.estimatedBytesLow = 3_000_000
        tmp.estimatedBytesHigh = 3_600_000
        tmp.share = 0.983
        tmp.largestKeys = [SizedKey(key: "tmp:9", bytes: 96)]
        var blob = MemoryGroup(kind: .pattern, name: "blob", pattern: "blob:<id>")
        blob.keysSeen = 40
        blob.keysSampled = 1
        blob.meanBytes = 2_662
        blob.estimatedBytes = 106_496
        blob.smallSample = true
        blob.share = 0.017
        var session = MemoryGroup(kind: .pattern, name: "session", pattern: "session:<sid>")
        session.keysSeen = 12
        session.smallSample = true
        memory.groups = [tmp, blob, session]
        report.memory = memory
        return report
    }

    @Test func bytesReadInBinaryUnits() {
        #expect(HumanUnits.bytes(0) == "0 B")
        #expect(HumanUnits.bytes(1023) == "1023 B")
        #expect(HumanUnits.bytes(1024) == "1.0 KiB")
        #expect(HumanUnits.bytes(10_240) == "10.0 KiB")
        #expect(HumanUnits.bytes(150 * 1024) == "150 KiB")
        #expect(HumanUnits.bytes(1024 * 1024 - 1) == "1.0 MiB")
        #expect(HumanUnits.bytes(3.5 * 1024 * 1024 * 1024) == "3.5 GiB")
        #expect(HumanUnits.bytes(.nan) == "?")
    }

    @Test func textHasOneRowPerGroupAndMarksSmallSamples() {
        let text = TextReportRenderer.render(Self.report())
        #expect(
            text.contains("Memory  ~3.2 MiB (95%: 2.9 MiB–3.5 MiB)  MEMORY USAGE of 1,502 keys (sample 1.0%)"),
            "\(text)")
        let lines = text.split(separator: "\n").map(String.init)
        let tmp = lines.first { $0.hasPrefix("  tmp:<n>") }?.split(separator: " ").map(String.init)
        #expect(
            tmp == [
                "tmp:<n>", "unknown", "150,000", "1,500", "22", "B", "3.1", "MiB", "2.9", "MiB–3.4", "MiB", "98.3%",
            ])
        let blob = lines.first { $0.hasPrefix("  blob") }
        #expect(blob?.contains("104 KiB *") == true && blob?.contains("?") == true, "\(blob ?? "")")
        #expect(
            lines.first { $0.hasPrefix("  session ") && $0.contains(" pattern ") }?.contains("none sampled") == true)
        #expect(text.contains("* fewer than 30 keys measured: the interval is wide"))
        #expect(text.contains("3 sampled keys gone before MEMORY USAGE"))
        #expect(text.contains("    tmp:<n>: tmp:9 96 B\n"))
        // Memory comes after the unknown keys and before the examples and summary.
        let memory = text.range(of: "\nMemory  ")?.lowerBound
        let summary = text.range(of: "\nSummary")?.lowerBound
        #expect(memory != nil && summary != nil && memory! < summary!)
    }

    @Test func withoutMemoryNoFormatSaysAnything() throws {
        let report = ReportFixtures.clean()
        #expect(!TextReportRenderer.render(report).contains("Memory"))
        #expect(!JSONReportRenderer.render(report).contains("\"memory\""))
        #expect(!GitHubReportRenderer.render(report).contains("redis-schema memory"))
        #expect(!SARIFReportRenderer.render(report, toolVersion: "1").contains("\"memory\""))
    }

    @Test func jsonGithubAndSarifCarryTheFigures() throws {
        let report = Self.report()
        let json = JSONReportRenderer.render(report)
        let decoded = try JSONDecoder().decode(LintReport.self, from: Data(json.utf8))
        #expect(decoded.memory == report.memory)
        let github = GitHubReportRenderer.render(report).split(separator: "\n")
        #expect(
            github.dropLast().last.map(String.init)
                == "::notice title=redis-schema memory::~3.2 MiB (95%25: 2.9 MiB–3.5 MiB) in 150052 keys, 1502 measured "
                + "(sample 1.0%25); unknown tmp:<n> 98.3%25 (~3.1 MiB), blob 1.7%25 (~104 KiB, few samples)")
        let sarif = SARIFReportRenderer.render(report, toolVersion: "1")
        #expect(sarif.contains("\"estimatedBytes\" : 3355443"), "\(sarif)")
    }
}
