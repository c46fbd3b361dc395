import Geo

/// The sites (actors) of a study, parsed and located once: each feature's
/// `Site` (errors name the feature), its position in the territories'
/// metric CRS, the territory that contains it, and the id it is known by.
public struct StudySites: Sendable {
    public let file: String
    /// As read.
    public let layer: Layer
    public let fields: SiteFields
    public let sites: [Site]
    /// In the territories' metric CRS; nil for a feature that is not a point.
    public let positions: [Position?]
    /// The territory (index in `StudyTerritories`) containing each site;
    /// nil outside every territory.
    public let territory: [Int?]
    /// `idField`, else the feature id, else `#` and the position in the file.
    public let ids: [String]
    /// The property holding the ids, when one does (nil: the feature ids).
    public let idField: String?

    public init(_ layer: Layer, file: String, fields: SiteFields = SiteFields(), idField: String? = nil,
                in territories: StudyTerritories) throws {
        self.file = file
        self.layer = layer
        self.fields = fields
        self.idField = idField
        var sites: [Site] = []
        sites.reserveCapacity(layer.count)
        for (index, feature) in layer.features.enumerated() {
            sites.append(try fields.site(of: feature, index: index, file: file))
        }
        self.sites = sites
        positions = try layer.projected(to: territories.metric, file: file).features.map { feature in
            if case .point(let position?)? = feature.geometry { return position }
            return nil
        }
        territory = try SpatialJoin(options: .init(idField: territories.idField))
            .join(points: layer, polygons: territories.layer, pointsFile: file).polygonOfPoint
        ids = layer.features.enumerated().map { index, feature in
            if let idField, let value = feature.properties[idField], value != .null { return value.text }
            return feature.id?.description ?? "#\(index)"
        }
    }

    public var count: Int { sites.count }

    /// Sites of each territory, in file order.
    public func byTerritory(count: Int) -> [[Int]] {
        var result: [[Int]] = Array(repeating: [], count: count)
        for (site, unit) in territory.enumerated() { if let unit { result[unit].append(site) } }
        return result
    }

    /// A site of a chain's stage and product must count its capacity in
    /// that stage's unit: 5 l/month of cheese is a slip, not 5 t.
    func checkUnits(against chains: [ChainSpec]) throws(ReadError) {
        for (index, site) in sites.enumerated() {
            for chain in chains {
                for link in chain.links(at: site.stage) where site.handles(link.product) && site.unit != link.unit {
                    throw ReadError(file: file, featureIndex: index, featureID: layer.features[index].id,
                                    message: "\(link.product) at \(site.stage.rawValue) is counted in \(site.unit.rawValue), but the \(chain.product) chain counts it in \(link.unit.rawValue); convert the capacity or fix the unit")
                }
            }
        }
    }
}
