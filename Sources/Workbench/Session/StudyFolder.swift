import Foundation

/// Where the workbench may write: inside the study's folder only. A name
/// is refused when it is absolute, climbs out with `..`, or reaches
/// outside through a symbolic link (the real paths are compared).
enum StudyFolder {
    /// The absolute path with symbolic links resolved.
    static func resolved(_ path: String) -> URL {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The file `name` (relative to `folder`), or an error saying why it may not be written.
    static func file(_ name: String, in folder: URL, allowedExtensions: [String]) throws -> URL {
        guard !name.isEmpty else { throw WorkbenchError.badRequest("give a file name relative to the study's folder") }
        guard !name.hasPrefix("/"), !name.hasPrefix("~") else {
            throw WorkbenchError(403, "\(name): give a file name relative to the study's folder (\(folder.path)); absolute paths are refused")
        }
        let parts = name.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains("..") else {
            throw WorkbenchError(403, "\(name): names that climb out of the study's folder (\(folder.path)) with .. are refused")
        }
        guard parts.allSatisfy({ !$0.contains("\0") && !$0.contains("\\") }) else {
            throw WorkbenchError.badRequest("\(name): a file name has no NUL or backslash")
        }
        let lower = name.lowercased()
        guard allowedExtensions.contains(where: { lower.hasSuffix(".\($0)") }) else {
            throw WorkbenchError.badRequest("\(name): the name must end in \(allowedExtensions.map { "." + $0 }.joined(separator: " or "))")
        }
        let target = folder.appendingPathComponent(name).standardizedFileURL
        // Through the real folders: a link inside the study to /etc is outside.
        let realParent = resolved(target.deletingLastPathComponent().path)
        guard realParent.path == folder.path || realParent.path.hasPrefix(folder.path + "/") else {
            throw WorkbenchError(403, "\(name): that folder lies outside the study's folder (\(folder.path))")
        }
        let real = realParent.appendingPathComponent(target.lastPathComponent)
        if let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: real.path), !destination.isEmpty {
            throw WorkbenchError(403, "\(name) is a symbolic link; the workbench writes only plain files in the study's folder")
        }
        return real
    }
}
