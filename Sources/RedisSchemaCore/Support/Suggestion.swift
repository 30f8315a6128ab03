/// "Did you mean …?" for misspelled names; public so that the generator's configuration file suggests names
/// the way the schema does.
public enum Suggestion {
    /// `"; did you mean `ttl`?"` when one candidate is close to `word`, else `""`.
    public static func didYouMean(_ word: String, among candidates: [String]) -> String {
        guard let best = closest(to: word, among: candidates) else { return "" }
        return "; did you mean `\(best)`?"
    }

    /// The candidate nearest to `word` by edit distance, if it is near enough to be a typo.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(lowered), Array(candidate.lowercased()))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        // `hashmap` → `hash`, `str` → `string`: a candidate the word starts with, or that starts with the word.
        if let prefixed = candidates.first(where: { candidate in
            let candidate = candidate.lowercased()
            return min(candidate.count, lowered.count) >= 3
                && (lowered.hasPrefix(candidate) || candidate.hasPrefix(lowered))
        }) {
            return prefixed
        }
        guard let best else { return nil }
        let allowed = max(1, min(3, candidateThreshold(best.candidate)))
        return best.distance <= allowed ? best.candidate : nil
    }

    private static func candidateThreshold(_ candidate: String) -> Int {
        candidate.count / 3
    }

    /// Damerau–Levenshtein distance (with adjacent transpositions), so `tll` is one step from `ttl`.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
