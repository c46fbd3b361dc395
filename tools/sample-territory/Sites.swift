import Foundation
import Geo
import Territory

/// About 2,000 actors of four chains, placed where such actors are: farms
/// and collection centres in the countryside, plants, distributors and
/// shops where people live, all along the roads, as a real registry is.
/// How much each municipality holds at each stage comes from Story.swift;
/// here each target is split into actors of plausible sizes.
enum Sites {
    struct Kind {
        let chain: String
        let stage: Stage
        let product: String
        let unit: CapacityUnit
        /// Capacity of one actor, in the stage's unit, before the actors
        /// of a municipality are scaled to add up to its target.
        let size: ClosedRange<Double>
        let label: String
        /// Placed by rural area (farms, collection) rather than by population.
        let countryside: Bool
        /// Metres between the actor and the road it stands by, at most.
        let offRoad: Double
        /// Weight of the stage when drawing the outside intermediaries.
        let outside: Double
    }

    /// Outside intermediaries in the sample, drawn among the actors of
    /// collection, processing, distribution and retail.
    static let outsideCount = 128

    static let kinds: [Kind] = [
        Kind(chain: "cheese", stage: .primary, product: "milk", unit: .litresPerMonth, size: 5_000...80_000, label: "Finca lechera", countryside: true, offRoad: 1_200, outside: 0),
        Kind(chain: "cheese", stage: .collection, product: "milk", unit: .litresPerMonth, size: 80_000...500_000, label: "Centro de acopio lechero", countryside: true, offRoad: 150, outside: 0.2),
        Kind(chain: "cheese", stage: .processing, product: "cheese", unit: .tonnesPerMonth, size: 5...60, label: "Quesera", countryside: false, offRoad: 150, outside: 0.15),
        Kind(chain: "cheese", stage: .distribution, product: "cheese", unit: .tonnesPerMonth, size: 20...150, label: "Distribuidora de queso", countryside: false, offRoad: 150, outside: 0.3),
        Kind(chain: "cheese", stage: .retail, product: "cheese", unit: .tonnesPerMonth, size: 2...30, label: "Bodega", countryside: false, offRoad: 100, outside: 0.06),
        Kind(chain: "maize flour", stage: .primary, product: "maize", unit: .tonnesPerMonth, size: 10...120, label: "Conuco de maíz", countryside: true, offRoad: 1_200, outside: 0),
        Kind(chain: "maize flour", stage: .collection, product: "maize", unit: .tonnesPerMonth, size: 300...2_000, label: "Silo", countryside: true, offRoad: 150, outside: 0.25),
        Kind(chain: "maize flour", stage: .processing, product: "maize flour", unit: .tonnesPerMonth, size: 100...1_200, label: "Molino", countryside: false, offRoad: 150, outside: 0.25),
        Kind(chain: "maize flour", stage: .distribution, product: "maize flour", unit: .tonnesPerMonth, size: 100...800, label: "Distribuidora de harina", countryside: false, offRoad: 150, outside: 0.3),
        Kind(chain: "maize flour", stage: .retail, product: "maize flour", unit: .tonnesPerMonth, size: 8...120, label: "Abasto", countryside: false, offRoad: 100, outside: 0.06),
        Kind(chain: "coffee", stage: .primary, product: "coffee", unit: .tonnesPerMonth, size: 3...40, label: "Cafetal", countryside: true, offRoad: 1_200, outside: 0),
        Kind(chain: "coffee", stage: .processing, product: "coffee", unit: .tonnesPerMonth, size: 5...80, label: "Tostadora", countryside: false, offRoad: 150, outside: 0.2),
        Kind(chain: "coffee", stage: .distribution, product: "coffee", unit: .tonnesPerMonth, size: 10...80, label: "Distribuidora de café", countryside: false, offRoad: 150, outside: 0.3),
        Kind(chain: "coffee", stage: .retail, product: "coffee", unit: .tonnesPerMonth, size: 1.5...25, label: "Café y abasto", countryside: false, offRoad: 100, outside: 0.06),
        Kind(chain: "vegetables", stage: .primary, product: "vegetables", unit: .tonnesPerMonth, size: 15...150, label: "Huerta", countryside: true, offRoad: 1_200, outside: 0),
        Kind(chain: "vegetables", stage: .collection, product: "vegetables", unit: .tonnesPerMonth, size: 100...1_000, label: "Centro de acopio hortícola", countryside: true, offRoad: 150, outside: 0.3),
        Kind(chain: "vegetables", stage: .distribution, product: "vegetables", unit: .tonnesPerMonth, size: 150...1_200, label: "Distribuidora de hortalizas", countryside: false, offRoad: 150, outside: 0.35),
        Kind(chain: "vegetables", stage: .retail, product: "vegetables", unit: .tonnesPerMonth, size: 15...250, label: "Mercado y verdulería", countryside: false, offRoad: 100, outside: 0.06),
    ]

    /// The chains' figures Story.swift counts in: monthly demand per person
    /// (kg of final product) and the final product per unit of each stage.
    static let demandKg = ["cheese": 0.6, "maize flour": 3.5, "coffee": 0.4, "vegetables": 8.0]
    static let finalPerUnit: [String: [Stage: Double]] = [
        "cheese": [.primary: 0.0001, .collection: 0.0001, .processing: 1, .distribution: 1, .retail: 1],
        "maize flour": [.primary: 0.75, .collection: 0.75, .processing: 1, .distribution: 1, .retail: 1],
        "coffee": [.primary: 0.2, .processing: 1, .distribution: 1, .retail: 1],
        "vegetables": [.primary: 0.9, .collection: 1, .distribution: 1, .retail: 1],
    ]

    static func make(_ boundaries: Boundaries, roads: [Feature], random: inout SeededRandom) throws -> [Feature] {
        let parishes = boundaries.parishes
        let places = try RoadPlaces(parishes: parishes, roads: roads)
        let municipalities = boundaries.seats.indices
        let population = municipalities.map { m in parishes.filter { $0.municipality == m }.reduce(0) { $0 + $1.population } }
        // Retail as a multiple of each municipality's own demand, per chain.
        var retailFactor: [String: [Double]] = [:], local: [String: [Double]] = [:]
        for chain in demandKg.keys.sorted() { retailFactor[chain] = municipalities.map { _ in random.uniform(1.05, 1.3) } }
        for chain in demandKg.keys.sorted() { local[chain] = municipalities.map { _ in random.uniform(0.3, 0.9) } }

        var features: [Feature] = []
        var stageOf: [Double] = []  // outside weight of each feature's kind
        for kind in kinds {
            var number = 0
            for m in municipalities {
                let demand = Double(population[m]) * demandKg[kind.chain]! / 1000
                let target = Self.target(kind, municipality: m, demand: demand, retail: retailFactor[kind.chain]![m],
                                         local: local[kind.chain]![m])
                guard target > 0 else { continue }
                let members = parishes.indices.filter { parishes[$0].municipality == m }
                let countryside = members.filter { !parishes[$0].urban }
                let pool = kind.countryside && !countryside.isEmpty ? countryside : members
                let weights = pool.map { kind.countryside ? places.areas[$0] : Double(parishes[$0].population) }
                for capacity in Self.split(target, kind: kind, random: &random) {
                    let parish = pool[random.weighted(weights)]
                    let point = try places.point(in: parish, within: kind.offRoad, random: &random)
                    number += 1
                    let id = String(format: "S%04d", features.count + 1)
                    features.append(Feature(id: .string(id), geometry: .point(point), properties: [
                        "id": .string(id),
                        "name": .string("\(kind.label) \(parishes[parish].name) \(number)"),
                        "chain": .string(kind.chain),
                        "product": .string(kind.product),
                        "stage": .string(kind.stage.rawValue),
                        "capacity": .number(capacity),
                        "unit": .string(kind.unit.rawValue),
                        "owner": .string(Owner.circuit.rawValue),
                    ]))
                    stageOf.append(kind.outside)
                }
            }
        }
        // The outside intermediaries: drawn one at a time, weighted by stage.
        var weights = stageOf
        for _ in 0..<outsideCount {
            let chosen = random.weighted(weights)
            weights[chosen] = 0
            features[chosen].properties["owner"] = .string(Owner.outside.rawValue)
        }
        return features
    }

    /// The capacity municipality `m` holds at the kind's stage, in the
    /// stage's unit.
    static func target(_ kind: Kind, municipality m: Int, demand: Double, retail: Double, local: Double) -> Double {
        if let figures = Story.absolute(kind.chain, municipality: m, demand: demand) {
            return figures[kind.stage.rawValue] ?? 0
        }
        let profile = Story.profile(kind.chain, municipality: m, local: local)
        let perUnit = finalPerUnit[kind.chain]![kind.stage]!
        switch kind.stage.rawValue {
        case "primary": return (profile.primary ?? 0) * demand / perUnit
        case "collection": return (profile.collection ?? 0) * (profile.primary ?? 0) * demand / finalPerUnit[kind.chain]![.primary]!
        case "processing": return (profile.processing ?? 0) * demand
        case "distribution": return (profile.distribution ?? 0) * demand
        default: return (profile.retail ?? retail) * demand
        }
    }

    /// Actors of sizes drawn in the kind's range, scaled so that they add
    /// up to `target` (rounded: 0.1 t, 10 l).
    static func split(_ target: Double, kind: Kind, random: inout SeededRandom) -> [Double] {
        var sizes: [Double] = []
        while sizes.reduce(0, +) < target {
            sizes.append(random.logUniform(kind.size.lowerBound, kind.size.upperBound))
        }
        let scale = target / sizes.reduce(0, +)
        let step = kind.unit == .litresPerMonth ? 10.0 : 0.1
        let round = { (value: Double) in step == 10 ? (value / 10).rounded() * 10 : (value * 10).rounded() / 10 }
        var rounded = sizes.map { max(step, round($0 * scale)) }
        // The rounding left over goes to the largest actor, so that the
        // municipality's figure is the target to the rounding step.
        let largest = rounded.indices.max { rounded[$0] < rounded[$1] }!
        rounded[largest] = round(rounded[largest] + round(target) - rounded.reduce(0, +))
        return rounded
    }
}
