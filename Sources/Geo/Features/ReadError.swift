/// Bad input, located as precisely as the reader could: file, line and
/// column, and the feature (index from 0, and id when it was read).
public struct ReadError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var featureIndex: Int?
    public var featureID: FeatureID?
    public var message: String
    /// The kind of problem, when it is one of the common kinds: what a
    /// translation of `message` is made from (`ReadError+Reason.swift`).
    public var reason: Reason?

    public init(file: String, line: Int? = nil, column: Int? = nil, featureIndex: Int? = nil,
                featureID: FeatureID? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.featureIndex = featureIndex
        self.featureID = featureID
        self.message = message
    }

    /// `file.geojson:12:40: feature 3 (id P0004): message`
    public var description: String {
        var text = file
        if let line { text += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        if let featureIndex {
            text += ": feature \(featureIndex)" + (featureID.map { " (id \($0))" } ?? "")
        }
        return text + ": " + message
    }
}
