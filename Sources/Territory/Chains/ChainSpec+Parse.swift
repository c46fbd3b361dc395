import Foundation
import Geo

extension ChainSpec {
    /// One product of a stage as the file gives it, before the stages are linked.
    private struct Entry {
        var product: String
        var unit: CapacityUnit
        var yield: Double?
        var inputs: [(key: String, value: Double)]?
        var price: Double?
    }

    /// Checks a chain file's bytes; `name` is the file in messages. Read
    /// once, by the project's JSON reader: a syntax error gives the line and
    /// column, every other error names the file, the place and what is
    /// wrong. (The CLI reads the file: `SpecFiles`.)
    public static func parse(_ data: Data, name: String) throws(ReadError) -> ChainSpec {
        func fail(_ message: String) -> ReadError { ReadError(file: name, message: message) }
        guard !data.isEmpty else { throw fail("the file is empty; expected a chain spec (JSON)") }
        let root = try SpecObject(JSONValue(parsingJSON: Array(data), name: name), place: "the chain", file: name, kind: "a chain spec")
        let version = try root.number("version") ?? 1
        guard version == 1 || version == 2 else { throw fail("version \(version) is not known; versions are 1 and 2") }
        let product = try root.required("product", root.string)
        let stageValues = try root.required("stages", root.array)
        let unitText = try root.string("unit") ?? CapacityUnit.tonnesPerMonth.rawValue
        guard let unit = CapacityUnit(named: unitText) else { throw fail("\"unit\" is empty; give the final product's unit, e.g. t/month") }
        let currency = try root.string("currency")
        guard !stageValues.isEmpty else { throw fail("\"stages\" is empty") }

        // The stages, each with its products as given.
        var stages: [(stage: Stage, entries: [Entry])] = []
        for (index, value) in stageValues.enumerated() {
            let place = "stages[\(index)]"
            let object = try SpecObject(value, place: place, file: name, kind: "a stage")
            let stageText = try object.required("stage", object.string)
            guard let stage = Stage(named: stageText) else { throw fail("\(place): the stage has an empty name") }
            // Version 1 knows the five standard stages; naming others is version 2.
            guard version == 2 || stage.isStandard else {
                throw fail("\(place): unknown stage '\(stageText)'; stages are \(Stage.standard.map(\.rawValue).joined(separator: ", ")) (in English or Spanish), or name your own with \"version\": 2")
            }
            // Chains order their stages their own way (milk is collected
            // before it is processed, flour after), so only repeats are wrong.
            if stages.contains(where: { $0.stage == stage }) {
                throw fail("\(place): \(stage.rawValue) appears twice; each stage comes once, in the chain's order")
            }
            var entries: [Entry] = []
            if let products = try object.array("products") {
                guard !products.isEmpty else { throw fail("\(place): \"products\" is empty") }
                for (position, value) in products.enumerated() {
                    let item = try SpecObject(value, place: "\(place).products[\(position)]", file: name, kind: "a product")
                    entries.append(try entry(item, defaultProduct: nil, defaultUnit: unit, place: item.place, fail: fail))
                }
            } else {
                entries.append(try entry(object, defaultProduct: product, defaultUnit: unit, place: "\(place) (\(stage.rawValue))", fail: fail))
            }
            let units = Set(entries.map(\.unit))
            guard units.count == 1 else {
                throw fail("\(place) (\(stage.rawValue)): its products come in \(units.map(\.rawValue).sorted().joined(separator: " and ")); a stage counts its capacity in one unit")
            }
            let products = entries.map(\.product)
            if let repeated = products.first(where: { name in products.filter { $0 == name }.count > 1 }) {
                throw fail("\(place) (\(stage.rawValue)): \(repeated) is listed twice")
            }
            stages.append((stage, entries))
        }
        let links = try linked(stages, product: product, unit: unit, fail: fail)
        if links.contains(where: { $0.price != nil }), currency == nil {
            throw fail("the stages give prices but the chain names no \"currency\"; add e.g. \"currency\": \"USD\"")
        }

        var skippable: Set<Stage> = []
        for text in try root.strings("skippable") ?? [] {
            guard let stage = Stage(named: text), stages.contains(where: { $0.stage == stage }) else {
                throw fail("skippable stage '\(text)' is not one of the chain's stages (\(stages.map(\.stage.rawValue).joined(separator: ", ")))")
            }
            skippable.insert(stage)
        }
        let perPerson = try root.number("demandPerPersonMonth")
        let demand = unit == .tonnesPerMonth ? try root.number("demandKgPerPersonMonth") ?? perPerson : perPerson
        guard let demand else {
            throw fail(unit == .tonnesPerMonth ? "no \"demandKgPerPersonMonth\" (kg of \(product) per person per month)"
                                               : "no \"demandPerPersonMonth\" (\(unit.rawValue) per person)")
        }
        // A chain that sells only outside (tourism for visitors) says so
        // with a demand of 0, in version 2; a 0 in a version-1 file is a slip.
        guard demand.isFinite, demand > 0 || (demand == 0 && version == 2) else {
            throw fail("demand per person must be a positive number, not \(demand)\(demand == 0 ? " (a chain that sells only outside gives 0 with \"version\": 2)" : "")")
        }
        return ChainSpec(version: Int(version), product: product, unit: unit, demandPerPersonMonth: demand,
                         links: links, skippable: skippable, currency: currency)
    }

    /// One product of a stage: its name, unit, yield or inputs and price.
    private static func entry(_ object: SpecObject, defaultProduct: String?, defaultUnit: CapacityUnit, place: String,
                              fail: (String) -> ReadError) throws(ReadError) -> Entry {
        let product: String
        if let defaultProduct {
            product = try object.string("product") ?? defaultProduct
        } else {
            product = try object.required("product", object.string)
        }
        let unitText = try object.string("unit")
        guard let unit = unitText.map(CapacityUnit.init(named:)) ?? defaultUnit else { throw fail("\(place): \"unit\" is empty") }
        let price = try object.number("price")
        if let price, !(price >= 0 && price.isFinite) { throw fail("\(place): price must be a number of 0 or more, not \(price)") }
        return Entry(product: product, unit: unit, yield: try object.number("yield"), inputs: try object.numbers("inputs"), price: price)
    }

    /// Links each product to the one it becomes at the next stage and
    /// works out the final factors, back from the last stage.
    private static func linked(_ stages: [(stage: Stage, entries: [Entry])], product: String, unit: CapacityUnit,
                               fail: (String) -> ReadError) throws(ReadError) -> [Link] {
        var inputsOf: [[[Input]]] = [stages[0].entries.map { _ in [] }]
        for index in stages.indices.dropFirst() {
            let (stage, entries) = stages[index]
            let previous = stages[index - 1].entries
            let place = "stages[\(index)] (\(stage.rawValue))"
            var stageInputs: [[Input]] = []
            for entry in entries {
                stageInputs.append(try inputs(of: entry, from: previous, place: place, fail: fail))
            }
            // Each product of the previous stage becomes exactly one here.
            for earlier in previous {
                let takers = entries.indices.filter { stageInputs[$0].contains { $0.product == earlier.product } }
                if takers.isEmpty {
                    throw fail("\(place): nothing here is made from \(earlier.product) of stages[\(index - 1)]; name it in a product's \"inputs\"")
                }
                if takers.count > 1 {
                    throw fail("\(place): \(earlier.product) of stages[\(index - 1)] becomes both \(entries[takers[0]].product) and \(entries[takers[1]].product); a product becomes one product of the next stage")
                }
            }
            inputsOf.append(stageInputs)
        }
        guard let last = stages.last, last.entries.count == 1, last.entries[0].product == product, last.entries[0].unit == unit else {
            throw fail("the last stage must make the chain's product '\(product)' in \(unit.rawValue), and only it")
        }
        // Final factors, from the last stage back.
        var factors: [[Double]] = stages.map { $0.entries.map { _ in 1 } }
        for index in stages.indices.dropLast().reversed() {
            for (position, entry) in stages[index].entries.enumerated() {
                for (next, inputs) in inputsOf[index + 1].enumerated() {
                    if let input = inputs.first(where: { $0.product == entry.product }) {
                        factors[index][position] = input.yield * factors[index + 1][next]
                    }
                }
            }
        }
        return stages.indices.flatMap { index in
            stages[index].entries.indices.map { position in
                let entry = stages[index].entries[position]
                return Link(stage: stages[index].stage, product: entry.product, unit: entry.unit, inputs: inputsOf[index][position],
                            price: entry.price, finalFactor: factors[index][position])
            }
        }
    }

    /// What a product is made from: its `inputs`, else its `yield` from
    /// the one product before it (or the same product), else 1 when it
    /// keeps the previous product and unit. A change of product or unit
    /// with no yield is an error: a yield is never assumed.
    private static func inputs(of entry: Entry, from previous: [Entry], place: String,
                               fail: (String) -> ReadError) throws(ReadError) -> [Input] {
        let result: [Input]
        if let given = entry.inputs {
            guard !given.isEmpty else { throw fail("\(place): \"inputs\" of \(entry.product) is empty") }
            for input in given where !previous.contains(where: { $0.product == input.key }) {
                throw fail("\(place): input '\(input.key)' of \(entry.product) is not a product of the stage before (\(previous.map(\.product).joined(separator: ", ")))")
            }
            result = given.map { Input(product: $0.key, yield: $0.value) }
        } else if let yield = entry.yield {
            if previous.count == 1 {
                result = [Input(product: previous[0].product, yield: yield)]
            } else if previous.contains(where: { $0.product == entry.product }) {
                result = [Input(product: entry.product, yield: yield)]
            } else {
                throw fail("\(place): \(entry.product) follows several products (\(previous.map(\.product).joined(separator: ", "))); say how much one unit of each makes with \"inputs\"")
            }
        } else if let same = previous.first(where: { $0.product == entry.product && $0.unit == entry.unit }) {
            result = [Input(product: same.product, yield: 1)]
        } else if previous.count == 1 {
            let earlier = previous[0]
            throw fail("\(place): turns \(earlier.product) in \(earlier.unit.rawValue) into \(entry.product) in \(entry.unit.rawValue) but gives no \"yield\"; add how much \(entry.product) one unit of \(earlier.product) makes, e.g. \"yield\": 0.0001")
        } else {
            throw fail("\(place): \(entry.product) follows several products (\(previous.map(\.product).joined(separator: ", "))) and gives no \"inputs\"; say how much one unit of each makes, e.g. \"inputs\": {\"\(previous[0].product)\": 1}")
        }
        for input in result where !(input.yield > 0 && input.yield.isFinite) {
            throw fail("\(place): yield must be a positive number, not \(input.yield)")
        }
        return result
    }
}
