import Foundation
import Geo
import Territory

/// About 2,000 actors of four chains, placed where such actors are:
/// farms in rural parishes, plants and stores where people live.
enum Sites {
    struct Plan {
        let chain: String
        let stage: Stage
        let product: String
        let unit: CapacityUnit
        let count: Int
        let capacity: ClosedRange<Double>
        /// Share of the stage held by outside intermediaries.
        let outside: Double
        let label: String
        /// Placed by population (towns) rather than by area (countryside).
        let urban: Bool
    }

    static let plans: [Plan] = [
        Plan(chain: "cheese", stage: .primary, product: "milk", unit: .litresPerMonth, count: 380, capacity: 2_000...30_000, outside: 0, label: "Finca lechera", urban: false),
        Plan(chain: "cheese", stage: .collection, product: "milk", unit: .litresPerMonth, count: 30, capacity: 50_000...300_000, outside: 0.2, label: "Centro de acopio lechero", urban: false),
        Plan(chain: "cheese", stage: .processing, product: "cheese", unit: .tonnesPerMonth, count: 25, capacity: 5...40, outside: 0.15, label: "Quesera", urban: false),
        Plan(chain: "cheese", stage: .distribution, product: "cheese", unit: .tonnesPerMonth, count: 20, capacity: 10...80, outside: 0.3, label: "Distribuidora de queso", urban: true),
        Plan(chain: "cheese", stage: .retail, product: "cheese", unit: .tonnesPerMonth, count: 120, capacity: 0.5...5, outside: 0.2, label: "Bodega", urban: true),
        Plan(chain: "maize flour", stage: .primary, product: "maize", unit: .tonnesPerMonth, count: 350, capacity: 5...60, outside: 0, label: "Conuco de maíz", urban: false),
        Plan(chain: "maize flour", stage: .collection, product: "maize", unit: .tonnesPerMonth, count: 25, capacity: 200...1_500, outside: 0.25, label: "Silo", urban: false),
        Plan(chain: "maize flour", stage: .processing, product: "maize flour", unit: .tonnesPerMonth, count: 8, capacity: 100...800, outside: 0.25, label: "Molino", urban: true),
        Plan(chain: "maize flour", stage: .distribution, product: "maize flour", unit: .tonnesPerMonth, count: 20, capacity: 50...400, outside: 0.3, label: "Distribuidora de harina", urban: true),
        Plan(chain: "maize flour", stage: .retail, product: "maize flour", unit: .tonnesPerMonth, count: 150, capacity: 1...12, outside: 0.2, label: "Abasto", urban: true),
        Plan(chain: "coffee", stage: .primary, product: "coffee", unit: .tonnesPerMonth, count: 300, capacity: 0.5...6, outside: 0, label: "Cafetal", urban: false),
        Plan(chain: "coffee", stage: .processing, product: "coffee", unit: .tonnesPerMonth, count: 15, capacity: 2...30, outside: 0.2, label: "Tostadora", urban: true),
        Plan(chain: "coffee", stage: .distribution, product: "coffee", unit: .tonnesPerMonth, count: 10, capacity: 5...40, outside: 0.3, label: "Distribuidora de café", urban: true),
        Plan(chain: "coffee", stage: .retail, product: "coffee", unit: .tonnesPerMonth, count: 80, capacity: 0.2...2, outside: 0.2, label: "Café y abasto", urban: true),
        Plan(chain: "vegetables", stage: .primary, product: "vegetables", unit: .tonnesPerMonth, count: 300, capacity: 2...25, outside: 0, label: "Huerta", urban: false),
        Plan(chain: "vegetables", stage: .collection, product: "vegetables", unit: .tonnesPerMonth, count: 30, capacity: 40...300, outside: 0.3, label: "Centro de acopio hortícola", urban: false),
        Plan(chain: "vegetables", stage: .distribution, product: "vegetables", unit: .tonnesPerMonth, count: 25, capacity: 60...400, outside: 0.35, label: "Distribuidora de hortalizas", urban: true),
        Plan(chain: "vegetables", stage: .retail, product: "vegetables", unit: .tonnesPerMonth, count: 150, capacity: 1...10, outside: 0.2, label: "Verdulería", urban: true),
    ]

    static func make(_ boundaries: Boundaries, random: inout SeededRandom) throws -> [Feature] {
        let cells = try boundaries.parishes.map { try PreparedGeometry(Geometry($0.cell)) }
        let envelopes = boundaries.parishes.map { $0.cell.envelope! }
        let areas = try boundaries.parishes.map { try Geometry($0.cell).area() }
        // Coffee grows on the northern slopes: rural parishes north of the centre.
        let byPopulation = boundaries.parishes.map { Double($0.population) }
        let byRuralArea = boundaries.parishes.enumerated().map { $1.urban ? 0 : areas[$0] }
        let byHighland = boundaries.parishes.enumerated().map { $1.seed.y > Boundaries.center.y && !$1.urban ? areas[$0] : 0 }

        var features: [Feature] = []
        for plan in plans {
            let weights = plan.urban ? byPopulation : (plan.chain == "coffee" && plan.stage == .primary ? byHighland : byRuralArea)
            for number in 1...plan.count {
                let parish = random.weighted(weights)
                let envelope = envelopes[parish]
                var point: Position
                repeat {
                    point = Position(x: random.uniform(envelope.minX, envelope.maxX), y: random.uniform(envelope.minY, envelope.maxY))
                } while try !cells[parish].contains(try Geometry(.point(point)))
                let capacity = (random.logUniform(plan.capacity.lowerBound, plan.capacity.upperBound) * 10).rounded() / 10
                let owner: Owner = random.unit() < plan.outside ? .outside : .circuit
                let id = String(format: "S%04d", features.count + 1)
                features.append(Feature(id: .string(id), geometry: .point(point), properties: [
                    "id": .string(id),
                    "name": .string("\(plan.label) \(boundaries.parishes[parish].name) \(number)"),
                    "chain": .string(plan.chain),
                    "product": .string(plan.product),
                    "stage": .string(plan.stage.rawValue),
                    "capacity": .number(capacity),
                    "unit": .string(plan.unit.rawValue),
                    "owner": .string(owner.rawValue),
                ]))
            }
        }
        return features
    }
}
