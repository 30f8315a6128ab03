import Foundation

extension HumanUnits {
    /// A size in binary units, as `MEMORY USAGE` and `INFO memory` count them: `512 B`, `9.8 KiB`,
    /// `1.2 GiB`, `310 MiB` (one decimal below 100).
    static func bytes(_ value: Double) -> String {
        guard value.isFinite, value >= 0 else { return "?" }
        if value.rounded() < 1024 { return "\(Int(value.rounded())) B" }
        var scaled = value
        for unit in ["KiB", "MiB", "GiB", "TiB"] {
            scaled /= 1024
            // Rounded as it will be shown, so that 1023.96 KiB reads `1.0 MiB`, not `1024 KiB`.
            if scaled.rounded() < 1024 || unit == "TiB" {
                return scaled < 99.95 ? String(format: "%.1f \(unit)", scaled) : "\(Int(scaled.rounded())) \(unit)"
            }
        }
        return "?"
    }
}
