import RedisSchema
import RedisSchemaCore

/// The bounded, read-only commands that check one sampled key's value, and what their replies mean.
///
/// The commands sit between two `TYPE` calls in one pipeline: a key that expires, is deleted or
/// changes type while it is being read shows up in either, and is skipped rather than reported.
struct DeepRead: Sendable {
    let key: [UInt8]
    /// The index of the key's spec in the schema.
    let pattern: Int
    let spec: KeySpec
    let options: DeepOptions
    /// `TYPE`, the value reads, `MEMORY USAGE` when asked for, `TYPE`.
    private(set) var commands: [RedisCommand] = []

    init(key: [UInt8], pattern: Int, spec: KeySpec, options: DeepOptions) {
        self.key = key
        self.pattern = pattern
        self.spec = spec
        self.options = options
        let items = DeepOptions.itemsPerKey
        commands.append(RedisCommand("TYPE", key))
        if options.checksValues {
            switch spec.value {
            case .string:
                commands.append(RedisCommand("STRLEN", key))
                commands.append(RedisCommand("GETRANGE", key, 0, DeepOptions.stringBytes - 1))
            // A hash that declares no fields has untyped fields: nothing to read.
            case .hash(let hash) where !hash.fields.isEmpty:
                commands.append(RedisCommand("HSCAN", key, 0, "COUNT", items))
                let required = FieldRules(hash.fields).required
                // HSCAN may stop short of a big hash's required fields; HMGET asks for them by name.
                if !required.isEmpty {
                    var arguments: [any RedisArgumentConvertible] = [key]
                    arguments += required
                    commands.append(RedisCommand("HMGET", arguments: arguments))
                }
            case .hash:
                break
            case .list:
                commands.append(RedisCommand("LLEN", key))
                commands.append(RedisCommand("LRANGE", key, 0, items - 1))
            case .stream:
                commands.append(RedisCommand("XLEN", key))
                commands.append(RedisCommand("XREVRANGE", key, "+", "-", "COUNT", items))
            case .set:
                commands.append(RedisCommand("SSCAN", key, 0, "COUNT", items))
            case .zset:
                commands.append(RedisCommand("ZSCAN", key, 0, "COUNT", items))
            }
        }
        if options.maxKeyBytes != nil {
            commands.append(RedisCommand("MEMORY", "USAGE", key, "SAMPLES", DeepOptions.memorySamples))
        }
        commands.append(RedisCommand("TYPE", key))
    }

    /// What the replies to ``commands`` (in order) say about the key.
    func evaluate(_ replies: [RESPValue]) throws(LintError) -> DeepOutcome {
        guard replies.count == commands.count else {
            throw .unexpectedReply(
                command: "deep read", reply: "\(replies.count) replies to \(commands.count) commands")
        }
        for (command, reply) in zip(commands, replies) {
            guard let error = reply.serverError else { continue }
            // The key was replaced by one of another type between the TYPE calls.
            if error.code == "WRONGTYPE" { return .skipped }
            throw .serverError(command: command.name, error)
        }
        let type = spec.type.rawValue
        guard replies.first?.string == type, replies.last?.string == type else { return .skipped }
        var findings: [DeepFinding] = []
        var next = 1
        if options.checksValues {
            let reads = commands.count - 2 - (options.maxKeyBytes == nil ? 0 : 1)
            findings = try valueFindings(Array(replies[next..<(next + reads)]))
            next += reads
        }
        if let limit = options.maxKeyBytes {
            let usage = replies[next]
            // A key gone between the TYPE calls answers null; the second TYPE has already said so.
            if let bytes = usage.int, bytes > Int64(limit) {
                findings.append(
                    DeepFinding(
                        rule: .bigKey,
                        message: "uses \(bytes) bytes (MEMORY USAGE), more than the limit of \(limit) bytes"))
            }
        }
        return .checked(findings)
    }

    private func valueFindings(_ replies: [RESPValue]) throws(LintError) -> [DeepFinding] {
        switch spec.value {
        case .string(let value):
            guard let length = replies[0].int, let bytes = replies[1].bytes else { throw unexpected("STRLEN", replies) }
            guard length <= DeepOptions.stringBytes, !value.codable.accepts(bytes) else { return [] }
            return [
                DeepFinding(
                    rule: .badValue,
                    message: "is `\(KeyDisplay.excerpt(bytes))`, which is not \(value.codable.redisValueDescription)")
            ]
        case .hash(let hash):
            let rules = FieldRules(hash.fields)
            guard !rules.isEmpty else { return [] }
            guard let page = replies[0].array, page.count == 2, let flat = page[1].array else {
                throw unexpected("HSCAN", replies)
            }
            var pairs = try Self.pairs(flat, command: "HSCAN")
            if replies.count > 1 {
                guard let values = replies[1].array, values.count == rules.required.count else {
                    throw unexpected("HMGET", replies)
                }
                for (name, value) in zip(rules.required, values) {
                    if let bytes = value.bytes { pairs.append((Array(name.utf8), bytes)) }
                }
            }
            return rules.findings(pairs: pairs, complete: true, spec: spec.name, what: "field")
        case .list(let list):
            guard let length = replies[0].int, let elements = replies[1].array else {
                throw unexpected("LLEN", replies)
            }
            var findings: [DeepFinding] = []
            if let limit = list.maxLength, length > Int64(limit) {
                findings.append(
                    DeepFinding(
                        rule: .tooLong,
                        message: "holds \(length) elements, more than `\(spec.name)`'s maxLength of \(limit)"))
            }
            for (index, element) in elements.enumerated() {
                guard let bytes = element.bytes else { throw unexpected("LRANGE", replies) }
                if !list.element.codable.accepts(bytes) {
                    findings.append(
                        DeepFinding(
                            rule: .badValue,
                            message: "element \(index) is `\(KeyDisplay.excerpt(bytes))`, which is not "
                                + list.element.codable.redisValueDescription))
                    break
                }
            }
            return findings
        case .stream(let stream):
            guard let length = replies[0].int, let entries = replies[1].array else { throw unexpected("XLEN", replies) }
            var findings: [DeepFinding] = []
            if let limit = stream.maxLength {
                // `MAXLEN ~` drops whole radix-tree nodes only, so an approximately trimmed stream may hold
                // up to a node's worth (`stream-node-max-entries`, 100 by default) more than its cap.
                let slack = stream.trimming == .approximate ? 100 : 0
                if length > Int64(limit + slack) {
                    findings.append(
                        DeepFinding(
                            rule: .tooLong,
                            message: "holds \(length) entries, more than `\(spec.name)`'s maxLength of \(limit)"
                                + (slack > 0 ? " (plus \(slack) for approximate trimming)" : "")))
                }
            }
            let rules = FieldRules(stream.fields)
            guard !rules.isEmpty else { return findings }
            var found = Set<LintRule>()
            for entry in entries {
                guard let parts = entry.array, parts.count == 2, let flat = parts[1].array else {
                    throw unexpected("XREVRANGE", replies)
                }
                let pairs = try Self.pairs(flat, command: "XREVRANGE")
                for finding in rules.findings(pairs: pairs, complete: true, spec: spec.name, what: "entry field")
                where found.insert(finding.rule).inserted {
                    findings.append(finding)
                }
            }
            return findings
        case .set(let set):
            guard let page = replies[0].array, page.count == 2, let members = page[1].array else {
                throw unexpected("SSCAN", replies)
            }
            for member in members {
                guard let bytes = member.bytes else { throw unexpected("SSCAN", replies) }
                if let problem = Self.memberProblem(bytes, set.member) { return [problem] }
            }
            return []
        case .zset(let zset):
            guard let page = replies[0].array, page.count == 2, let flat = page[1].array else {
                throw unexpected("ZSCAN", replies)
            }
            for (member, score) in try Self.pairs(flat, command: "ZSCAN") {
                if let problem = Self.memberProblem(member, zset.member) { return [problem] }
                if !zset.score.codable.accepts(score) {
                    return [
                        DeepFinding(
                            rule: .badValue,
                            message: "member `\(KeyDisplay.excerpt(member))` has score `\(KeyDisplay.excerpt(score))`, "
                                + "which is not \(zset.score.codable.redisValueDescription)")
                    ]
                }
            }
            return []
        }
    }

    /// Why a set or sorted-set member breaks its declaration, if it does.
    private static func memberProblem(_ member: [UInt8], _ spec: MemberSpec) -> DeepFinding? {
        let why: String
        switch spec {
        case .type(let type):
            guard !type.codable.accepts(member) else { return nil }
            why = "is not \(type.codable.redisValueDescription)"
        case .pattern(let pattern):
            guard !member.withUnsafeBytes({ pattern.matches($0) }) else { return nil }
            why = "does not follow `\(pattern.source)`"
        }
        return DeepFinding(rule: .badValue, message: "member `\(KeyDisplay.excerpt(member))` \(why)")
    }

    /// `[name, value, name, value, …]` as pairs.
    private static func pairs(_ flat: [RESPValue], command: String) throws(LintError) -> [([UInt8], [UInt8])] {
        guard flat.count % 2 == 0 else { throw .unexpectedReply(command: command, reply: "\(flat)") }
        var pairs: [([UInt8], [UInt8])] = []
        pairs.reserveCapacity(flat.count / 2)
        for index in stride(from: 0, to: flat.count, by: 2) {
            guard let name = flat[index].bytes, let value = flat[index + 1].bytes else {
                throw .unexpectedReply(command: command, reply: "\(flat)")
            }
            pairs.append((name, value))
        }
        return pairs
    }

    private func unexpected(_ command: String, _ replies: [RESPValue]) -> LintError {
        .unexpectedReply(command: command, reply: "\(replies)")
    }
}
