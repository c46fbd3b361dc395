import Foundation
import Geo
import GeoFormats
import Maps

/// Refuses, before anything is read, outputs that would destroy what the
/// command needs or each other: an output that is one of the command's
/// inputs (through symbolic links, by device and inode), two outputs on
/// one file (`-` once at most; a device such as /dev/null may take
/// several), a layer output in a format Territorio cannot write, a folder.
/// `GPKG:file:layer` and `/vsizip/file.zip/...` stand for their file; a
/// PostGIS table for itself (its database's connection string and name).
enum OutputPaths {
    struct Clash: Error {
        let message: String
    }

    static func check(_ command: CommandFiles) throws(Clash) {
        let inputs = command.inputFiles.filter { $0 != "-" }.map { LayerSource.split($0).path }
        var claimed: [(output: CommandOutput, identity: Set<String>)] = []
        for output in command.outputFiles {
            try checkFormat(output)
            let identity = identities(of: output)
            for input in inputs where !identity.isDisjoint(with: inputIdentities(of: input)) {
                throw Clash(message: "\(output.flag) \(output.path) is the input \(input): writing it would destroy the input; write to another file")
            }
            if let earlier = claimed.first(where: { !$0.identity.isDisjoint(with: identity) }) {
                throw Clash(message: "\(earlier.output.flag) \(earlier.output.path) and \(output.flag) \(output.path) are the same file: give each output its own")
            }
            claimed.append((output, identity))
        }
    }

    private static func checkFormat(_ output: CommandOutput) throws(Clash) {
        if case .folder = OutputDestination(output.path) {
            throw Clash(message: "\(output.flag) \(output.path) is a folder: name a file to write")
        }
        switch output.kind {
        case .layer:
            do { try LayerOutput.check(output.path, layerName: output.layerName, append: output.append) } catch {
                throw Clash(message: "\(output.flag) \(error.description)")
            }
        case .map:
            if MapFormat(path: output.path) == nil {
                throw Clash(message: "\(output.flag) \(output.path): the map's format follows the extension: .svg, .png, .pdf or .html")
            }
        case .text:
            break
        }
    }

    private static func identities(of output: CommandOutput) -> Set<String> {
        if output.kind == .layer, GDALName.isPostgreSQL(output.path) {
            return ["table \(GDALName.database(of: output.path)) \(output.layerName ?? GDALName.table(in: output.path) ?? "")"]
        }
        return identities(of: GDALName.localFile(of: output.path) ?? output.path)
    }

    /// Names of the file `path` writes: its descriptor, its device and
    /// inode, its full path after links. Writing a device twice (/dev/null)
    /// destroys nothing, so a device has none.
    private static func identities(of path: String) -> Set<String> {
        switch OutputDestination(path) {
        case .standardOutput: return ["descriptor 1"]
        case .descriptor(let number): return ["descriptor \(number)"]
        case .stream(let node):
            var info = stat()
            guard stat(node, &info) == 0, info.st_mode & S_IFMT != S_IFCHR else { return [] }
            return ["inode \(info.st_dev) \(info.st_ino)"]
        case .folder(let folder): return ["path \(folder)"]
        case .file(let target):
            var names: Set<String> = ["path \(absolute(target))"]
            var info = stat()
            if stat(target, &info) == 0 { names.insert("inode \(info.st_dev) \(info.st_ino)") }
            return names
        }
    }

    /// An input is read, so only an existing regular file can be lost.
    private static func inputIdentities(of path: String) -> Set<String> {
        if GDALName.isPostgreSQL(path) {
            return GDALName.table(in: path).map { ["table \(GDALName.database(of: path)) \($0)"] } ?? []
        }
        let path = GDALName.localFile(of: path) ?? path
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return [] }
        return ["inode \(info.st_dev) \(info.st_ino)"]
    }

    /// The target with its folder's links resolved (the file may not exist yet).
    private static func absolute(_ target: String) -> String {
        let folder = TemporaryName.folder(of: target)
        let name = URL(fileURLWithPath: target).lastPathComponent
        guard let resolved = realpath(folder, nil) else { return folder + "/" + name }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + name
    }
}
