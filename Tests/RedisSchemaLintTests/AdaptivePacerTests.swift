import RedisSchema
import Testing

@testable import RedisSchemaLint

/// The decisions of adaptive pacing on made-up load observations (no clock, no server).
@Suite struct AdaptivePacerTests {
    /// An interval of 50 ms with the given load.
    func observation(
        busy: Double? = 0.3, others: Double? = 0, ownKeys: Double = 20000, scanDelay: Duration? = nil
    ) -> LoadObservation {
        LoadObservation(
            seconds: 0.05, serverBusy: busy, otherCommandsPerSecond: others, ownKeysPerSecond: ownKeys,
            scanDelay: scanDelay)
    }

    @Test func startsSharedAndGoesToFullSpeedOnlyAfterEnoughIdleSamples() {
        let settings = AdaptivePacing()
        var pacer = AdaptivePacer(settings: settings)
        #expect(pacer.mode == .shared)
        #expect(pacer.keysPerSecond == settings.startKeysPerSecond)
        #expect(pacer.unit == settings.sharedUnit)
        for _ in 1..<settings.idleSamplesToSpeedUp { pacer.observe(observation()) }
        #expect(pacer.mode == .shared, "a short lull is not enough")
        pacer.observe(observation())
        #expect(pacer.mode == .fullSpeed)
        #expect(pacer.keysPerSecond == nil)
        #expect(pacer.unit == settings.fullSpeedUnit)
        #expect(pacer.backoffs == 0)
    }

    @Test func aloneOnTheServerItNeverBacksOff() {
        let settings = AdaptivePacing()
        var pacer = AdaptivePacer(settings: settings)
        // Its own load, and a slow client's SCAN round trips, are no other client's need.
        pacer.observe(observation(busy: 0.99, others: 0, scanDelay: .milliseconds(30)))
        #expect(pacer.backoffs == 0)
        #expect(pacer.keysPerSecond == settings.startKeysPerSecond + settings.increaseKeysPerSecond)
        for _ in 0..<20 { pacer.observe(observation(busy: 1, others: 10, scanDelay: .milliseconds(30))) }
        #expect(pacer.backoffs == 0)
        #expect(pacer.mode == .fullSpeed)
    }

    @Test func anIdleSampleBreaksNoStreakOfBusyOnes() {
        var pacer = AdaptivePacer(settings: AdaptivePacing())
        for _ in 0..<10 {
            pacer.observe(observation())
            pacer.observe(observation(others: 50000))
        }
        #expect(pacer.mode == .shared, "idle samples must come in a row")
    }

    @Test func otherClientsAtFullSpeedSendItBackToTheSharedModeAtOnce() {
        var settings = AdaptivePacing()
        settings.idleSamplesToSpeedUp = 1
        var pacer = AdaptivePacer(settings: settings)
        pacer.observe(observation())
        #expect(pacer.mode == .fullSpeed)
        pacer.observe(observation(busy: 1, others: settings.idleCommandsPerSecond + 1, ownKeys: 300_000))
        #expect(pacer.mode == .shared)
        #expect(pacer.backoffs == 1)
        #expect(pacer.keysPerSecond == settings.startKeysPerSecond)
        #expect(pacer.unit == settings.sharedUnit)
    }

    @Test func roomOnTheServerGrowsTheBudgetAdditivelyUpToTheShare() {
        let settings = AdaptivePacing()
        var pacer = AdaptivePacer(settings: settings)
        pacer.observe(observation(busy: 0.5, others: 40000))
        #expect(pacer.keysPerSecond == settings.startKeysPerSecond + settings.increaseKeysPerSecond)
        for _ in 0..<1000 { pacer.observe(observation(busy: 0.5, others: 40000)) }
        // 15% of a core at the assumed 3 µs per key: 50,000 keys/s.
        let ceiling = settings.serverShare / (settings.assumedMicrosecondsPerKey / 1e6)
        #expect(abs((pacer.keysPerSecond ?? 0) - ceiling) < 1e-6)
        #expect(pacer.backoffs == 0)
    }

    @Test func aSaturatedServerHalvesTheBudgetDownToTheFloor() {
        let settings = AdaptivePacing()
        var pacer = AdaptivePacer(settings: settings)
        pacer.observe(observation(busy: settings.busyCeiling + 0.01, others: 90000))
        #expect(pacer.keysPerSecond == settings.startKeysPerSecond * settings.decreaseFactor)
        #expect(pacer.backoffs == 1)
        for _ in 0..<20 { pacer.observe(observation(busy: 0.99, others: 90000)) }
        #expect(pacer.keysPerSecond == settings.floorKeysPerSecond, "the scan always progresses")
        #expect(pacer.backoffs == 21)
        #expect(pacer.mode == .shared)
    }

    @Test func queueingScanCallsHalveTheBudgetEvenWhenTheServerLooksIdle() {
        let settings = AdaptivePacing()
        var pacer = AdaptivePacer(settings: settings)
        pacer.observe(observation(busy: 0.2, others: 5000, scanDelay: settings.latencyBudget * 2))
        #expect(pacer.keysPerSecond == settings.startKeysPerSecond * settings.decreaseFactor)
        pacer.observe(observation(busy: 0.2, others: 5000, scanDelay: settings.latencyBudget / 2))
        #expect(
            pacer.keysPerSecond
                == settings.startKeysPerSecond * settings.decreaseFactor + settings.increaseKeysPerSecond)
    }

    @Test func aServerThatRefusesInfoIsNeverTakenForIdle() {
        var pacer = AdaptivePacer(settings: AdaptivePacing())
        for _ in 0..<50 { pacer.observe(observation(busy: nil, others: nil)) }
        #expect(pacer.mode == .shared, "without INFO other clients cannot be ruled out")
        pacer.observe(observation(busy: nil, others: nil, scanDelay: .milliseconds(3)))
        #expect(pacer.backoffs == 1, "SCAN round trips still tell queueing")
    }

    @Test func whatAKeyCostsAloneSetsTheShareCeiling() {
        var settings = AdaptivePacing()
        settings.idleSamplesToSpeedUp = 1
        var pacer = AdaptivePacer(settings: settings)
        pacer.observe(observation())
        // Alone at full speed: 100% busy at 200,000 keys/s is 5 µs per key.
        for _ in 0..<100 { pacer.observe(observation(busy: 1, others: 0, ownKeys: 200_000)) }
        #expect(abs(pacer.secondsPerKey - 5e-6) < 1e-9)
        pacer.observe(observation(busy: 0.5, others: 50000))
        for _ in 0..<1000 { pacer.observe(observation(busy: 0.5, others: 50000)) }
        #expect(abs((pacer.keysPerSecond ?? 0) - settings.serverShare / 5e-6) < 1e-6)
    }

    @Test func timeBesideOtherClientsIsCounted() {
        var pacer = AdaptivePacer(settings: AdaptivePacing())
        for _ in 0..<10 { pacer.observe(observation(others: 20000)) }
        #expect(abs(pacer.sharedSeconds - 0.5) < 1e-9)
    }
}

/// The SCAN delay of an interval is its median: a few slow reads do not make it congested.
@Suite struct ScanDelayTests {
    @Test func theMedianIgnoresAFewOutliers() {
        let delays: [Duration] = [
            .microseconds(50), .milliseconds(30), .microseconds(80), .microseconds(60), .milliseconds(20),
        ]
        #expect(ScanPacer.median(delays) == .microseconds(80))
        #expect(ScanPacer.median([]) == nil)
    }
}

/// Reading the server's load out of `INFO cpu` and `INFO stats`, and the other clients' share of it.
@Suite struct ServerLoadTests {
    @Test func readsCPUAndCommandCounters() throws {
        let text =
            "# CPU\r\nused_cpu_sys:1.250000\r\nused_cpu_user:2.500000\r\nused_cpu_sys_children:9\r\n"
            + "# Stats\r\ntotal_connections_received:3\r\ntotal_commands_processed:12345\r\n"
        let sample = try #require(ServerLoadSample(info: text))
        #expect(sample.cpuSeconds == 3.75)
        #expect(sample.commandsProcessed == 12345)
        #expect(ServerLoadSample(info: "# CPU\r\nused_cpu_sys:1\r\nused_cpu_user:2\r\n") == nil)
    }

    @Test func otherClientsAreTheCommandsThatWereNotTheScans() {
        let before = ServerLoadSample(cpuSeconds: 10, commandsProcessed: 1000)
        let after = ServerLoadSample(cpuSeconds: 10.25, commandsProcessed: 6000)
        let observation = LoadObservation(
            from: before, to: after, seconds: 0.5, ownCommands: 3000, ownKeys: 1500, scanDelay: nil)
        #expect(observation.serverBusy == 0.5)
        #expect(observation.otherCommandsPerSecond == 4000)
        #expect(observation.ownKeysPerSecond == 3000)
    }

    @Test func aRestartOrAMissingSampleTellsNothing() {
        let before = ServerLoadSample(cpuSeconds: 10, commandsProcessed: 5000)
        let restarted = ServerLoadSample(cpuSeconds: 0.1, commandsProcessed: 20)
        let observation = LoadObservation(
            from: before, to: restarted, seconds: 0.05, ownCommands: 0, ownKeys: 0, scanDelay: nil)
        #expect(observation.serverBusy == nil)
        #expect(observation.otherCommandsPerSecond == nil)
        let blind = LoadObservation(from: nil, to: before, seconds: 0.05, ownCommands: 0, ownKeys: 0, scanDelay: nil)
        #expect(blind.otherCommandsPerSecond == nil)
    }
}
