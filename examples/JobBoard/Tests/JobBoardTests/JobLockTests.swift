import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

@Suite(.serialized, .enabled(if: LiveServer.port != nil, LiveServer.skipMessage))
struct JobLockTests {
    @Test func aFreeJobHasNoHolder() async throws {
        try await LiveServer.withEmptyDatabase(.jobLock) { app, _ async throws in
            let locks = JobLock(redis: app)
            #expect(try await locks.holder(of: "job-1") == nil)
            #expect(try await locks.expiry(of: "job-1") == .missing)
        }
    }

    @Test func aHeldLockNamesItsHolderAndExpires() async throws {
        try await LiveServer.withEmptyDatabase(.jobLock) { app, raw async throws in
            let locks = JobLock(redis: app)
            let token = JobLock<RedisConnection>.makeToken()
            // Taken by hand, as another service would take it (SET NX with the schema's 30 s): the reads see it.
            #expect(try await raw.text("SET", "lock:job:job-1", token, "NX", "EX", 30) == "OK")
            #expect(try await locks.holder(of: "job-1") == token)
            guard case .milliseconds(let left) = try await locks.expiry(of: "job-1") else {
                Issue.record("the lock has no TTL")
                return
            }
            #expect(left > 0 && left <= 30_000)
            #expect(try await locks.holder(of: "job-2") == nil)
        }
    }

    @Test func tokensAreRandom() {
        let tokens = (0..<100).map { _ in JobLock<RedisConnection>.makeToken() }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy { UUID(uuidString: $0) != nil && $0 == $0.lowercased() })
    }

    @Test func aJobIDThatCannotBePartOfTheKeyIsRefused() async throws {
        try await LiveServer.withEmptyDatabase(.jobLock) { app, _ async throws in
            await #expect(throws: RedisSchemaError.self) { try await JobLock(redis: app).holder(of: "a:b") }
        }
    }
}
