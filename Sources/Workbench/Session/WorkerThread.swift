import Foundation

/// One thread that runs every job of the actor it serves, in order.
///
/// GEOS geometries belong to the context of the thread that made them
/// (`GEOSContext.current`), and a binary operation on two contexts is two
/// threads in one. The study's geometries are made on this thread and
/// every analysis runs on it, so the workbench's actor is pinned here
/// rather than hopping between the cooperative pool's threads.
final class WorkerThread: SerialExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init(name: String) {
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = name
        // GEOS and the distribution recurse; the default secondary stack is small.
        thread.stackSize = 16 << 20
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedSerialExecutor())
        }
    }
}
