import Foundation
import Geo

/// A product chain as its JSON file describes it: stages in order, the
/// yield from each stage's product to the next one's, the stages a product
/// may skip (fresh vegetables skip processing), and the monthly demand per
/// person of the final product.
///
///     {"product": "cheese", "unit": "t/month", "demandKgPerPersonMonth": 0.6,
///      "stages": [{"stage": "primary", "product": "milk", "unit": "l/month"},
///                 {"stage": "processing", "product": "cheese", "unit": "t/month", "yield": 0.0001}, ...],
///      "skippable": ["collection", "distribution"]}
///
/// `yield` is how much of this stage's product one unit of the previous
/// stage's makes: 10 l of milk make 1 kg of cheese, so 0.0001 t per litre.
public struct ChainSpec: Sendable, Hashable {
    public struct Link: Sendable, Hashable {
        public var stage: Stage
        public var product: String
        public var unit: CapacityUnit
        /// Units of this stage's product per unit of the previous stage's;
        /// 1 for the first stage.
        public var yield: Double
    }

    public var product: String
    public var unit: CapacityUnit
    /// Final product per person per month, in kg for t/month products and
    /// in the product's own unit otherwise.
    public var demandPerPersonMonth: Double
    public var links: [Link]
    public var skippable: Set<Stage>

    /// How much final product one unit of `stage`'s product becomes: the
    /// product of the yields after it.
    public func finalEquivalent(of stage: Stage) -> Double? {
        guard let position = links.firstIndex(where: { $0.stage == stage }) else { return nil }
        return links[(position + 1)...].reduce(1) { $0 * $1.yield }
    }

    /// Monthly demand of `population` people, in the final product's unit
    /// (tonnes for t/month).
    public func demand(population: Double) -> Double {
        unit == .tonnesPerMonth ? population * demandPerPersonMonth / 1000 : population * demandPerPersonMonth
    }

    /// People a monthly supply feeds at the per-capita demand.
    public func peopleSupplied(by supply: Double) -> Double {
        let perPerson = unit == .tonnesPerMonth ? demandPerPersonMonth / 1000 : demandPerPersonMonth
        return perPerson > 0 ? supply / perPerson : 0
    }

    /// The link a site belongs to: same stage and same product.
    public func link(for site: Site) -> Link? {
        links.first { $0.stage == site.stage && $0.product == site.product }
    }
}

extension ChainSpec {
    /// Checks a chain file's bytes; `name` is the file in messages. Read
    /// once, by the project's JSON reader: a syntax error gives the line and
    /// column, every other error names the file, the place and what is
    /// wrong. (The CLI reads the file: `SpecFiles`.)
    public static func parse(_ data: Data, name: String) throws(ReadError) -> ChainSpec {
        func fail(_ message: String) -> ReadError { ReadError(file: name, message: message) }
        guard !data.isEmpty else { throw fail("the file is empty; expected a chain spec (JSON)") }
        let root = try SpecObject(JSONValue(parsingJSON: Array(data), name: name), place: "the chain", file: name, kind: "a chain spec")
        let product = try root.required("product", root.string)
        let stageValues = try root.required("stages", root.array)
        var stageEntries: [(stage: String, product: String?, unit: String?, yield: Double?)] = []
        for (index, value) in stageValues.enumerated() {
            let entry = try SpecObject(value, place: "stages[\(index)]", file: name, kind: "a stage")
            stageEntries.append((try entry.required("stage", entry.string), try entry.string("product"),
                                 try entry.string("unit"), try entry.number("yield")))
        }
        let file = (product: product, unit: try root.string("unit"),
                    demandKgPerPersonMonth: try root.number("demandKgPerPersonMonth"),
                    demandPerPersonMonth: try root.number("demandPerPersonMonth"),
                    stages: stageEntries, skippable: try root.strings("skippable"))
        let unitText = file.unit ?? CapacityUnit.tonnesPerMonth.rawValue
        guard let unit = CapacityUnit(rawValue: unitText) else {
            throw fail("unknown unit '\(unitText)'; units are \(CapacityUnit.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard !file.stages.isEmpty else { throw fail("\"stages\" is empty") }
        var links: [Link] = []
        for (index, entry) in file.stages.enumerated() {
            guard let stage = Stage(rawValue: entry.stage) else {
                throw fail("stages[\(index)]: unknown stage '\(entry.stage)'; stages are \(Stage.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            // Chains order their stages their own way (milk is collected
            // before it is processed, flour after), so only repeats are wrong.
            if links.contains(where: { $0.stage == stage }) {
                throw fail("stages[\(index)]: \(stage.rawValue) appears twice; each stage comes once, in the chain's order")
            }
            let linkUnit = entry.unit ?? unitText
            guard let capacityUnit = CapacityUnit(rawValue: linkUnit) else {
                throw fail("stages[\(index)]: unknown unit '\(linkUnit)'")
            }
            let product = entry.product ?? file.product
            // The first stage has nothing before it to yield from; a stage
            // that keeps the previous one's product and unit yields 1 unless
            // it says otherwise, one that changes either must say how much.
            let yield: Double
            if let given = entry.yield {
                yield = given
            } else if let previous = links.last, previous.product != product || previous.unit != capacityUnit {
                throw fail("stages[\(index)] (\(stage.rawValue)): turns \(previous.product) in \(previous.unit.rawValue) into \(product) in \(capacityUnit.rawValue) but gives no \"yield\"; add how much \(product) one unit of \(previous.product) makes, e.g. \"yield\": 0.0001")
            } else {
                yield = 1
            }
            guard index == 0 || (yield > 0 && yield.isFinite) else {
                throw fail("stages[\(index)] (\(stage.rawValue)): yield must be a positive number, not \(yield)")
            }
            links.append(Link(stage: stage, product: product, unit: capacityUnit, yield: index == 0 ? 1 : yield))
        }
        guard links.last?.product == file.product, links.last?.unit == unit else {
            throw fail("the last stage must make the chain's product '\(file.product)' in \(unit.rawValue)")
        }
        var skippable: Set<Stage> = []
        for text in file.skippable ?? [] {
            guard let stage = Stage(rawValue: text), links.contains(where: { $0.stage == stage }) else {
                throw fail("skippable stage '\(text)' is not one of the chain's stages")
            }
            skippable.insert(stage)
        }
        let demand = unit == .tonnesPerMonth ? file.demandKgPerPersonMonth ?? file.demandPerPersonMonth : file.demandPerPersonMonth
        if let demand, !(demand > 0 && demand.isFinite) {
            throw fail("demand per person must be a positive number, not \(demand)")
        }
        guard let demand else {
            throw fail(unit == .tonnesPerMonth ? "no \"demandKgPerPersonMonth\" (kg of \(file.product) per person per month)"
                                               : "no \"demandPerPersonMonth\" (\(unit.rawValue) per person)")
        }
        return ChainSpec(product: file.product, unit: unit, demandPerPersonMonth: demand, links: links, skippable: skippable)
    }
}
