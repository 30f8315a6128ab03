import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the first Ctrl-C into a graceful stop (the partial report is still printed) and a second
/// one into an immediate exit.
final class InterruptHandler: @unchecked Sendable {
    // The signal source serialises every access on its queue.
    private let source: any DispatchSourceSignal
    private var interrupts = 0

    init(onFirstInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "redis-schema.sigint"))
        source.setEventHandler { [unowned self] in
            interrupts += 1
            if interrupts == 1 {
                onFirstInterrupt()
            } else {
                _exit(130)
            }
        }
        source.resume()
    }

    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
