/// Decides, after a scan lost its connection, whether to try again and how long to wait first.
///
/// An outage starts at the first failure after progress and ends at the next batch handled; the scan
/// gives up at the first failure once the outage has lasted `retryFor`. The client reconnects on its
/// own (and paces its attempts); the short wait here only keeps a client that does not reconnect from
/// being asked again in a tight loop.
struct DropRecovery {
    /// How long an outage may last before the scan gives up; zero gives up at the first failure.
    let retryFor: Duration
    /// Outages that ended with the scan going on.
    private(set) var reconnects = 0
    private var outageStart: ContinuousClock.Instant?
    private var failures = 0

    init(retryFor: Duration) {
        self.retryFor = retryFor
    }

    /// Notes a failure; returns the wait before the next attempt, or `nil` to give up.
    mutating func failed(at now: ContinuousClock.Instant = .now) -> Duration? {
        let start = outageStart ?? now
        outageStart = start
        failures += 1
        let remaining = retryFor - (now - start)
        guard remaining > .zero else { return nil }
        // 50 ms, 100 ms, … up to 1 s, never past the deadline.
        let wait = Duration.milliseconds(50 * (1 << min(failures - 1, 4)))
        return min(wait, remaining)
    }

    /// Notes that a batch was handled: an outage in progress has ended.
    mutating func progressed() {
        guard outageStart != nil else { return }
        outageStart = nil
        failures = 0
        reconnects += 1
    }
}

extension LintError {
    /// Whether the failure can pass once the connection is re-established: a dropped connection, a
    /// reply timeout, a server that is still loading its data after a restart, or a cluster between a
    /// primary's failure and its failover. ACL denials and
    /// malformed replies would fail the same way again.
    var isRecoverable: Bool {
        switch self {
        case .connection: return true
        case .serverError(_, let error):
            // CLUSTERDOWN: a cluster refuses key commands while a failed primary's slots have no new owner
            // yet; TRYAGAIN: keys of one command are mid-migration. Both pass within seconds.
            return ["LOADING", "BUSY", "CLUSTERDOWN", "TRYAGAIN"].contains(error.code)
        case .unexpectedReply: return false
        }
    }
}
