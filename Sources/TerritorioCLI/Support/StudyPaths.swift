import Foundation

/// Paths inside a study file: relative to the file's folder, turned into
/// paths from the working folder as a planner would type them.
enum StudyPaths {
    /// The folder of `path` as written ("out" for out/study.json, "" for
    /// study.json): no working folder added, so relative stays relative.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` from the folder `folder`: absolute paths as they are; a
    /// relative one joined to the folder, with `.` and `a/..` taken out
    /// (out/../geodata/x.geojson is geodata/x.geojson), so the same file
    /// has the same name as when given by flag.
    static func resolve(_ path: String, in folder: String) -> String {
        guard !path.hasPrefix("/"), !folder.isEmpty else { return path }
        return normalized(folder == "/" ? "/" + path : folder + "/" + path)
    }

    /// `.` removed and `name/..` collapsed, lexically; leading `..` of a
    /// relative path kept.
    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// Whether the file exists, `FILE:LAYER` naming a layer of FILE.
    static func exists(_ path: String) -> Bool {
        if FileManager.default.fileExists(atPath: path) { return true }
        guard let colon = path.lastIndex(of: ":") else { return false }
        return FileManager.default.fileExists(atPath: String(path[..<colon]))
    }

    /// `path` written relative to `folder` (for a study file written into
    /// `folder`); both are taken from the working folder when relative.
    static func relative(_ path: String, from folder: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> [String] {
            normalized(path.hasPrefix("/") ? path : current + "/" + path).split(separator: "/").map(String.init)
        }
        let target = absolute(path), base = absolute(folder)
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        return (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
    }
}
