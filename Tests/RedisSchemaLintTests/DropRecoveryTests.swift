import RedisSchema
import Testing

@testable import RedisSchemaLint

/// When a scan that lost its connection tries again, and when it gives up.
@Suite struct DropRecoveryTests {
    @Test func zeroGivesUpAtTheFirstFailure() {
        var recovery = DropRecovery(retryFor: .zero)
        #expect(recovery.failed() == nil)
    }

    @Test func waitsGrowAndNeverPassTheDeadline() {
        var recovery = DropRecovery(retryFor: .milliseconds(400))
        let start = ContinuousClock.now
        #expect(recovery.failed(at: start) == .milliseconds(50))
        #expect(recovery.failed(at: start) == .milliseconds(100))
        #expect(recovery.failed(at: start + .milliseconds(250)) == .milliseconds(150), "what is left of 400 ms")
        #expect(recovery.failed(at: start + .milliseconds(400)) == nil)
    }

    @Test func oneOutageIsOneReconnectAndProgressRestartsTheClock() {
        var recovery = DropRecovery(retryFor: .seconds(1))
        let start = ContinuousClock.now
        recovery.progressed()
        #expect(recovery.reconnects == 0, "progress without an outage is no reconnect")
        _ = recovery.failed(at: start)
        _ = recovery.failed(at: start + .milliseconds(900))
        recovery.progressed()
        #expect(recovery.reconnects == 1)
        #expect(recovery.failed(at: start + .seconds(5)) == .milliseconds(50), "a new outage, a new deadline")
        recovery.progressed()
        #expect(recovery.reconnects == 2)
    }

    @Test func onlyFailuresThatReconnectingCanFixAreRetried() {
        #expect(LintError.connection(CancellationError()).isRecoverable)
        #expect(LintError.serverError(command: "SCAN", RedisServerError("LOADING Redis is loading")).isRecoverable)
        #expect(!LintError.serverError(command: "SCAN", RedisServerError("NOPERM no")).isRecoverable)
        #expect(!LintError.unexpectedReply(command: "SCAN", reply: "?").isRecoverable)
    }
}
