import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a graceful stop (the partial report is still
/// printed) and a second one into an immediate exit.
///
/// SIGTERM is what `kill`, `timeout`, systemd and Kubernetes send: a run stopped that way must leave
/// its report and resume cursor just as one stopped at a terminal does.
final class InterruptHandler: @unchecked Sendable {
    /// A signal that stops a run.
    enum StopSignal: Sendable {
        case interrupt
        case terminate

        var number: Int32 {
            switch self {
            case .interrupt: SIGINT
            case .terminate: SIGTERM
            }
        }

        /// The exit status a shell reports for a process the signal ended: 128 + its number.
        var exitStatus: Int32 { 128 + number }
    }

    // The signal sources serialise every access on their one queue.
    private let queue = DispatchQueue(label: "redis-schema.signals")
    private var sources: [any DispatchSourceSignal] = []
    private var first: StopSignal?

    init(onFirstSignal: @escaping @Sendable (StopSignal) -> Void) {
        for stop in [StopSignal.interrupt, .terminate] {
            signal(stop.number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: stop.number, queue: queue)
            source.setEventHandler { [unowned self] in
                guard first == nil else { _exit(stop.exitStatus) }
                first = stop
                onFirstSignal(stop)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The signal that stopped the run, if any.
    var received: StopSignal? {
        queue.sync { first }
    }

    func stop() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
