/// The controller behind adaptive pacing: from each ``LoadObservation`` it decides how fast
/// `validate` may scan and in what work units. It keeps no clock and sends nothing, so its decisions
/// can be tested with made-up observations.
///
/// - While the server is otherwise idle (other clients send at most
///   ``AdaptivePacing/idleCommandsPerSecond``), it runs at full speed in
///   ``AdaptivePacing/fullSpeedUnit``s, and measures what a key costs the server.
/// - As soon as other clients are active, it switches to ``AdaptivePacing/sharedUnit``s and a
///   keys-per-second budget, additive increase, multiplicative decrease: the budget grows by
///   ``AdaptivePacing/increaseKeysPerSecond`` per sample up to ``AdaptivePacing/serverShare`` of the
///   server's time, and is multiplied by ``AdaptivePacing/decreaseFactor`` (never below
///   ``AdaptivePacing/floorKeysPerSecond``) when the server is busier than
///   ``AdaptivePacing/busyCeiling`` or its SCAN calls queue for more than
///   ``AdaptivePacing/latencyBudget``.
/// - It goes back to full speed only after ``AdaptivePacing/idleSamplesToSpeedUp`` idle samples in a row;
///   it never backs off on an idle sample (the load is then the scan's own).
///
/// A run starts in the shared mode at ``AdaptivePacing/startKeysPerSecond``, so the first moments of a
/// scan never hit a busy server at full speed.
struct AdaptivePacer: Sendable {
    /// Whether the scan is alone on the server.
    enum Mode: Sendable, Hashable {
        /// No other client is active: full speed.
        case fullSpeed
        /// Other clients are active (or cannot be ruled out): a budget in small units.
        case shared
    }

    let settings: AdaptivePacing
    private(set) var mode = Mode.shared
    /// The budget in the shared mode.
    private(set) var sharedKeysPerSecond: Double
    /// Times the pacer slowed down for other clients: a switch from full speed to shared, or a halving.
    private(set) var backoffs = 0
    /// Seconds observed in the shared mode.
    private(set) var sharedSeconds = 0.0
    /// Server CPU seconds per key, measured while alone on the server.
    private(set) var secondsPerKey: Double
    private var idleStreak = 0

    init(settings: AdaptivePacing) {
        self.settings = settings
        self.sharedKeysPerSecond = max(settings.floorKeysPerSecond, settings.startKeysPerSecond)
        self.secondsPerKey = settings.assumedMicrosecondsPerKey / 1_000_000
    }

    /// The most keys per second to scan now; `nil` for no limit.
    var keysPerSecond: Double? {
        mode == .fullSpeed ? nil : sharedKeysPerSecond
    }

    /// The work unit to use now.
    var unit: WorkUnit {
        mode == .fullSpeed ? settings.fullSpeedUnit : settings.sharedUnit
    }

    /// The most keys per second that keep `validate` within its share of the server's time.
    var shareCeiling: Double {
        max(settings.floorKeysPerSecond, settings.serverShare / secondsPerKey)
    }

    /// Takes one observation into account.
    mutating func observe(_ observation: LoadObservation) {
        if mode == .shared { sharedSeconds += observation.seconds }
        let idle = observation.otherCommandsPerSecond.map { $0 <= settings.idleCommandsPerSecond } ?? false
        if idle {
            idleStreak += 1
            if mode == .fullSpeed {
                learnCost(from: observation)
            } else if idleStreak >= settings.idleSamplesToSpeedUp {
                mode = .fullSpeed
            } else {
                // Not yet trusted to last: grow. A busy server or slow SCAN calls are the scan's own
                // doing (or its client's) when nobody else is sending: no reason to back off.
                sharedKeysPerSecond = min(shareCeiling, sharedKeysPerSecond + settings.increaseKeysPerSecond)
            }
            return
        } else {
            idleStreak = 0
            if mode == .fullSpeed {
                mode = .shared
                backoffs += 1
                sharedKeysPerSecond = min(max(settings.floorKeysPerSecond, settings.startKeysPerSecond), shareCeiling)
                return
            }
        }
        if isCongested(observation) {
            sharedKeysPerSecond = max(settings.floorKeysPerSecond, sharedKeysPerSecond * settings.decreaseFactor)
            backoffs += 1
        } else {
            sharedKeysPerSecond = min(shareCeiling, sharedKeysPerSecond + settings.increaseKeysPerSecond)
        }
    }

    /// Whether other clients need the server more than it can give: it is saturated, or requests queue.
    private func isCongested(_ observation: LoadObservation) -> Bool {
        if let busy = observation.serverBusy, busy > settings.busyCeiling { return true }
        if let delay = observation.scanDelay, delay > settings.latencyBudget { return true }
        return false
    }

    /// At full speed alone on the server, its CPU time is what the scan costs.
    private mutating func learnCost(from observation: LoadObservation) {
        guard let busy = observation.serverBusy, observation.ownKeysPerSecond >= 1000, busy > 0 else { return }
        let measured = busy / observation.ownKeysPerSecond
        // A moving average: one noisy sample does not move the share ceiling much.
        secondsPerKey = secondsPerKey * 0.75 + measured * 0.25
    }
}
