import RedisSchema

/// The shortest text that two segments' shapes both accept, found by a breadth-first search of the
/// product of their automata. Placeholder kinds narrow the bytes a hole takes (digits for `int`, hex
/// digits for `hex`, the exact layout of a `uuid`); other constraints (enum, regex, length, negative
/// numbers) are checked by the caller against the witness.
/// No text means no key can match both: the segments are disjoint.
enum ShapeWitness {
    /// A hole or a literal byte, one automaton step.
    private enum Step: Hashable {
        case byte(UInt8)
        /// Exactly one byte of the class.
        case one(ByteClass)
        /// One or more bytes of the class.
        case hole(ByteClass)
        /// The byte, or nothing (the sign of an integer).
        case optional(UInt8)
    }

    /// The bytes a hole takes, by its placeholder's kind.
    private enum ByteClass: Hashable {
        case any, digit, hex

        func contains(_ byte: UInt8, separator: UInt8) -> Bool {
            let isDigit = byte &- UInt8(ascii: "0") < 10
            switch self {
            case .any: return byte != separator
            case .digit: return isDigit
            case .hex: return isDigit || (byte | 0x20) &- UInt8(ascii: "a") < 6
            }
        }
    }

    /// A state of one automaton: the step it is at, and whether the hole there has taken a byte yet.
    private struct State: Hashable {
        var step: Int
        var inHole: Bool
    }

    static func text(_ a: SegmentForm, _ b: SegmentForm, separator: UInt8) -> String? {
        let (stepsA, stepsB) = (steps(a), steps(b))
        var alphabet = Set("0123456789abcdefz-_".utf8)
        for case .byte(let byte) in stepsA + stepsB { alphabet.insert(byte) }
        alphabet.remove(separator)
        // Letters and digits first, so that examples read like keys (`tile:0-0.0`, not `tile:--.-`).
        let letters = alphabet.sorted { lhs, rhs in
            let (left, right) = (isAlphanumeric(lhs), isAlphanumeric(rhs))
            return left != right ? left : lhs < rhs
        }
        let start = [State(step: 0, inHole: false), State(step: 0, inHole: false)]
        var parents: [[State]: ([State], UInt8)] = [:]
        var queue = [start]
        var seen: Set<[State]> = [start]
        var head = 0
        while head < queue.count {
            let pair = queue[head]
            head += 1
            if accepts(stepsA, pair[0]) && accepts(stepsB, pair[1]) {
                var bytes: [UInt8] = []
                var current = pair
                while let (parent, byte) = parents[current] {
                    bytes.append(byte)
                    current = parent
                }
                return String(decoding: bytes.reversed(), as: UTF8.self)
            }
            for byte in letters {
                for nextA in advance(stepsA, pair[0], byte, separator) {
                    for nextB in advance(stepsB, pair[1], byte, separator) {
                        let next = [nextA, nextB]
                        if seen.insert(next).inserted {
                            parents[next] = (pair, byte)
                            queue.append(next)
                        }
                    }
                }
            }
        }
        return nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    private static func steps(_ form: SegmentForm) -> [Step] {
        switch form {
        case .literal(let text): return text.utf8.map(Step.byte)
        case .placeholder(let rule): return steps(rule.kind)
        case .mixed(let shape, let rules):
            var holes = rules.makeIterator()
            return shape.pieces.flatMap { piece -> [Step] in
                switch piece {
                case .literal(let bytes): return bytes.map(Step.byte)
                case .hole: return steps(holes.next()?.kind ?? .string)
                }
            }
        }
    }

    private static func steps(_ kind: KeyParamRule.Kind) -> [Step] {
        switch kind {
        case .string: return [.hole(.any)]
        case .int: return [.optional(UInt8(ascii: "-")), .hole(.digit)]
        case .hex: return [.hole(.hex)]
        case .uuid:
            return [8, 4, 4, 4, 12].enumerated().flatMap { index, count in
                (index == 0 ? [] : [Step.byte(UInt8(ascii: "-"))]) + Array(repeating: .one(.hex), count: count)
            }
        }
    }

    /// Whether the automaton accepts at `state`: every step taken, the last hole with a byte in it.
    private static func accepts(_ steps: [Step], _ state: State) -> Bool {
        closure(steps, state).contains { $0.step == steps.count }
    }

    /// The states after reading `byte`.
    private static func advance(_ steps: [Step], _ state: State, _ byte: UInt8, _ separator: UInt8) -> [State] {
        var next: [State] = []
        for candidate in closure(steps, state) where candidate.step < steps.count {
            switch steps[candidate.step] {
            case .byte(let expected), .optional(let expected):
                if expected == byte { next.append(State(step: candidate.step + 1, inHole: false)) }
            case .one(let bytes):
                if bytes.contains(byte, separator: separator) {
                    next.append(State(step: candidate.step + 1, inHole: false))
                }
            case .hole(let bytes):
                if bytes.contains(byte, separator: separator) { next.append(State(step: candidate.step, inHole: true)) }
            }
        }
        return next
    }

    /// `state` and the states reachable from it without reading: past a hole that has a byte, past an
    /// optional byte.
    private static func closure(_ steps: [Step], _ state: State) -> [State] {
        var states = [state]
        var current = state
        while current.step < steps.count {
            if current.inHole {
                current = State(step: current.step + 1, inHole: false)
            } else if case .optional = steps[current.step] {
                current = State(step: current.step + 1, inHole: false)
            } else {
                break
            }
            states.append(current)
        }
        return states
    }
}
