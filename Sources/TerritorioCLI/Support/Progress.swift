import Foundation

/// One updating line on standard error while long work runs: done/total,
/// the rate and, when the total is known, the time left. Only when standard
/// error is a terminal, not with --quiet, and only once the work has taken
/// over a second. Nothing at all when piped.
///
/// Unchecked Sendable: Territory's parallel loops call it through
/// `ProgressCounter`, which makes the calls one at a time (`callback`).
final class Progress: @unchecked Sendable {
    private let label: String
    private let unit: String
    private let start: Date
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let enabled: Bool

    init(_ label: String, unit: String = "features") {
        self.label = label
        self.unit = unit
        self.start = Date()
        self.enabled = Diagnostics.standardErrorIsTerminal && !Diagnostics.isQuiet
    }

    func update(_ count: Int, of total: Int? = nil) {
        guard enabled else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed > Self.delay, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        drawn = true
        Diagnostics.write("\r" + Self.line(label: label, unit: unit, count: count, total: total, seconds: elapsed) + "\u{1B}[K")
    }

    /// For a Territory loop's `progress:` parameter: (done, total).
    var callback: @Sendable (Int, Int) -> Void { { done, total in self.update(done, of: total) } }

    /// Seconds of work before the line appears: 1, or the environment's
    /// `TERRITORIO_PROGRESS_AFTER` (the tests set 0 to see the line on a
    /// small sample without a long run).
    static let delay: Double = {
        guard let text = ProcessInfo.processInfo.environment["TERRITORIO_PROGRESS_AFTER"], let value = Double(text), value >= 0 else { return 1 }
        return value
    }()

    /// `reading sites.csv: 120000/1000000 features (12 %), 85000/s, about 10 s left`.
    static func line(label: String, unit: String, count: Int, total: Int?, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(count) / seconds : 0
        var text = "\(label): \(count)"
        if let total, total > 0 {
            text += "/\(total) \(unit) (\(min(100, count * 100 / total)) %)"
        } else {
            text += " \(unit)"
        }
        if rate > 0 { text += ", \(Int(rate.rounded()))/s" }
        if let total, rate > 0, count < total {
            text += ", about \(duration(Double(total - count) / rate)) left"
        }
        return text
    }

    private static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) min"
    }

    /// Clears the line, if one was drawn.
    func finish() {
        if drawn { Diagnostics.write("\r\u{1B}[K") }
        drawn = false
    }
}
