import RedisSchema
import RedisSchemaCore

/// Example `redis-cli` commands that write a key the way its schema demands: with its TTL and cap.
enum ExampleCommands {
    static func commands(for key: KeySpec) -> [String] {
        let name = quote(exampleKey(key.pattern))
        let expire = key.ttl.seconds.map { ["EXPIRE \(name) \($0)"] } ?? []
        switch key.value {
        case .hash(let hash):
            return ["HSET \(name) " + fieldArguments(hash.fields)] + expire
        case .stream(let stream):
            let cap = stream.maxLength.map { "MAXLEN ~ \($0) " } ?? ""
            return ["XADD \(name) \(cap)* " + fieldArguments(stream.fields)] + expire
        case .list(let list):
            let push = "LPUSH \(name) \(quote(sample(list.element)))"
            let trim = list.maxLength.map { ["LTRIM \(name) 0 \($0 - 1)"] } ?? []
            return [push] + trim + expire
        case .set(let set):
            return ["SADD \(name) \(quote(memberSample(set.member)))"] + expire
        case .zset(let zset):
            return ["ZADD \(name) \(scoreSample(zset.score)) \(quote(memberSample(zset.member)))"] + expire
        case .string(.counter):
            return ["INCR \(name)"] + expire
        case .string(.scalar(let type)):
            let ttl = key.ttl.seconds.map { " EX \($0)" } ?? ""
            return ["SET \(name) \(quote(sample(type)))\(ttl)"]
        }
    }

    /// A key of the pattern, with readable made-up values: `session:sid-1`.
    static func exampleKey(_ pattern: KeyPattern) -> String {
        pattern.unchecked(pattern.placeholders.map { sample($0) })
    }

    static func sample(_ placeholder: Placeholder) -> String {
        let rule = placeholder.rule
        if let first = rule.allowedValues?.first { return first }
        switch rule.kind {
        case .string: return "\(placeholder.name)-1"
        case .int: return "42"
        case .uuid: return "9b2c7a1e-4f0d-4c55-8a7e-2f3b1c9d0e6a"
        case .hex: return "1f2e3d"
        }
    }

    static func sample(_ type: ValueType) -> String {
        switch type {
        case .string: return "text"
        case .int: return "42"
        case .float: return "3.5"
        case .bool: return "true"
        case .uuid: return "9b2c7a1e-4f0d-4c55-8a7e-2f3b1c9d0e6a"
        case .timestamp: return "1700000000"
        case .datetime: return "2025-12-12T10:22:00Z"
        case .json: return "{\"key\":\"value\"}"
        }
    }

    private static func fieldArguments(_ fields: [FieldSpec]) -> String {
        if fields.isEmpty { return "field value" }
        return fields.map { field in
            let name: String
            switch field.name {
            case .literal(let literal): name = literal
            case .pattern(let pattern): name = pattern.unchecked(pattern.placeholders.map { sample($0) })
            }
            return "\(quote(name)) \(quote(sample(field.type)))"
        }.joined(separator: " ")
    }

    private static func memberSample(_ member: MemberSpec) -> String {
        switch member {
        case .type(let type): return sample(type)
        case .pattern(let pattern): return exampleKey(pattern)
        }
    }

    private static func scoreSample(_ score: ScoreType) -> String {
        switch score {
        case .timestamp: return "1700000000"
        case .int: return "42"
        case .float: return "3.5"
        }
    }

    /// Quotes an argument the way `redis-cli` reads it, when it needs quoting.
    static func quote(_ argument: String) -> String {
        let plain =
            !argument.isEmpty
            && argument.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "-_:./@*~+".unicodeScalars.contains(scalar)
            }
        if plain { return argument }
        var quoted = "\""
        for character in argument {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}
