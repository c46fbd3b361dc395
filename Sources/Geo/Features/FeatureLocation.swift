/// Where a message points in the input: the file, and the feature by its
/// index (from 0, as `info` counts) and id.
public struct FeatureLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var index: Int?
    public var id: FeatureID?

    public init(file: String, index: Int? = nil, id: FeatureID? = nil) {
        self.file = file
        self.index = index
        self.id = id
    }

    /// `FILE: feature 12 (id P0113)`.
    public var description: String {
        guard let index else { return file }
        return "\(file): feature \(index)" + (id.map { " (id \($0))" } ?? "")
    }
}
