import CGEOS
import Foundation

/// One GEOS context: the handle every reentrant (`_r`) call names, and the
/// last error GEOS reported through it.
///
/// A context must not be used by two threads at once. `GEOSContext.current`
/// gives each thread its own; parallel workers create one each.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    fileprivate var lastMessage: String?

    public init() {
        guard let handle = GEOS_init_r() else {
            fatalError("GEOS_init_r returned no context: out of memory")
        }
        self.handle = handle
        let userdata = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            let context = Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue()
            context.lastMessage = String(cString: message)
        }, userdata)
        // Notices (e.g. "Self-intersection at or near point ...") are what
        // validity functions return anyway; they are not errors.
        GEOSContext_setNoticeMessageHandler_r(handle, { _, _ in }, nil)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The context of the calling thread, created on first use.
    public static var current: GEOSContext { perThread.value }
    private static let perThread = ThreadLocal { GEOSContext() }

    /// Takes the message GEOS left for the failed call, so it is not
    /// reported again for a later one.
    func takeError(operation: String) -> GEOSError {
        defer { lastMessage = nil }
        return GEOSError(operation: operation, message: lastMessage ?? "GEOS reported no message")
    }

    /// The owned result of a GEOS call that returns NULL on failure.
    func check(_ result: OpaquePointer?, _ operation: String) throws(GEOSError) -> OpaquePointer {
        guard let result else { throw takeError(operation: operation) }
        return result
    }

    /// A GEOS predicate result: 1 true, 0 false, 2 exception.
    func check(predicate result: CChar, _ operation: String) throws(GEOSError) -> Bool {
        switch result {
        case 1: return true
        case 0: return false
        default: throw takeError(operation: operation)
        }
    }

    /// A GEOS call that returns 0 on failure.
    func check(status result: Int32, _ operation: String) throws(GEOSError) {
        if result == 0 { throw takeError(operation: operation) }
    }
}
