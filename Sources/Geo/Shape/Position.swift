/// One coordinate: x and y (longitude and latitude in a geographic CRS,
/// easting and northing in a projected one), and z when the data has it.
public struct Position: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var z: Double?

    public init(x: Double, y: Double, z: Double? = nil) {
        self.x = x
        self.y = y
        self.z = z
    }
}
