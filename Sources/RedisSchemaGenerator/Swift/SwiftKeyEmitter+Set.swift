import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A set, or a sorted set when `score` is given. Members that follow a pattern (`user:<userId>`) get a
    /// `Member` type and labelled overloads (`add(userId:score:)`), so only valid members can be written.
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
        let isSorted = scoreType != nil
        let score = scoreType == .float ? "Swift.Double" : "Swift.Int"
        let scoreParameter = isSorted ? ", score: \(score)" : ""

        out.blank()
        out.doc(
            "Adds `member`\(isSorted ? " with `score`" : "") (\(commandName(.add)))\(ttlClause); returns whether it is new."
        )
        out.line("@discardableResult")
        out.block(
            signature(
                "func add(_ member: \(member)\(scoreParameter), \(clientParameter))", "async throws -> Swift.Bool")
        ) { out in
            commands(.add).emitTransaction(result: "replies", into: &out)
            out.line("return replies[0] == .integer(1)")
        }
        if let pattern {
            let params = SwiftParam.make(pattern.placeholders, rename: SwiftNames.memberValueName)
            let declarations = params.map(\.declaration).joined(separator: ", ")
            let memberCall = "Member(\(params.map(\.argument).joined(separator: ", ")))"
            out.blank()
            out.doc(
                "Adds the member `\(pattern.source)`\(isSorted ? " with `score`" : "") (\(commandName(.add)))\(ttlClause)."
            )
            out.line("@discardableResult")
            out.block(
                signature(
                    "func add(\(declarations)\(scoreParameter), \(clientParameter))", "async throws -> Swift.Bool")
            ) { out in
                out.line("try await self.add(\(memberCall)\(isSorted ? ", score: score" : ""), on: client)")
            }
            if isSorted {
                out.blank()
                out.doc("The score of the member `\(pattern.source)` (`ZSCORE`), or `nil` when it is not in the set.")
                out.block(signature("func score(\(declarations), \(clientParameter))", "async throws -> \(score)?")) {
                    out in
                    out.line("try await self.score(\(memberCall), on: client)")
                }
            }
        }
        out.blank()
        out.doc("Removes `member` (\(commandName(.remove))); returns whether it was there.")
        out.line("@discardableResult")
        out.block(signature("func remove(_ member: \(member), \(clientParameter))", "async throws -> Swift.Bool")) {
            out in
            out.line("try await \(commands(.remove).emitSend(into: &out)) == .integer(1)")
        }
        let read = operation(.members).commands[0].name
        out.blank()
        out.doc("Every member (`\(read)`\(isSorted ? ", lowest score first" : "")).")
        out.block("\(access) func members(\(clientParameter)) async throws -> [\(member)]") { out in
            out.line("let reply = try await \(commands(.members).emitSend(into: &out))")
            emitDecodeArray(of: member, command: read, into: &out)
        }
        if isSorted {
            emitSortedReads(member: member, score: score, into: &out)
        } else {
            out.blank()
            out.doc("Whether `member` is in the set (\(commandName(.contains))).")
            out.block(
                signature("func contains(_ member: \(member), \(clientParameter))", "async throws -> Swift.Bool")
            ) { out in
                out.line("try await \(commands(.contains).emitSend(into: &out)) == .integer(1)")
            }
        }
        emitLength(into: &out)
    }

    private func emitSortedReads(member: String, score: String, into out: inout SwiftWriter) {
        out.blank()
        out.doc("The score of `member` (\(commandName(.score))), or `nil` when it is not in the set.")
        out.block(signature("func score(_ member: \(member), \(clientParameter))", "async throws -> \(score)?")) {
            out in
            out.line("let reply = try await \(commands(.score).emitSend(into: &out))")
            out.line(
                "return try RedisSchema.RedisReply.score(reply, as: \(score).self, key: self.key, command: \"ZSCORE\")")
        }
        let result = "[(member: \(member), score: \(score))]"
        let decode = { (command: String) in
            "return try RedisSchema.RedisReply.scoredMembers(reply, member: \(member).self, score: \(score).self, "
                + "key: self.key, command: \(SwiftNames.literal(command)))"
        }
        out.blank()
        out.doc("Members with their scores, by rank from `start` through `stop` (`ZRANGE … WITHSCORES`).")
        out.block(
            "\(access) func range(from start: Swift.Int = 0, through stop: Swift.Int = -1, \(clientParameter)) "
                + "async throws -> \(result)"
        ) { out in
            out.line("let reply = try await \(commands(.rangeByRank).emitSend(into: &out))")
            out.line(decode("ZRANGE"))
        }
        out.blank()
        out.doc("Members with scores from `minScore` through `maxScore` (`ZRANGE … BYSCORE WITHSCORES`), lowest first.")
        out.block(
            "\(access) func range(minScore: \(score), maxScore: \(score), \(clientParameter)) async throws -> \(result)"
        ) { out in
            out.line("let reply = try await \(commands(.rangeByScore).emitSend(into: &out))")
            out.line(decode("ZRANGE"))
        }
        out.blank()
        out.doc(
            "Removes the members with scores from `minScore` through `maxScore` (\(commandName(.removeRangeByScore))); "
                + "returns how many.")
        out.line("@discardableResult")
        out.block(
            "\(access) func removeRange(minScore: \(score), maxScore: \(score), \(clientParameter)) "
                + "async throws -> Swift.Int"
        ) { out in
            out.line("let reply = try await \(commands(.removeRangeByScore).emitSend(into: &out))")
            out.line("return try RedisSchema.RedisReply.integer(reply, key: self.key, command: \"ZREMRANGEBYSCORE\")")
        }
    }

    private func emitMemberStruct(_ pattern: KeyPattern, into out: inout SwiftWriter) {
        let params = SwiftParam.make(pattern.placeholders, rename: SwiftNames.memberValueName)
        out.blank()
        out.doc("A member of the set: `\(pattern.source)`, rendered from validated values.")
        // The conformances on their own line, as swift-format breaks a header too long for one.
        out.block(
            "nonisolated \(access) struct Member:\n    RedisSchema.RedisValueCodable, Swift.Hashable, "
                + "Swift.CustomStringConvertible\n"
        ) { out in
            out.doc("The member pattern with the rules of its placeholders.")
            SwiftPatternRendering.emitDeclaration(
                "\(access) static let pattern", source: pattern.source, separator: separator,
                parts: pattern.parts, placeholders: pattern.placeholders, into: &out)
            out.block("\(access) static var redisValueDescription: Swift.String") { out in
                out.line(SwiftNames.literal("a member like `\(pattern.source)`"))
            }
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
                signature(
                    "init(\(params.map(\.declaration).joined(separator: ", ")))", "throws(RedisSchema.RedisSchemaError)"
                )
            ) { out in
                out.line(
                    "self.rawValue = "
                        + SwiftPatternRendering.renderExpression(
                            pattern: "\(qualifiedName).Member.pattern", values: params.map(\.text)))
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
