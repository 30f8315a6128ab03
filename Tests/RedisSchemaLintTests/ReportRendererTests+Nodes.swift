import Foundation
import Testing

@testable import RedisSchemaLint

/// A Redis Cluster run's node list, as every format says it; a single server's report has none.
extension ReportRendererTests {
    @Suite struct Nodes {
        static func clusterReport() -> LintReport {
            var report = ReportFixtures.clean()
            var good = NodeReport(
                address: "127.0.0.1:7000", id: "a1", role: .primary, slots: "0-8191", status: .complete)
            good.keysScanned = 1_204
            var lost = NodeReport(
                address: "127.0.0.1:7001", id: "b2", role: .primary, slots: "8192-16383", status: .failed)
            lost.keysScanned = 3
            lost.error = "could not connect to 127.0.0.1:7001: connection refused"
            lost.note = "lost at cursor 77; slots 8192-16383 are now served by 127.0.0.1:7004 (a failover)"
            lost.resumeCursor = "77"
            report.nodes = [good, lost]
            report.summary.complete = false
            report.summary.partialReasons = [.nodeFailed]
            report.summary.resumeCursor = "slots:0-8191=done,8192-16383=77@b2"
            return report
        }

        @Test func textListsEveryNodeWithItsErrorAndNote() {
            let lines = TextReportRenderer.render(Self.clusterReport()).split(separator: "\n").map(String.init)
            #expect(lines.contains("Cluster nodes"))
            #expect(
                lines.contains { $0.contains("127.0.0.1:7000") && $0.contains("0-8191") && $0.hasSuffix("complete") })
            #expect(lines.contains { $0.contains("127.0.0.1:7001") && $0.contains("3") && $0.hasSuffix("failed") })
            #expect(lines.contains("  127.0.0.1:7001: could not connect to 127.0.0.1:7001: connection refused"))
            #expect(lines.contains { $0.hasPrefix("  127.0.0.1:7001: lost at cursor 77;") })
            #expect(lines.contains("  partial: " + PartialReason.nodeFailed.explanation))
            #expect(lines.last == "  resume with: --cursor slots:0-8191=done,8192-16383=77@b2")
            #expect(!TextReportRenderer.render(ReportFixtures.clean()).contains("Cluster nodes"))
        }

        @Test func jsonHasTheNodesAndASingleServerHasNone() throws {
            func object(_ report: LintReport) throws -> [String: Any] {
                try #require(
                    try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(report).utf8))
                        as? [String: Any])
            }
            let nodes = try #require(try object(Self.clusterReport())["nodes"] as? [[String: Any]])
            #expect(nodes.map { $0["status"] as? String } == ["complete", "failed"])
            #expect(nodes[1]["resumeCursor"] as? String == "77")
            #expect(nodes[0]["error"] == nil)
            #expect(try object(ReportFixtures.clean())["nodes"] == nil)
        }

        @Test func githubAnnotatesTheFailedNodeAndSummarisesThemAll() {
            let lines = GitHubReportRenderer.render(Self.clusterReport()).split(separator: "\n").map(String.init)
            #expect(
                lines.contains {
                    $0.hasPrefix(
                        "::error title=redis-schema node failed (127.0.0.1%3A7001)::slots 8192-16383: could not")
                })
            #expect(
                lines.contains(
                    "::error title=redis-schema partial run (node-failed)::" + PartialReason.nodeFailed.explanation))
            #expect(
                lines.last?.contains("; cluster: 127.0.0.1:7000 primary 0-8191 complete 1204 keys; 127.0.0.1:7001")
                    == true)
        }

        @Test func sarifCarriesTheNodesAndFailsTheRun() throws {
            let log = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(SARIFReportRenderer.render(Self.clusterReport(), toolVersion: "1").utf8))
                    as? [String: Any])
            let run = try #require((log["runs"] as? [[String: Any]])?.first)
            let nodes = try #require((run["properties"] as? [String: Any])?["nodes"] as? [[String: Any]])
            #expect(nodes.map { $0["address"] as? String } == ["127.0.0.1:7000", "127.0.0.1:7001"])
            let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
            #expect(invocation["executionSuccessful"] as? Bool == false)
        }
    }
}
