import Foundation

/// Per-round figures of the exact distribution (links, solve and pricing
/// times, pairs examined), written to standard error when the environment
/// sets TERRITORIO_TRACE_DISTRIBUTION: how `bench/scale` finds where the
/// time goes. Silent otherwise.
enum DistributionTrace {
    static let enabled = ProcessInfo.processInfo.environment["TERRITORIO_TRACE_DISTRIBUTION"] != nil
    private static let start = Date()

    static func log(_ message: @autoclosure () -> String) {
        guard enabled else { return }
        let line = String(format: "[distribute %8.2fs] ", Date().timeIntervalSince(start)) + message() + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Runs `body`, returning its result and the seconds it took.
    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let begin = Date()
        let value = try body()
        return (value, Date().timeIntervalSince(begin))
    }
}
