import Foundation
import RedisSchemaLint

/// The `scanned 1,234,567 keys (41%) · 310,000 keys/s · ETA 6 s` line on a terminal's standard
/// error, redrawn at most five times a second.
final class ProgressLine: @unchecked Sendable {
    // Only touched from the scanning task, one batch after another.
    private let enabled: Bool
    private var lastDrawn = ContinuousClock.now - .seconds(1)
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ progress: ScanProgress) {
        guard enabled, ContinuousClock.now - lastDrawn >= .milliseconds(200) else { return }
        lastDrawn = .now
        let rate = progress.elapsedSeconds > 0 ? Double(progress.keysScanned) / progress.elapsedSeconds : 0
        var line = "scanned \(HumanUnits.grouped(progress.keysScanned)) keys"
        if let size = progress.databaseSize, size > 0 {
            let share = min(100, progress.keysScanned * 100 / size)
            line += " (\(share)% of \(HumanUnits.grouped(size)))"
            if rate > 0, progress.keysScanned < size {
                line += " · ETA \(Int((Double(size - progress.keysScanned) / rate).rounded(.up))) s"
            }
        }
        line += " · \(HumanUnits.grouped(Int(rate))) keys/s"
        FileHandleOutput.standardError.write("\r\u{1B}[K" + line)
        drawn = true
    }

    func clear() {
        if drawn { FileHandleOutput.standardError.write("\r\u{1B}[K") }
        drawn = false
    }
}
