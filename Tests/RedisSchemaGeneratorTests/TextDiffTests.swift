import RedisSchemaGenerator
import Testing

/// `TextDiff`, held to two references: applying its output to the old text gives the new text, and
/// it deletes and inserts no more lines than a longest-common-subsequence table says it must.
@Suite struct TextDiffTests {
    /// Applies a unified diff as `patch` would, checking every context and deleted line.
    static func apply(_ diff: String, to old: String) -> String? {
        var oldLines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if oldLines.last == "" { oldLines.removeLast() }
        var result: [String] = []
        var position = 0
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2) where !line.isEmpty {
            if line.hasPrefix("@@") {
                // "@@ -start,count +start,count @@": an empty range names the line before it.
                let range = line.split(separator: " ")[1].dropFirst().split(separator: ",").compactMap { Int($0) }
                guard range.count == 2 else { return nil }
                let start = range[1] == 0 ? range[0] : range[0] - 1
                guard start >= position, start <= oldLines.count else { return nil }
                result += oldLines[position..<start]
                position = start
                continue
            }
            let text = String(line.dropFirst())
            switch line.first {
            case " ", "-":
                guard position < oldLines.count, oldLines[position] == text else { return nil }
                if line.first == " " { result.append(text) }
                position += 1
            case "+":
                result.append(text)
            default:
                return nil
            }
        }
        result += oldLines[position...]
        return result.map { $0 + "\n" }.joined()
    }

    /// The number of lines any script must delete plus insert: n + m − 2 · LCS (the textbook table).
    static func minimumEdits(_ old: [Substring], _ new: [Substring]) -> Int {
        var previous = [Int](repeating: 0, count: new.count + 1)
        for line in old {
            var current = [0]
            for (j, other) in new.enumerated() {
                current.append(line == other ? previous[j] + 1 : max(previous[j + 1], current[j]))
            }
            previous = current
        }
        return old.count + new.count - 2 * previous[new.count]
    }

    static func editCount(_ diff: String) -> Int {
        diff.split(separator: "\n").dropFirst(2).filter { $0.hasPrefix("-") || $0.hasPrefix("+") }.count
    }

    /// A deterministic generator, so a failure reproduces.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Random edits of texts with few distinct lines, so that lines repeat and shared heads, tails and
    /// moves are common: the diff must always patch the old text into the new one.
    @Test func randomTextsPatchBack() throws {
        var random = SplitMix(state: 7)
        for _ in 0..<500 {
            let old = (0..<random.next(30)).map { _ in "l\(random.next(6))\n" }.joined()
            var new = old.split(separator: "\n").map { "\($0)\n" }
            for _ in 0..<random.next(6) {
                if !new.isEmpty, random.next(2) == 0 { new.remove(at: random.next(new.count)) }
                new.insert("l\(random.next(9))\n", at: random.next(new.count + 1))
            }
            let newText = new.joined()
            let diff = TextDiff.unified(old: old, new: newText, oldName: "a", newName: "b")
            #expect(diff.isEmpty == (old == newText))
            guard !diff.isEmpty else { continue }
            #expect(Self.apply(diff, to: old) == newText, "\(old) → \(newText):\n\(diff)")
            #expect(
                Self.editCount(diff) >= Self.minimumEdits(old.split(separator: "\n"), newText.split(separator: "\n")))
        }
    }

    /// When no line repeats, the anchors are a longest common subsequence: the script is a shortest one.
    @Test func distinctLinesGetTheFewestEdits() throws {
        var random = SplitMix(state: 11)
        for _ in 0..<300 {
            var lines = Array(0..<random.next(40)).map { "line \($0)" }
            let old = lines
            var fresh = 1000
            for _ in 0..<random.next(8) {
                switch random.next(3) {
                case 0 where !lines.isEmpty: lines.remove(at: random.next(lines.count))
                case 1 where !lines.isEmpty:
                    let moved = lines.remove(at: random.next(lines.count))
                    lines.insert(moved, at: random.next(lines.count + 1))
                default:
                    lines.insert("line \(fresh)", at: random.next(lines.count + 1))
                    fresh += 1
                }
            }
            let (oldText, newText) = (old.map { $0 + "\n" }.joined(), lines.map { $0 + "\n" }.joined())
            let diff = TextDiff.unified(old: oldText, new: newText, oldName: "a", newName: "b")
            guard !diff.isEmpty else { continue }
            #expect(Self.apply(diff, to: oldText) == newText)
            #expect(Self.editCount(diff) == Self.minimumEdits(old.map { Substring($0) }, lines.map { Substring($0) }))
        }
    }

    @Test func emptyRangesNameTheLineBefore() {
        #expect(
            TextDiff.unified(old: "", new: "a\n", oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -0,0 +1,1 @@\n+a\n")
        #expect(
            TextDiff.unified(old: "a\nb\n", new: "a\n", oldName: "o", newName: "n")
                == "--- o\n+++ n\n@@ -1,2 +1,1 @@\n a\n-b\n")
    }

    /// A generated file for a 1,000-key schema is about 100,000 lines. The landed diff built a
    /// lines × lines table (80 GB here) and `generate --check` aborted; these must finish quickly.
    @Test(
        .timeLimit(.minutes(1)), arguments: ["one key changed", "every key renamed", "keys reordered", "file missing"])
    func largeStaleFiles(change: String) throws {
        let keys = 1000
        func file(_ name: (Int) -> String, order: [Int]) -> String {
            order.map { index in
                (0..<100).map { line in line % 10 == 0 ? "    // \(name(index)) \(line)\n" : "    }\n" }.joined()
            }.joined()
        }
        let old = file({ "key\($0)" }, order: Array(0..<keys))
        let new: String
        switch change {
        case "one key changed": new = file({ $0 == 500 ? "changed" : "key\($0)" }, order: Array(0..<keys))
        case "every key renamed": new = file({ "renamed\($0)" }, order: Array(0..<keys))
        case "keys reordered": new = file({ "key\($0)" }, order: Array((0..<keys).reversed()))
        default: new = ""
        }
        let diff = TextDiff.unified(
            old: change == "file missing" ? "" : old, new: change == "file missing" ? old : new,
            oldName: "a", newName: "b")
        let (from, to) = change == "file missing" ? ("", old) : (old, new)
        #expect(Self.apply(diff, to: from) == to)
        let expectedEdits = ["one key changed": 20, "every key renamed": 20_000, "file missing": 100_000]
        if let expected = expectedEdits[change] {
            #expect(Self.editCount(diff) == expected)
        }
    }
}
