import Foundation

/// A one-line progress bar with elapsed time and ETA, drawn on standard error.
///
/// Drawn only when standard error is a terminal, so logs and pipes stay clean.
final class ProgressBar: @unchecked Sendable {
    private let start = Date()
    private let lock = NSLock()
    private var lastDrawn = -1

    /// Draws `fraction` (0…1) done; redraws only when the whole percentage changes.
    func update(_ fraction: Double) {
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let elapsed = Date().timeIntervalSince(start)
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let filled = percent * 30 / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        Terminal.standardError.write(String(format: "\r[%@] %3d%%  %.1fs elapsed, ETA %.1fs ", bar, percent, elapsed, eta))
    }

    /// Clears the line.
    func finish() {
        Terminal.standardError.write("\r" + String(repeating: " ", count: 64) + "\r")
    }
}

extension Optional where Wrapped == ProgressBar {
    /// The callback that moves the bar, for the library's `progress:` parameters.
    var callback: (@Sendable (Double) -> Void)? {
        map { bar in { @Sendable fraction in bar.update(fraction) } }
    }
}
