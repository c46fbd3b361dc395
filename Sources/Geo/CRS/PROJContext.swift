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

extension PROJContext {
    /// True when `crs` is projected, with both axes in metres, by a method
    /// that keeps lengths near true over a region (not Mercator or Web
    /// Mercator, whose scale grows with latitude): a CRS measures can be
    /// taken in as it is. A bound CRS (`+towgs84`) is judged by its source.
    func isMetric(_ crs: CRS) -> Bool {
        guard let object = try? self.crs(crs) else { return false }
        var projected = object
        if proj_get_type(object.handle) == PJ_TYPE_BOUND_CRS {
            guard let source = proj_get_source_crs(handle, object.handle) else { return false }
            projected = PROJObject(source, context: self)
        }
        guard proj_get_type(projected.handle) == PJ_TYPE_PROJECTED_CRS,
              let system = proj_crs_get_coordinate_system(handle, projected.handle) else { return false }
        let coordinates = PROJObject(system, context: self)
        let axes = proj_cs_get_axis_count(handle, coordinates.handle)
        guard axes >= 2 else { return false }
        for axis in 0..<axes {
            var factor = 0.0
            guard proj_cs_get_axis_info(handle, coordinates.handle, axis, nil, nil, nil, &factor, nil, nil, nil) == 1,
                  factor == 1 else { return false }
        }
        guard let operation = proj_crs_get_coordoperation(handle, projected.handle) else { return false }
        let conversion = PROJObject(operation, context: self)
        var method: UnsafePointer<CChar>?
        guard proj_coordoperation_get_method_info(handle, conversion.handle, &method, nil, nil) == 1, let method else { return false }
        let name = String(cString: method).lowercased()
        return !(name.contains("mercator") && !name.contains("transverse"))
    }
}
