import Foundation
import Testing

@testable import RedisSchemaLint

/// How the scan was paced, in every format.
extension ReportRendererTests {
    @Suite struct Pacing {
        func report(_ pacing: ScanPacingSummary?) -> LintReport {
            var report = ReportFixtures.clean()
            report.summary.pacing = pacing
            return report
        }

        var adaptive: ScanPacingSummary {
            var pacing = ScanPacingSummary(mode: .adaptive)
            pacing.backoffs = 5
            pacing.sharedSeconds = 3.24
            pacing.samples = 80
            pacing.serverLoadVisible = true
            return pacing
        }

        @Test func textHasAPacingRow() {
            #expect(
                cells(row(TextReportRenderer.render(report(adaptive)), "pacing")) == [
                    "pacing", "adaptive", "beside other clients 3.2 s, 5 back-offs",
                ])
            #expect(
                cells(row(TextReportRenderer.render(report(.init(mode: .max))), "pacing")) == [
                    "pacing", "max", "full speed",
                ])
            #expect(!TextReportRenderer.render(report(nil)).contains("pacing"), "older reports have none")
        }

        @Test func githubNoticeNamesThePacing() {
            let fixed = GitHubReportRenderer.render(report(.init(mode: .fixed, keysPerSecondLimit: 30000)))
            #expect(fixed.contains("; pacing fixed, at most 30,000 keys/s"))
            var blind = adaptive
            blind.serverLoadVisible = false
            blind.sharedSeconds = 0
            blind.backoffs = 1
            #expect(
                GitHubReportRenderer.render(report(blind)).contains(
                    "; pacing adaptive, alone on the server, 1 back-off, INFO refused, paced on SCAN round trips"))
        }

        @Test func jsonAndSARIFCarryTheFields() throws {
            let json = JSONReportRenderer.render(report(adaptive))
            let decoded = try JSONReportRenderer.makeDecoder().decode(LintReport.self, from: Data(json.utf8))
            #expect(decoded.summary.pacing == adaptive)
            let sarif = SARIFReportRenderer.render(report(adaptive), toolVersion: "test")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
            let run = try #require((object["runs"] as? [[String: Any]])?.first)
            let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
            let pacing = try #require((invocation["properties"] as? [String: Any])?["pacing"] as? [String: Any])
            #expect(pacing["mode"] as? String == "adaptive")
            #expect(pacing["backoffs"] as? Int == 5)
        }
    }
}
