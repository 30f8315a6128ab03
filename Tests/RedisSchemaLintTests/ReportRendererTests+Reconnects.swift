import Foundation
import Testing

@testable import RedisSchemaLint

/// Reconnects and a scan that gave up on a lost connection, as every format says them.
extension ReportRendererTests {
    @Suite struct Reconnects {
        @Test func textCountsReconnectsAndSaysWhyAndWhereToResume() {
            let text = TextReportRenderer.render(ReportFixtures.connectionLost())
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("  reconnects") && $0.contains("  2  ") })
            #expect(lines.contains("  partial: " + PartialReason.connectionLost.explanation))
            #expect(
                lines.contains(
                    "  connection: could not connect to 127.0.0.1:6379: connection refused; is "
                        + "redis-server running?"))
            #expect(lines.last == "  resume with: --cursor 98304")
            #expect(
                !TextReportRenderer.render(ReportFixtures.clean()).contains("reconnects"), "only when there were some")
        }

        @Test func jsonHasTheFields() throws {
            let summary = LintReport.Summary()
            #expect(summary.reconnects == 0 && summary.connectionError == nil)
            let json = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(JSONReportRenderer.render(ReportFixtures.connectionLost()).utf8))
                    as? [String: Any])
            let fields = try #require(json["summary"] as? [String: Any])
            #expect(fields["reconnects"] as? Int == 2)
            #expect((fields["connectionError"] as? String)?.contains("connection refused") == true)
            #expect(fields["resumeCursor"] as? String == "98304")
            #expect(fields["partialReasons"] as? [String] == ["connection-lost"])
        }

        @Test func githubFailsThePartialRunAndCountsReconnects() {
            let lines = GitHubReportRenderer.render(ReportFixtures.connectionLost()).split(separator: "\n").map(
                String.init)
            #expect(
                lines.first
                    == "::error title=redis-schema partial run (connection-lost)::"
                    + PartialReason.connectionLost.explanation)
            #expect(
                lines.last
                    == "::notice title=redis-schema::1205 keys scanned, 1205 checked, 0 errors, 0 warnings, 0 baselined, "
                    + "0 unknown keys, 2 reconnects; scan incomplete, resume with: --cursor 98304")
        }

        @Test func sarifInvocationIsUnsuccessfulWithReconnects() throws {
            let text = SARIFReportRenderer.render(ReportFixtures.connectionLost(), toolVersion: "1")
            let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let run = try #require((log["runs"] as? [[String: Any]])?.first)
            let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
            #expect(invocation["executionSuccessful"] as? Bool == false)
            let properties = try #require(invocation["properties"] as? [String: Any])
            #expect(properties["reconnects"] as? Int == 2)
            #expect(properties["resumeCursor"] as? String == "98304")
            #expect((properties["connectionError"] as? String)?.contains("connection refused") == true)
            let clean = SARIFReportRenderer.render(ReportFixtures.clean(), toolVersion: "1")
            #expect(clean.contains("\"reconnects\" : 0"), "always there, so a consumer need not guess")
        }
    }
}
