/// What the sample is meant to show: a state that feeds itself in part
/// (about 70 to 110 % of its demand, depending on the product), three
/// towns that eat far more than they grow, a countryside where each
/// municipality makes one or two products in surplus and buys the rest,
/// shops where people live (retail about 1.05 to 1.3 times each
/// municipality's own demand, so shops are rarely what limits a circuit),
/// and two municipalities built on the Lara case of issue 17:
///
/// - Tovar (EM09), a vegetable valley of about 100,000 people growing
///   12,000 t/month of vegetables against a demand of about 800, whose
///   shops sell less than its own people need: a large surplus to place
///   and, apart from it, retail to add;
/// - Colina (EM04), a dairy plain of about 155,000 people whose plants make
///   450 t/month of cheese against a demand of about 93, with the milk for
///   them, and shops 27 t/month short of its demand: it lacks shops, not
///   cheese.
///
/// Every figure is a capacity target for a municipality, chain and stage;
/// Sites.swift splits each target into actors.
enum Story {
    /// Municipality index (EM01 is 0) of the two story municipalities.
    static let dairy = 3, valley = 8
    static let names = ["EM04": "Colina", "EM09": "Tovar"]
    /// Their populations: the seat's parish grows into a market town.
    static let populations = [dairy: 155_210, valley: 100_840]
    /// The three towns' municipalities: they process, distribute and sell,
    /// and grow little.
    static let towns: Set = [4, 7, 11]

    /// One municipality's chain, each stage as a multiple of the
    /// municipality's own demand in final product, except `collection`,
    /// a share of the primary capacity. nil: no actor at that stage.
    struct Profile {
        var primary: Double?
        var collection: Double?
        var processing: Double?
        var distribution: Double?
        /// nil: the default, drawn between 1.05 and 1.3.
        var retail: Double?
    }

    /// The profile of `chain` in municipality `m` (0-based). `local`,
    /// drawn between 0.3 and 0.9 for each municipality and chain, is the
    /// share of its own demand a municipality grows of what it does not
    /// specialise in (a sixth of that in the towns).
    static func profile(_ chain: String, municipality m: Int, local: Double) -> Profile {
        if towns.contains(m) {
            let peri = local / 6
            switch chain {
            case "cheese": return Profile(primary: peri, processing: 0.25, distribution: 1.1)
            case "maize flour": return Profile(primary: peri, processing: 0.85, distribution: 1.1)
            case "coffee": return Profile(primary: m == 4 ? peri : nil, processing: 1.15, distribution: 1.1)
            default: return Profile(primary: peri, distribution: 1.0)
            }
        }
        // Specialities: (municipality, chain) -> profile. Coffee grows only
        // on the northern slopes (EM01 to EM06).
        switch (m + 1, chain) {
        case (1, "coffee"): return Profile(primary: 25, processing: 5, distribution: 3)
        case (2, "coffee"): return Profile(primary: 45, processing: 5.4)
        case (3, "coffee"): return Profile(primary: 40, processing: 3.4)
        case (6, "coffee"): return Profile(primary: 20, processing: 5, distribution: 2)
        case (4, "coffee"): return Profile(primary: 0.5)
        case (_, "coffee"): return Profile()
        case (2, "vegetables"): return Profile(primary: 3, collection: 0.5, distribution: 1.5)
        case (6, "vegetables"): return Profile(primary: 5, collection: 0.6, distribution: 2)
        case (10, "vegetables"): return Profile(primary: 4, collection: 0.5, distribution: 2)
        case (10, "cheese"): return Profile(primary: 10, collection: 0.7, processing: 7.6, distribution: 3)
        case (13, "cheese"): return Profile(primary: 8, collection: 0.7, processing: 5.5, distribution: 2)
        case (14, "cheese"): return Profile(primary: 6, collection: 0.6, processing: 3.7)
        case (7, "maize flour"): return Profile(primary: 12, collection: 0.8, processing: 1.4, distribution: 1.2)
        case (11, "maize flour"): return Profile(primary: 15, collection: 0.8, processing: 2.6, distribution: 1.5)
        case (13, "maize flour"): return Profile(primary: 1.5, collection: 0.5, processing: 1.26)
        case (14, "maize flour"): return Profile(primary: 12, collection: 0.6)
        case (15, "maize flour"): return Profile(primary: 40, collection: 0.5)
        case (4, "maize flour"): return Profile(primary: 0.5)
        case (9, "maize flour"): return Profile(primary: 0.3)
        case (4, "vegetables"): return Profile(primary: 0.3)
        default: return Profile(primary: local)
        }
    }

    /// The story municipalities' figures, in each stage's own unit
    /// (t/month, or l/month for milk): they override the profile.
    static func absolute(_ chain: String, municipality m: Int, demand: Double) -> [String: Double]? {
        switch (m, chain) {
        case (valley, "vegetables"):
            // 12,000 t grown, 7,500 t collected, 2,000 t shipped; shops
            // selling about 160 t/month less than the valley eats.
            return ["primary": 12_000, "collection": 7_500, "distribution": 2_000, "retail": (demand - 160).rounded()]
        case (dairy, "cheese"):
            // 5.1 million litres of milk for plants making 450 t of cheese;
            // shops 27 t/month short of the municipality's demand.
            return ["primary": 5_100_000, "collection": 3_200_000, "processing": 450, "distribution": 300,
                    "retail": (demand - 27).rounded()]
        default:
            return nil
        }
    }
}
