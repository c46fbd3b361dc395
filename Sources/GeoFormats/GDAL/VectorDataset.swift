import CGDAL
import Foundation
import Geo

/// A GDAL vector dataset opened for reading, closed when released.
final class VectorDataset {
    let handle: GDALDatasetH
    let path: String

    /// Opens `path` with `GDAL_OF_VERBOSE_ERROR`, so a failure comes with
    /// GDAL's reason. `driver` restricts the drivers GDAL tries.
    init(path: String, driver: String? = nil, openOptions: [String] = [], messages: GDALMessages) throws(ReadError) {
        GDAL.prepare()
        self.path = path
        // A connection string is GDAL's to judge; a virtual path is looked
        // up through GDAL's own file layer.
        if GDALName.isVirtual(path) {
            guard GDALName.virtualPathExists(path) else {
                throw ReadError(file: path, reason: .noSuchFileInArchive)
            }
        } else if !GDALName.isConnection(path) {
            guard FileManager.default.fileExists(atPath: path) else {
                throw ReadError(file: path, reason: .noSuchFile)
            }
        }
        if let driver, GDALGetDriverByName(driver) == nil {
            throw ReadError(file: path, message: "GDAL has no driver named '\(driver)'; vector drivers here: \(GDAL.vectorDriverNames().joined(separator: ", "))")
        }
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
        let opened = messages.capture { () -> GDALDatasetH? in
            CPLErrorReset()
            return withCStringList(driver.map { [$0] } ?? []) { drivers in
                withCStringList(openOptions) { options in
                    GDALOpenEx(path, flags, constList(drivers), constList(options), nil)
                }
            }
        }
        guard let opened else {
            let reason = messages.failure(or: "not recognised as a vector format GDAL reads")
            throw ReadError(file: path, message: "cannot open: \(reason)")
        }
        handle = opened
    }

    deinit {
        GDALClose(handle)
    }

    var driverName: String {
        guard let driver = GDALGetDatasetDriver(handle) else { return "" }
        return String(cString: GDALGetDriverShortName(driver))
    }

    var layerNames: [String] {
        (0..<GDALDatasetGetLayerCount(handle)).compactMap { index in
            GDALDatasetGetLayer(handle, index).map { String(cString: OGR_L_GetName($0)) }
        }
    }

    func layer(named name: String) -> OGRLayerH? {
        GDALDatasetGetLayerByName(handle, name)
    }

    func layer(at index: Int32) -> OGRLayerH? {
        GDALDatasetGetLayer(handle, index)
    }
}

/// `char **` as the `const char *const *` some GDAL functions take.
func constList(_ list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UnsafePointer<UnsafePointer<CChar>?>? {
    list.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) }
}
