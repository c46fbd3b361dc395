import CPROJ

/// One PROJ context, with the messages PROJ logged through it: PROJ's
/// error numbers alone say little ("Unknown error"), its log says what
/// failed.
public final class PROJContext {
    let handle: OpaquePointer
    private var messages: [String] = []

    public init() {
        guard let handle = proj_context_create() else {
            fatalError("proj_context_create returned no context: out of memory")
        }
        self.handle = handle
        proj_log_level(handle, PJ_LOG_ERROR)
        proj_log_func(handle, Unmanaged.passUnretained(self).toOpaque()) { userdata, _, message in
            guard let userdata, let message else { return }
            let context = Unmanaged<PROJContext>.fromOpaque(userdata).takeUnretainedValue()
            context.messages.append(String(cString: message))
        }
    }

    deinit {
        proj_context_destroy(handle)
    }

    /// The context of the calling thread, created on first use.
    public static var current: PROJContext { perThread.value }
    private static let perThread = ThreadLocal { PROJContext() }

    /// What PROJ said since the last call, or its error string.
    func takeMessage() -> String {
        defer { messages.removeAll() }
        if let last = messages.last { return last }
        let errno = proj_context_errno(handle)
        return errno == 0 ? "no message from PROJ" : String(cString: proj_context_errno_string(handle, errno))
    }

    /// A PROJ object made from a user's CRS definition.
    func crs(_ crs: CRS) throws(CRSError) -> PROJObject {
        messages.removeAll()
        guard let object = proj_create(handle, crs.definition), proj_is_crs(object) == 1 else {
            throw .unknownCRS(crs.definition, message: takeMessage())
        }
        return PROJObject(object, context: self)
    }
}

/// A PJ handle, destroyed with its owner.
final class PROJObject {
    let handle: OpaquePointer
    let context: PROJContext

    init(_ handle: OpaquePointer, context: PROJContext) {
        self.handle = handle
        self.context = context
    }

    deinit {
        proj_destroy(handle)
    }
}
