import CGDAL
import Foundation

/// GDAL's process-wide setup: every driver registered once, and GDAL's own
/// printing to standard error turned off. Its messages reach Territorio
/// through `GDALMessages` instead, as warnings and errors that name the
/// file.
enum GDAL {
    private static let ready: Void = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        // GDAL's temporary files (the OpenStreetMap driver's node index of a
        // large extract) go to the current folder unless told otherwise.
        if CPLGetConfigOption("CPL_TMPDIR", nil) == nil, CPLGetConfigOption("TMPDIR", nil) == nil {
            CPLSetConfigOption("CPL_TMPDIR", FileManager.default.temporaryDirectory.path)
        }
    }()

    static func prepare() {
        _ = ready
    }

    /// The version GDAL reports at run time, e.g. `3.6.2`.
    static var version: String {
        prepare()
        return String(cString: GDALVersionInfo("RELEASE_NAME"))
    }

    /// The drivers that open vector data, by short name.
    static func vectorDriverNames() -> [String] {
        prepare()
        return (0..<GDALGetDriverCount()).compactMap { index in
            guard let driver = GDALGetDriver(index), GDALGetMetadataItem(driver, GDAL_DCAP_VECTOR, nil) != nil else { return nil }
            return String(cString: GDALGetDriverShortName(driver))
        }
    }
}

/// What GDAL said during an operation: its warnings (in order, each once,
/// with how often it came) and its failures. GDAL's error state is per
/// thread, so one collector serves one operation on one thread.
final class GDALMessages {
    struct Message {
        var text: String
        var count: Int
    }

    private(set) var warnings: [Message] = []
    private(set) var failures: [String] = []

    /// The last failure, else GDAL's last error message, else `fallback`.
    func failure(or fallback: String) -> String {
        if let last = failures.last, !last.isEmpty { return last }
        let last = String(cString: CPLGetLastErrorMsg())
        return last.isEmpty ? fallback : last
    }

    func clearFailures() {
        failures.removeAll()
        CPLErrorReset()
    }

    fileprivate func record(_ errorClass: CPLErr, _ text: String) {
        switch errorClass {
        case CE_Warning:
            if let index = warnings.firstIndex(where: { $0.text == text }) {
                warnings[index].count += 1
            } else {
                warnings.append(Message(text: text, count: 1))
            }
        case CE_Failure, CE_Fatal:
            failures.append(text)
        default:
            break
        }
    }

    /// The warnings as lines for people, repeated ones counted.
    var warningLines: [String] {
        warnings.map { $0.count > 1 ? "GDAL: \($0.text) (\($0.count) times)" : "GDAL: \($0.text)" }
    }

    /// Runs `body` with this collector receiving every GDAL message of the
    /// current thread.
    func capture<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        GDAL.prepare()
        CPLPushErrorHandlerEx({ errorClass, _, message in
            guard let data = CPLGetErrorHandlerUserData() else { return }
            let messages = Unmanaged<GDALMessages>.fromOpaque(data).takeUnretainedValue()
            messages.record(errorClass, message.map { String(cString: $0) } ?? "")
        }, Unmanaged.passUnretained(self).toOpaque())
        defer { CPLPopErrorHandler() }
        return try body()
    }
}

/// A NULL-terminated list of C strings (GDAL's `char **` options), alive
/// for the duration of `body`.
func withCStringList<T, E: Error>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws(E) -> T) throws(E) -> T {
    guard !strings.isEmpty else { return try body(nil) }
    let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
    for (index, string) in strings.enumerated() { list[index] = strdup(string) }
    list[strings.count] = nil
    defer {
        for index in 0..<strings.count { free(list[index]) }
        list.deallocate()
    }
    return try body(list)
}
