import ArgumentParser
import RedisSchemaLint

/// `validate --rate`, `--count` and `--batches-in-flight`: how fast the scan goes, and in what units.
struct PacingOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            """
            adaptive (the default: full speed on an idle server, a small share of it beside other clients), \
            max (full speed, for staging), or at most this many keys per second.
            """, valueName: "adaptive|max|keys/s"))
    var rate = "adaptive"

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Keys asked for per SCAN call (SCAN … COUNT); default 1000 with --rate max or N, chosen by adaptive pacing.",
            valueName: "n"))
    var count: Int?

    @Option(
        name: .customLong("batches-in-flight"), parsing: .unconditional,
        help: ArgumentHelp(
            "TYPE/PTTL batches awaiting replies at once; default 4 with --rate max or N, chosen by adaptive pacing.",
            valueName: "n"))
    var batchesInFlight: Int?

    /// What `--rate` asks for.
    enum Rate: Equatable {
        case adaptive
        case max
        case keysPerSecond(Double)
    }

    /// `--rate` parsed; `nil` when it is none of the accepted values.
    var parsedRate: Rate? {
        switch rate.lowercased() {
        case "adaptive": return .adaptive
        case "max": return .max
        default:
            guard let value = Double(rate), value.isFinite, value >= 1 else { return nil }
            return .keysPerSecond(value)
        }
    }

    func validate() throws {
        guard parsedRate != nil else {
            throw ValidationError(
                "--rate takes adaptive (the default), max (full speed, for staging) or a number of keys per second, "
                    + "at least 1; got `\(rate)`")
        }
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let batchesInFlight, batchesInFlight < 1 { throw ValidationError("--batches-in-flight must be at least 1") }
    }

    /// Applies the options to `scan`: an explicit `--count` or `--batches-in-flight` also overrides the
    /// work units adaptive pacing would choose.
    func apply(to scan: inout ScanOptions) {
        let defaults = ScanOptions()
        scan.count = count ?? defaults.count
        scan.batchesInFlight = batchesInFlight ?? defaults.batchesInFlight
        switch parsedRate ?? .adaptive {
        case .max:
            scan.pacing = .max
        case .keysPerSecond(let value):
            scan.pacing = .fixed(keysPerSecond: value)
        case .adaptive:
            var settings = AdaptivePacing()
            if let count {
                settings.fullSpeedUnit.count = count
                settings.sharedUnit.count = count
            }
            if let batchesInFlight {
                settings.fullSpeedUnit.batchesInFlight = batchesInFlight
                settings.sharedUnit.batchesInFlight = batchesInFlight
            }
            scan.pacing = .adaptive(settings)
        }
    }
}
