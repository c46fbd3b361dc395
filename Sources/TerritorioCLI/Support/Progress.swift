import Foundation

/// One updating line on standard error while long work runs: only when
/// standard error is a terminal, and only once the work has taken over a
/// second. Nothing at all when piped.
final class Progress {
    private let label: String
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let enabled = Diagnostics.standardErrorIsTerminal

    init(_ label: String) {
        self.label = label
    }

    func update(_ count: Int, of total: Int? = nil) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        drawn = true
        let amount = total.map { "\(count)/\($0)" } ?? "\(count)"
        Diagnostics.write("\r\(label): \(amount) features\u{1B}[K")
    }

    /// Clears the line, if one was drawn.
    func finish() {
        if drawn { Diagnostics.write("\r\u{1B}[K") }
        drawn = false
    }
}
