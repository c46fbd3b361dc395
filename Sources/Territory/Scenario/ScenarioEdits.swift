import Geo

/// One scenario: a name and the changes it makes to a study, in order.
/// Read from an edits file (`ScenarioEdits.parse`), applied in memory by
/// `Scenario.apply(_:to:)`; the files of the study are never touched.
public struct ScenarioEdits: Sendable {
    public var name: String
    /// Where the edits came from, for messages.
    public var file: String
    public var edits: [ScenarioEdit]

    public init(name: String, file: String = "<edits>", edits: [ScenarioEdit]) {
        self.name = name
        self.file = file
        self.edits = edits
    }
}

/// A site a scenario adds: a point in longitude and latitude (WGS 84)
/// with what the sites file would say of it.
public struct SiteAddition: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var longitude: Double
    public var latitude: Double
    /// One product, or several separated by `;`, as in the sites file.
    public var product: String
    public var stage: Stage
    public var capacity: Double
    public var unit: CapacityUnit
    public var owner: Owner

    public init(id: String, name: String? = nil, longitude: Double, latitude: Double, product: String, stage: Stage,
                capacity: Double, unit: CapacityUnit, owner: Owner = .circuit) {
        self.id = id
        self.name = name
        self.longitude = longitude
        self.latitude = latitude
        self.product = product
        self.stage = stage
        self.capacity = capacity
        self.unit = unit
        self.owner = owner
    }
}

/// One change to a study. Every id an edit names must exist when it is
/// applied (a circuit it creates must not).
public enum ScenarioEdit: Sendable, Hashable {
    case addSite(SiteAddition)
    case removeSite(id: String)
    /// What is nil stays as it was.
    case changeSite(id: String, capacity: Double?, owner: Owner?, stage: Stage?)
    /// The territories leave every circuit they were in and join `circuit`.
    case moveTerritories([String], to: String)
    /// A new circuit of these territories (taken from the circuits they were in).
    case createCircuit(id: String, territories: [String])
    /// The circuits become one, named `into` (one of them, or a new id).
    case mergeCircuits([String], into: String)
    /// A chain's demand per person per month (kg for t/month products).
    case setDemand(chain: String, perPersonMonth: Double)
    /// How much of `product` at `stage` one unit of `input` (a product of
    /// the stage before) makes.
    case setYield(chain: String, stage: Stage, product: String, input: String?, yield: Double)

    /// The edit's name in the edits file.
    public var kind: String {
        switch self {
        case .addSite: "add_site"
        case .removeSite: "remove_site"
        case .changeSite: "change_site"
        case .moveTerritories: "move_territories"
        case .createCircuit: "create_circuit"
        case .mergeCircuits: "merge_circuits"
        case .setDemand: "set_demand"
        case .setYield: "set_yield"
        }
    }

    public static let kinds = ["add_site", "remove_site", "change_site", "move_territories", "create_circuit", "merge_circuits",
                               "set_demand", "set_yield"]
}
