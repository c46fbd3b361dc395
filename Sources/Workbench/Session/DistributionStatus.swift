import Foundation
import Geo

/// The exact distribution's state for the page's "computing…" line, kept
/// apart from the actor so that asking never waits behind the work.
public final class DistributionStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var version = 0
    private var ready: (version: Int, json: String)?
    private var running: Int?
    private var failure: (version: Int, message: String)?

    public enum State: Sendable, Equatable {
        /// The figures for the current grouping (JSON).
        case ready(String)
        case computing
        /// Nothing started for the current grouping yet.
        case idle
        case failed(String)
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    func changed(to version: Int) {
        locked { self.version = version }
    }

    /// Whether to start a run for the current version (marks it running).
    func begin() -> Int? {
        locked {
            if ready?.version == version || running == version || failure?.version == version { return nil }
            running = version
            return version
        }
    }

    func finish(_ version: Int, json: String) {
        locked {
            ready = (version, json)
            if running == version { running = nil }
        }
    }

    func fail(_ version: Int, message: String) {
        locked {
            failure = (version, message)
            if running == version { running = nil }
        }
    }

    /// Gave up on a version that changed meanwhile.
    func abandon(_ version: Int) {
        locked { if running == version { running = nil } }
    }

    public var state: State {
        locked {
            if let ready, ready.version == version { return .ready(ready.json) }
            if let failure, failure.version == version { return .failed(failure.message) }
            return running == version ? .computing : .idle
        }
    }

    public var currentVersion: Int { locked { version } }
}
