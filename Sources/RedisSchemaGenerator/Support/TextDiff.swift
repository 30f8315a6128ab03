/// A line diff in unified format, for `generate --check` and the golden tests.
///
/// The edit script comes from the standard library's `difference(from:)` (Myers), whose time grows
/// with the number of lines times the number of edits: too slow for a stale file of a 1,000-key
/// schema (about 90,000 lines) whose keys moved. So the search is split first, as `git diff
/// --patience` does: common heads and tails are trimmed, lines that occur once on each side anchor
/// the stretches between them (the longest run of such lines in the same order on both sides), and
/// lines found on one side only are edits whatever the script. Myers sees only what is left between
/// anchors. The script is shortest within each stretch, and reads as a person expects.
public enum TextDiff {
    /// The unified diff from `old` to `new` with three lines of context, or `""` when they are equal.
    public static func unified(old: String, new: String, oldName: String, newName: String) -> String {
        let a = lines(old)
        let b = lines(new)
        if a == b { return "" }
        let edits = script(a, b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        let context = 3
        var index = 0
        while index < edits.count {
            guard let firstChange = edits[index...].firstIndex(where: { $0.kind != .same }) else { break }
            // Extend the hunk while changes are within 2 × context lines of each other.
            var end = firstChange
            var lastChange = firstChange
            while end < edits.count {
                if edits[end].kind != .same { lastChange = end }
                if end - lastChange > 2 * context { break }
                end += 1
            }
            let start = max(index, firstChange - context)
            let stop = min(edits.count, lastChange + context + 1)
            let hunk = edits[start..<stop]
            let oldStart = hunk.first.map { $0.oldLine } ?? 0
            let newStart = hunk.first.map { $0.newLine } ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            // An empty range is named by the line before it, as `patch` expects (`-0,0` before line 1).
            let oldFirst = oldCount == 0 ? oldStart : oldStart + 1
            let newFirst = newCount == 0 ? newStart : newStart + 1
            out += "@@ -\(oldFirst),\(oldCount) +\(newFirst),\(newCount) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: out += " \(edit.text)\n"
                case .delete: out += "-\(edit.text)\n"
                case .insert: out += "+\(edit.text)\n"
                }
            }
            index = stop
        }
        return out
    }

    private struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var text: String
        /// The line's index in the old text, or where an insertion goes.
        var oldLine: Int
        /// The line's index in the new text, or where a deletion was.
        var newLine: Int
    }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The edit script from `a` to `b`: every line of each, in order, as kept, deleted or inserted.
    private static func script(_ a: [String], _ b: [String]) -> [Edit] {
        let (deleted, inserted) = changedLines(a, b)
        var edits: [Edit] = []
        edits.reserveCapacity(a.count + inserted.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, deleted.contains(i) {
                edits.append(Edit(kind: .delete, text: a[i], oldLine: i, newLine: j))
                i += 1
            } else if j < b.count, inserted.contains(j) {
                edits.append(Edit(kind: .insert, text: b[j], oldLine: i, newLine: j))
                j += 1
            } else {
                // What is neither deleted nor inserted pairs up in order: equal lines.
                edits.append(Edit(kind: .same, text: a[i], oldLine: i, newLine: j))
                i += 1
                j += 1
            }
        }
        return edits
    }

    /// The indices of the lines of `a` to delete and of `b` to insert.
    private static func changedLines(_ a: [String], _ b: [String]) -> (deleted: Set<Int>, inserted: Set<Int>) {
        var deleted = Set<Int>()
        var inserted = Set<Int>()
        // Stretches still to compare; a list rather than recursion, so no input can exhaust the stack.
        var stretches = [(old: a.indices, new: b.indices)]
        while let stretch = stretches.popLast() {
            var old = stretch.old
            var new = stretch.new
            while !old.isEmpty, !new.isEmpty, a[old.lowerBound] == b[new.lowerBound] {
                old = old.dropFirst()
                new = new.dropFirst()
            }
            while !old.isEmpty, !new.isEmpty, a[old.upperBound - 1] == b[new.upperBound - 1] {
                old = old.dropLast()
                new = new.dropLast()
            }
            var occurrences: [String: Occurrences] = [:]
            for index in old { occurrences[a[index], default: Occurrences()].addOld(index) }
            for index in new { occurrences[b[index], default: Occurrences()].addNew(index) }

            let anchors = self.anchors(old.compactMap { occurrences[a[$0]]!.uniquePair })
            if !anchors.isEmpty {
                var oldStart = old.lowerBound
                var newStart = new.lowerBound
                for anchor in anchors {
                    stretches.append((oldStart..<anchor.old, newStart..<anchor.new))
                    oldStart = anchor.old + 1
                    newStart = anchor.new + 1
                }
                stretches.append((oldStart..<old.upperBound, newStart..<new.upperBound))
                continue
            }

            let oldShared = old.filter { occurrences[a[$0]]!.new > 0 }
            let newShared = new.filter { occurrences[b[$0]]!.old > 0 }
            // Myers takes about (lines × edits) steps, and the edits are at least the lines whose counts
            // differ. When that bound is out of reach (a long stretch against a short one, as when keys
            // moved), the stretch is replaced whole: at most 2 × the shorter side more lines than the
            // shortest script, in a diff that is long anyway.
            let fewestEdits = occurrences.values.reduce(0) {
                $0 + ($1.old > 0 && $1.new > 0 ? abs($1.old - $1.new) : 0)
            }
            guard (oldShared.count + newShared.count) * fewestEdits <= Self.searchBudget else {
                deleted.formUnion(old)
                inserted.formUnion(new)
                continue
            }
            deleted.formUnion(old.filter { occurrences[a[$0]]!.new == 0 })
            inserted.formUnion(new.filter { occurrences[b[$0]]!.old == 0 })
            for change in newShared.map({ b[$0] }).difference(from: oldShared.map { a[$0] }) {
                switch change {
                case .remove(let offset, _, _): deleted.insert(oldShared[offset])
                case .insert(let offset, _, _): inserted.insert(newShared[offset])
                }
            }
        }
        return (deleted, inserted)
    }

    /// The most Myers steps (lines × edits, roughly) spent on one stretch: well under a second.
    static let searchBudget = 50_000_000

    /// How often a line occurs on each side of a stretch, and where when it occurs once.
    private struct Occurrences {
        var old = 0
        var new = 0
        var oldIndex = 0
        var newIndex = 0

        mutating func addOld(_ index: Int) {
            old += 1
            oldIndex = index
        }

        mutating func addNew(_ index: Int) {
            new += 1
            newIndex = index
        }

        /// Where the line is on each side, when it occurs exactly once on each.
        var uniquePair: (old: Int, new: Int)? { old == 1 && new == 1 ? (oldIndex, newIndex) : nil }
    }

    /// The longest chain of `pairs` (in old order) whose new indices increase too: patience sorting,
    /// where each pile's top is the smallest new index that ends a chain of that length.
    private static func anchors(_ pairs: [(old: Int, new: Int)]) -> [(old: Int, new: Int)] {
        var pileTops: [Int] = []  // indices into `pairs`
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0
            var high = pileTops.count
            while low < high {
                let middle = (low + high) / 2
                if pairs[pileTops[middle]].new < pair.new { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = pileTops[low - 1] }
            if low == pileTops.count { pileTops.append(index) } else { pileTops[low] = index }
        }
        var chain: [(old: Int, new: Int)] = []
        var index = pileTops.last ?? -1
        while index >= 0 {
            chain.append(pairs[index])
            index = previous[index]
        }
        return chain.reversed()
    }
}
