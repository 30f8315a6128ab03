import Foundation
import Testing

/// `check` names, for every overlap, the spec that `validate` files shared keys under, and refuses
/// overlaps that no precedence rule decides.
@Suite struct OverlapCLITests {
    let cli = CLITests()

    func overlaps(_ schema: String) throws -> (status: Int32, overlaps: [[String: Any]]) {
        let file = try cli.temporaryFile(schema)
        let result = try cli.run(["check", file.path, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        return (result.status, diagnostics.compactMap { $0["overlap"] as? [String: Any] })
    }

    @Test func aSpecialCaseNamesItsWinner() throws {
        let (status, overlaps) = try overlaps(
            """
            version: 1
            keys:
              lock:
                pattern: lock:<resource>
                type: string
                ttl: 30 s
              lockOwner:
                pattern: lock:admin
                type: string
                ttl: none
            """)
        #expect(status == 0)
        let overlap = try #require(overlaps.first)
        #expect(overlap["winner"] as? String == "lockOwner")
        #expect(overlap["other"] as? String == "lock")
        #expect(overlap["example"] as? String == "lock:admin")
        #expect(overlap["keys"] as? [String] == ["lock", "lockOwner"])
    }

    /// Before, `check` warned that `a:abc` went to `short`, declared first, while `validate` filed it
    /// under `letters`. No rule decides between the two constraints, so it is now an error.
    @Test func constraintsNeitherOfWhichContainsTheOtherAreAnError() throws {
        let (status, overlaps) = try overlaps(
            """
            version: 1
            keys:
              short:
                pattern: a:<x>
                type: string
                ttl: none
                params:
                  x: {maxLength: 5}
              letters:
                pattern: a:<y>
                type: string
                ttl: none
                params:
                  y: {regex: "^[a-z]+$"}
            """)
        #expect(status == 1)
        let overlap = try #require(overlaps.first)
        #expect(overlap["winner"] == nil)
        #expect(overlap["keys"] as? [String] == ["short", "letters"])
        #expect(overlap["example"] as? String == "a:a")
    }
}
