import Foundation
import Geo

/// Paths the tests read and write: temporary files, and the real data in
/// ../shared/geodata/ when that folder is there.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let sharedGeodata = repository.deletingLastPathComponent().appendingPathComponent("shared/geodata")

    static var hasSharedGeodata: Bool {
        FileManager.default.fileExists(atPath: sharedGeodata.path)
    }

    static func shared(_ name: String) -> String {
        sharedGeodata.appendingPathComponent(name).path
    }

    /// A fresh folder for one test.
    static func folder(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-formats-\(getpid())/\(name)")
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }
}
