/// A command's outputs appear together or not at all. While a transaction
/// is open, a finished output (`OutputFile.commit`, `GDALWriter.finish`)
/// is only staged: its temporary is complete and flushed, and the rename
/// over the destination waits until the command has succeeded. If the
/// command fails, every staged output is dropped and each destination keeps
/// what it had. Streaming destinations (standard output, devices, FIFOs)
/// cannot wait and are written as the output is made.
///
/// Transactions nest (the demo runs commands whose outputs later steps
/// read): each one puts its own outputs in place when it ends. With none
/// open, an output is put in place when it is finished.
///
/// Transactions belong to the thread that opened them: a library caller
/// writing on another thread of the same process (a test runner, a server)
/// is not caught up in a command's transaction.
public enum OutputTransaction {
    struct Staged {
        var place: () throws(WriteError) -> Void
        var drop: () -> Void
    }

    private final class Stack {
        var transactions: [[Staged]] = []
    }

    private static let stacks = ThreadLocal { Stack() }

    private static var open: [[Staged]] {
        get { stacks.value.transactions }
        set { stacks.value.transactions = newValue }
    }

    /// Runs `body` in a transaction. Its outputs are put in place when it
    /// returns, or when it throws an error `keep` accepts (problems found
    /// and reported in the outputs); dropped on any other error.
    public static func run<T>(keepingOutputsOn keep: (Error) -> Bool = { _ in false }, _ body: () throws -> T) throws -> T {
        open.append([])
        let result: T
        do {
            result = try body()
        } catch {
            let staged = open.removeLast()
            if keep(error) { try placeAll(staged) } else { staged.forEach { $0.drop() } }
            throw error
        }
        try placeAll(open.removeLast())
        return result
    }

    /// Puts an output in place now, or when the open transaction ends.
    public static func stage(place: @escaping () throws(WriteError) -> Void, drop: @escaping () -> Void) throws(WriteError) {
        if open.isEmpty {
            try place()
        } else {
            open[open.count - 1].append(Staged(place: place, drop: drop))
        }
    }

    /// In order; after a failure the rest are dropped.
    private static func placeAll(_ staged: [Staged]) throws(WriteError) {
        for (index, output) in staged.enumerated() {
            do {
                try output.place()
            } catch {
                staged[(index + 1)...].forEach { $0.drop() }
                throw error
            }
        }
    }
}
