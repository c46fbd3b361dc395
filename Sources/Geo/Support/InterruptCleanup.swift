import Dispatch
import Foundation

/// SIGINT (Ctrl-C), SIGTERM and SIGHUP remove the temporary files and
/// folders of outputs being written (`TemporaryFiles`), then end the
/// process by the same signal, so the caller sees how it ended. Without
/// this, a big conversion stopped with Ctrl-C left its hidden temporary
/// (97 MB for one GeoPackage) until the next run to the same destination.
///
/// The signals are taken by dispatch sources, not signal handlers: the
/// cleanup runs on an ordinary thread, where removing a folder and taking
/// a lock are safe (neither is async-signal-safe). SIGKILL cannot be
/// caught; what it leaves is removed by the next run (`TemporaryName`).
public enum InterruptCleanup {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Call once, at the start of the process. A signal the parent set to
    /// be ignored (`nohup`, a background job) stays ignored.
    public static func install() {
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(signalNumber, SIG_IGN)
            if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                TemporaryFiles.removeAllAndHold()
                signal(signalNumber, SIG_DFL)
                // To the process: dispatch's threads block signals, another
                // thread takes it. The exit is for when none does in time.
                kill(getpid(), signalNumber)
                usleep(500_000)
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
