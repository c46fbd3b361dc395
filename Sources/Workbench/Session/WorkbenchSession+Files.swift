import Foundation
import Geo
import Reports
import Territory

/// The HTML report of the current grouping and files written into the
/// study's folder (and nowhere else).
extension WorkbenchSession {
    /// `coverage --no-exchange --report report.html` on the current grouping.
    public func reportHTML() throws -> String {
        var report = CoverageReport(currentMetrics.coverage, language: language)
        report.circuitNames = current.namedGrouping.names
        // Foundation's number formatting on Linux is not safe on two threads
        // at once (a "fatal access conflict"); sessions run on threads of
        // their own, so their reports are written one at a time.
        ReportLock.lock.lock()
        defer { ReportLock.lock.unlock() }
        return try report.html()
    }

    /// Writes the grouping (`.csv`) or the report (`.html`) to `name`, a
    /// path relative to the study's folder; never over a file the study reads.
    public func save(_ name: String) throws -> String {
        let target = try StudyFolder.file(name, in: folder, allowedExtensions: ["csv", "html"])
        guard !protectedFiles.contains(target.path) else {
            throw WorkbenchError(403, "\(name) is one of the study's own files; save under another name")
        }
        let text = target.pathExtension.lowercased() == "csv" ? current.csv : try reportHTML()
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let output = try OutputFile(path: target.path)
            try output.write(text)
            try output.commit()
        } catch {
            throw WorkbenchError(500, "\(name): \(error)")
        }
        return JSONValue.object(["written": .string(name), "path": .string(target.path), "bytes": .number(text.utf8.count)]).jsonText
    }
}

/// One report written at a time, whichever session asks.
enum ReportLock {
    static let lock = NSLock()
}
