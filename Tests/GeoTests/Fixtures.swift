import Foundation
import Geo

/// Paths the tests read: the repo's own sample data, and the real
/// boundaries in ../shared/geodata/ when that folder is there.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ name: String) -> String {
        repository.appendingPathComponent("geodata/\(name)").path
    }

    static let sharedGeodata = repository.deletingLastPathComponent().appendingPathComponent("shared/geodata")

    static var hasSharedGeodata: Bool {
        FileManager.default.fileExists(atPath: sharedGeodata.path)
    }

    static func shared(_ name: String) -> String {
        sharedGeodata.appendingPathComponent(name).path
    }

    static func temporaryPath(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    static func layer(_ json: String) throws -> Layer {
        try Layer.readGeoJSON(bytes: Array(json.utf8), name: "test.geojson")
    }

    /// The ReadError message `json` gives, or nil when it reads.
    static func readError(_ json: String) -> String? {
        readError(bytes: Array(json.utf8))
    }

    static func readError(bytes: [UInt8]) -> String? {
        do {
            _ = try Layer.readGeoJSON(bytes: bytes, name: "test.geojson")
            return nil
        } catch {
            return error.description
        }
    }
}
