import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A set or sorted set. Members that follow a pattern (`user:<userId>`) get a `Member` type and
    /// labelled overloads (`add(userId:score:)`), so only valid members can be written.
    func emitSet(member memberSpec: MemberSpec, score scoreType: ScoreType?, into out: inout SwiftWriter) {
        let member: String
        var pattern: KeyPattern?
        switch memberSpec {
        case .type(let type): member = type.swiftType
        case .pattern(let memberPattern):
            member = "Member"
            pattern = memberPattern
            emitMemberStruct(memberPattern, into: &out)
        }
        let isSorted = key.type == .zset
        let score = scoreType == .float ? "Swift.Double" : "Swift.Int"
        let scoreParameter = isSorted ? ", score: \(score)" : ""
        let scoreArgument = isSorted ? "score.redisEncoded, " : ""
        let add = isSorted ? "ZADD" : "SADD"

        out.blank()
        out.doc("Adds `member`\(isSorted ? " with `score`" : "") (`\(add)`)\(ttlClause); returns whether it is new.")
        out.line("@discardableResult")
        out.block(
            "\(access) func add(_ member: \(member)\(scoreParameter), \(clientParameter)) async throws -> Swift.Bool"
        ) {
            out in
            emitExecute(
                ["RedisSchema.RedisCommand(\"\(add)\", self.key, \(scoreArgument)member.redisEncoded)"]
                    + expireCommands,
                result: "replies", into: &out)
            out.line("return replies[0] == .integer(1)")
        }
        if let pattern {
            let params = SwiftParam.make(pattern.placeholders)
            let declarations = params.map(\.declaration).joined(separator: ", ")
            let memberCall = "Member(\(params.map(\.argument).joined(separator: ", ")))"
            out.blank()
            out.doc("Adds the member `\(pattern.source)`\(isSorted ? " with `score`" : "") (`\(add)`)\(ttlClause).")
            out.line("@discardableResult")
            out.block(
                "\(access) func add(\(declarations)\(scoreParameter), \(clientParameter)) async throws -> Swift.Bool"
            ) {
                out in
                out.line("try await self.add(\(memberCall)\(isSorted ? ", score: score" : ""), on: client)")
            }
            if isSorted {
                out.blank()
                out.doc("The score of the member `\(pattern.source)` (`ZSCORE`), or `nil` when it is not in the set.")
                out.block("\(access) func score(\(declarations), \(clientParameter)) async throws -> \(score)?") {
                    out in
                    out.line("try await self.score(\(memberCall), on: client)")
                }
            }
        }
        out.blank()
        out.doc("Removes `member` (`\(isSorted ? "ZREM" : "SREM")`); returns whether it was there.")
        out.line("@discardableResult")
        out.block("\(access) func remove(_ member: \(member), \(clientParameter)) async throws -> Swift.Bool") { out in
            out.line(
                "try await self.send(\"\(isSorted ? "ZREM" : "SREM")\", member.redisEncoded, on: client) == .integer(1)"
            )
        }
        let read = isSorted ? "ZRANGE" : "SMEMBERS"
        out.blank()
        out.doc("Every member (`\(read)`\(isSorted ? ", lowest score first" : "")).")
        out.block("\(access) func members(\(clientParameter)) async throws -> [\(member)]") { out in
            out.line("let reply = try await self.send(\(isSorted ? "\"ZRANGE\", 0, -1" : "\"SMEMBERS\""), on: client)")
            out.block("return try RedisSchema.RedisReply.array(reply, key: self.key, command: \"\(read)\").map") {
                out in
                out.line(
                    "try \(member).decode(bytes: RedisSchema.RedisReply.bytes($0, key: self.key, command: \"\(read)\"), key: self.key)"
                )
            }
        }
        if isSorted {
            emitSortedReads(member: member, score: score, into: &out)
            emitLength("ZCARD", into: &out)
        } else {
            out.blank()
            out.doc("Whether `member` is in the set (`SISMEMBER`).")
            out.block("\(access) func contains(_ member: \(member), \(clientParameter)) async throws -> Swift.Bool") {
                out in
                out.line("try await self.send(\"SISMEMBER\", member.redisEncoded, on: client) == .integer(1)")
            }
            emitLength("SCARD", into: &out)
        }
    }

    private func emitSortedReads(member: String, score: String, into out: inout SwiftWriter) {
        out.blank()
        out.doc("The score of `member` (`ZSCORE`), or `nil` when it is not in the set.")
        out.block("\(access) func score(_ member: \(member), \(clientParameter)) async throws -> \(score)?") { out in
            out.line("let reply = try await self.send(\"ZSCORE\", member.redisEncoded, on: client)")
            out.line(
                "return try RedisSchema.RedisReply.score(reply, as: \(score).self, key: self.key, command: \"ZSCORE\")")
        }
        let result = "[(member: \(member), score: \(score))]"
        let decode = { (command: String) in
            "return try RedisSchema.RedisReply.scoredMembers(reply, member: \(member).self, score: \(score).self, "
                + "key: self.key, command: \"\(command)\")"
        }
        out.blank()
        out.doc("Members with their scores, by rank from `start` through `stop` (`ZRANGE … WITHSCORES`).")
        out.block(
            "\(access) func range(from start: Swift.Int = 0, through stop: Swift.Int = -1, \(clientParameter)) "
                + "async throws -> \(result)"
        ) { out in
            out.line("let reply = try await self.send(\"ZRANGE\", start, stop, \"WITHSCORES\", on: client)")
            out.line(decode("ZRANGE"))
        }
        out.blank()
        out.doc("Members with scores from `min` through `max` (`ZRANGEBYSCORE … WITHSCORES`), lowest first.")
        out.block(
            "\(access) func range(minScore: \(score), maxScore: \(score), \(clientParameter)) async throws -> \(result)"
        ) {
            out in
            out.line(
                "let reply = try await self.send(\"ZRANGEBYSCORE\", minScore.redisEncoded, maxScore.redisEncoded, "
                    + "\"WITHSCORES\", on: client)")
            out.line(decode("ZRANGEBYSCORE"))
        }
        out.blank()
        out.doc("Removes the members with scores from `min` through `max` (`ZREMRANGEBYSCORE`); returns how many.")
        out.line("@discardableResult")
        out.block(
            "\(access) func removeRange(minScore: \(score), maxScore: \(score), \(clientParameter)) async throws -> Swift.Int"
        ) {
            out in
            out.line(
                "let reply = try await self.send(\"ZREMRANGEBYSCORE\", minScore.redisEncoded, maxScore.redisEncoded, on: client)"
            )
            out.line("return try RedisSchema.RedisReply.integer(reply, key: self.key, command: \"ZREMRANGEBYSCORE\")")
        }
    }

    private func emitMemberStruct(_ pattern: KeyPattern, into out: inout SwiftWriter) {
        let params = SwiftParam.make(pattern.placeholders)
        out.blank()
        out.doc("A member of the set: `\(pattern.source)`, rendered from validated values.")
        out.block(
            "nonisolated \(access) struct Member: RedisSchema.RedisValueCodable, Swift.Hashable, "
                + "Swift.CustomStringConvertible"
        ) { out in
            out.doc("The member pattern with the rules of its placeholders.")
            emitPattern("\(access) static let pattern", pattern, into: &out)
            out.line(
                "\(access) static var redisValueDescription: Swift.String { \(SwiftNames.literal("a member like `\(pattern.source)`")) }"
            )
            out.blank()
            for param in params {
                out.line("\(access) let \(param.label): \(param.type)")
            }
            out.doc("The member as stored.")
            out.line("\(access) let rawValue: Swift.String")
            out.blank()
            out.doc(
                "The member for these values.\n\n- Throws: `RedisSchemaError.invalidParam` when a value breaks its rule."
            )
            out.block(
                "\(access) init(\(params.map(\.declaration).joined(separator: ", "))) throws(RedisSchema.RedisSchemaError)"
            ) {
                out in
                out.line(
                    "self.rawValue = try \(qualifiedName).Member.pattern.render([\(params.map(\.text).joined(separator: ", "))])"
                )
                for param in params { out.line("self.\(param.label) = \(param.local)") }
            }
            out.blank()
            out.doc("Parses a stored member; `nil` when it does not follow the pattern.")
            out.block("\(access) init?(rawValue: Swift.String)") { out in
                var conditions = ["let values = \(qualifiedName).Member.pattern.parse(rawValue)"]
                for (index, param) in params.enumerated() where param.type != "Swift.String" {
                    conditions.append(
                        "let value\(index) = \(param.type)(redisEncoded: Swift.Array(values[\(index)].utf8))")
                }
                out.block("guard \(conditions.joined(separator: ",\n    ")) else") { out in out.line("return nil") }
                out.line("self.rawValue = rawValue")
                for (index, param) in params.enumerated() {
                    out.line(
                        "self.\(param.label) = \(param.type == "Swift.String" ? "values[\(index)]" : "value\(index)")")
                }
            }
            out.blank()
            out.line("\(access) var description: Swift.String { self.rawValue }")
            out.line("\(access) var redisEncoded: [Swift.UInt8] { Swift.Array(self.rawValue.utf8) }")
            out.blank()
            out.block("\(access) init?(redisEncoded bytes: [Swift.UInt8])") { out in
                out.block("guard let text = Swift.String(validating: bytes, as: Swift.UTF8.self) else") { out in
                    out.line("return nil")
                }
                out.line("self.init(rawValue: text)")
            }
        }
    }
}
