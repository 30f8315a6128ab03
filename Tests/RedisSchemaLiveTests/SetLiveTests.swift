import Foundation
import RedisSchema
import RedisSchemaClient
import Testing

/// Every set operation, on plain members (`Tags`, strings) and patterned ones (`Followers`, `user:<userId:int>`),
/// against a real server. Part of the serialized `LiveRedisTests` suite, as they share its database.
extension LiveRedisTests {
    @Test(arguments: protocols)
    func setOperationsOnPlainMembers(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let tags = try UXKeys.Tags(sid: "s")
            try await afterWrite(tags, "add(contentsOf:)", raw: raw) {
                let result = try await tags.add(contentsOf: ["a", "b", "c"], on: app)
                #expect(result == 3)
            }
            try await afterWrite(tags, "add(contentsOf:) again", raw: raw) {
                let result = try await tags.add(contentsOf: ["c", "d", "d"], on: app)
                #expect(result == 1, "only d is new")
            }
            try await afterWrite(tags, "add(_:)", raw: raw) {
                let result = try await tags.add("e", on: app)
                #expect(result)
            }
            #expect(try await tags.contains("a", on: app))
            #expect(try await !tags.contains("z", on: app))
            #expect(try await tags.contains(each: ["a", "z", "d"], on: app) == [true, false, true])
            #expect(try await tags.remove("e", on: app))
            #expect(try await !tags.remove("e", on: app))
            #expect(try await tags.remove(contentsOf: ["a", "z"], on: app) == 1)
            #expect(try await tags.members(on: app).sorted() == ["b", "c", "d"])
            #expect(try await tags.length(on: app) == 3)
            #expect(try await raw.texts("SMEMBERS", tags.key).sorted() == ["b", "c", "d"])

            let page = try await tags.scan(count: 10, on: app)
            #expect(page.isComplete && page.cursor == "0", "a small set comes in one page")
            #expect(page.elements.sorted() == ["b", "c", "d"])
            var scanned: [String] = []
            for try await tag in try tags.scanMembers(on: app) { scanned.append(tag) }
            #expect(scanned.sorted() == ["b", "c", "d"])

            // A missing key reads as an empty set.
            let none = try UXKeys.Tags(sid: "none")
            #expect(try await none.contains(each: ["a"], on: app) == [false])
            #expect(try await none.remove(contentsOf: ["a"], on: app) == 0)
            #expect(try await none.scan(on: app).elements.isEmpty)
            #expect(try await none.length(on: app) == 0)
            #expect(try await raw.integer("EXISTS", none.key) == 0)
        }
    }

    @Test(arguments: protocols)
    func setOperationsOnPatternedMembers(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let followers = try UXKeys.Followers(sid: "f")
            try await afterWrite(followers, "add(userId:)", raw: raw) {
                let result = try await followers.add(userId: 1, on: app)
                #expect(result)
            }
            let (two, three) = (try UXKeys.Followers.Member(userId: 2), try UXKeys.Followers.Member(userId: 3))
            try await afterWrite(followers, "add(contentsOf:)", raw: raw) {
                let result = try await followers.add(contentsOf: [two, three], on: app)
                #expect(result == 2)
            }
            #expect(try await raw.texts("SMEMBERS", followers.key).sorted() == ["user:1", "user:2", "user:3"])
            let one = try UXKeys.Followers.Member(userId: 1)
            let four = try UXKeys.Followers.Member(userId: 4)
            #expect(try await followers.contains(one, on: app))
            #expect(try await followers.contains(each: [four, two], on: app) == [false, true])
            #expect(try await followers.remove(one, on: app))
            #expect(try await followers.remove(contentsOf: [two, four], on: app) == 1)
            #expect(try await followers.members(on: app).map(\.userId) == [3])
            #expect(try await followers.length(on: app) == 1)
            let page = try await followers.scan(from: "0", count: 5, on: app)
            #expect(page.elements.map(\.userId) == [3] && page.isComplete)
            var scanned: [Int] = []
            for try await follower in try followers.scanMembers(count: 1, on: app) { scanned.append(follower.userId) }
            #expect(scanned == [3])

            // A stored member that breaks the pattern is a typed error, not a crash.
            try await raw.raw("SADD", followers.key, "guest")
            let error = await #expect(throws: RedisSchemaError.self) { try await followers.scan(on: app) }
            #expect(error?.description.contains(followers.key) == true)
        }
    }

    @Test func aScanOfTenThousandMembersReturnsEachExactlyOnce() async throws {
        try await LiveServer.withEmptyDatabase { app, raw in
            let tags = try UXKeys.Tags(sid: "big")
            let all = (0..<10_000).map { "member-\($0)" }
            // One guarded write takes at most 7,995 members: two halves.
            #expect(try await tags.add(contentsOf: Array(all[..<5_000]), on: app) == 5_000)
            #expect(try await tags.add(contentsOf: Array(all[5_000...]), on: app) == 5_000)
            try await expectSchemaShape(tags, after: "add(contentsOf:)", raw: raw)

            var scanned: [String] = []
            for try await tag in try tags.scanMembers(count: 500, on: app) { scanned.append(tag) }
            #expect(scanned.count == 10_000, "no member twice")
            #expect(Set(scanned) == Set(all), "every member")

            // The pages the sequence walks: many, each with a cursor for the next, the last with 0.
            var pages = 0
            var cursor = "0"
            var paged = 0
            repeat {
                let page = try await tags.scan(from: cursor, count: 500, on: app)
                pages += 1
                paged += page.elements.count
                cursor = page.cursor
                if pages > 1_000 { break }
            } while cursor != "0"
            #expect(pages > 10 && paged == 10_000, "\(pages) pages, \(paged) members")
        }
    }

    @Test func setArgumentsRedisWouldRefuseAreRefusedBeforeAnythingIsSent() async throws {
        try await LiveServer.withEmptyDatabase { app, raw in
            let counting = CountingClient(app)
            let tags = try UXKeys.Tags(sid: "refused")
            for (name, operation) in [
                ("add", { try await tags.add(contentsOf: [], on: counting) }),
                ("remove", { try await tags.remove(contentsOf: [], on: counting) }),
                ("contains", { _ = try await tags.contains(each: [], on: counting) }),
                ("scan", { _ = try await tags.scan(count: 0, on: counting) }),
                ("scanMembers", { _ = try tags.scanMembers(count: -1, on: counting) }),
                ("too many", { try await tags.add(contentsOf: (0..<7_996).map(String.init), on: counting) }),
            ] as [(String, () async throws -> Void)] {
                let error = await #expect(throws: RedisSchemaError.self, "\(name)") { try await operation() }
                guard case .invalidArgument(let key, _)? = error else {
                    Issue.record("\(name): \(String(describing: error))")
                    continue
                }
                #expect(key == tags.key)
            }
            #expect(await counting.commandsSent == 0)
            #expect(try await raw.integer("DBSIZE") == 0)
            #expect(try await tags.add(contentsOf: (0..<7_995).map(String.init), on: app) == 7_995, "the most")
        }
    }
}
