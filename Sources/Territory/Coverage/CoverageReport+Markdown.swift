import Foundation

/// The coverage report in Markdown: the three findings apart (surplus to
/// place, shortage of product, shortage of a stage), each circuit's stage
/// balances, zones, point tallies, primary against processing, and the
/// identity products.
extension CoverageReport {
    public var markdown: String {
        var text = summary
        text += findings
        for circuit in result.circuits { text += section(circuit) }
        text += zones
        text += primaryAgainstProcessing
        text += identityProducts
        text += pointTallies
        text += definitions
        return text
    }

    private var summary: String {
        let assigned = result.circuits.reduce(0) { $0 + $1.population }
        let unassigned = result.unassigned.reduce(0) { $0 + $1.population }
        var text = "# Circuit coverage\n\n"
        text += "\(result.circuits.count) circuits; \(Self.people(result.totalPopulation)) people in the territories: "
        text += "\(Self.people(assigned)) in circuits, \(Self.people(unassigned)) in \(result.unassigned.count) territories of no circuit"
        text += result.overlaps.isEmpty ? ".\n" : "; \(result.overlaps.count) territories are in more than one circuit (see overlaps).\n"
        text += "\(result.sites) sites, \(result.sitesOutsideChains) of them in none of the chains"
        let leftOut = result.sitesLeftOut.phrases
        text += leftOut.isEmpty ? ".\n\n" : "; no circuit can use " + leftOut.joined(separator: "; ") + ".\n\n"
        return text
    }

    private var findings: String {
        let pairs = result.circuits.flatMap { circuit in circuit.products.map { (circuit: circuit, product: $0) } }
        var text = "## Surplus to place\n\n"
        let surplus = pairs.filter { $0.product.exportableSurplus > 0 }
            .sorted { $0.product.exportableSurplus > $1.product.exportableSurplus }
        if surplus.isEmpty {
            text += "No circuit makes more of any product than its people need.\n\n"
        } else {
            text += "What each circuit can send out after feeding its own people, in final product, whatever its own processing and shops can handle.\n\n"
            text += "| circuit | product | production | demand | exportable surplus | unit | neighbours short of it |\n|---|---|---:|---:|---:|---|---|\n"
            for (circuit, p) in surplus {
                text += "| \(circuit.id) | \(p.product) | \(Self.amount(p.production)) | \(Self.amount(p.demand)) | \(Self.amount(p.exportableSurplus)) | \(p.unit.rawValue) | \(p.neighboursInDeficit.joined(separator: ", ")) |\n"
            }
            text += "\n"
        }
        text += "## Shortage of product\n\n"
        let short = pairs.filter { $0.product.productShortage > 0 }
            .sorted { ($0.product.productShortage / $0.product.demand) > ($1.product.productShortage / $1.product.demand) }
        if short.isEmpty {
            text += "Every circuit produces at least what its people need of every product.\n\n"
        } else {
            text += "Circuits whose first stage does not make what their people need, worst first.\n\n"
            text += "| circuit | product | production | demand | shortage | unit | proposal |\n|---|---|---:|---:|---:|---|---|\n"
            let nodes = criticalNodes.filter { $0.kind == .product }
            for (circuit, p) in short {
                let proposal = nodes.first { $0.circuit == circuit.id && $0.product == p.product }?.proposal ?? ""
                text += "| \(circuit.id) | \(p.product) | \(Self.amount(p.production)) | \(Self.amount(p.demand)) | \(Self.amount(p.productShortage)) | \(p.unit.rawValue) | \(proposal) |\n"
            }
            text += "\n"
        }
        text += "## Shortage of a stage\n\n"
        let stages = criticalNodes.filter { $0.kind == .stage }
        if stages.isEmpty {
            text += "No circuit lacks a plant, collection or shops for its own demand.\n\n"
        } else {
            text += "Critical nodes after the first stage, worst first: the capacity each circuit lacks at a stage (a plant, collection, shops) to serve its own people, and the capacity to add.\n\n"
            text += "| circuit | product | stage | capacity | needed | missing share | proposal |\n|---|---|---|---:|---:|---:|---|\n"
            for node in stages {
                text += "| \(node.circuit) | \(node.product) | \(node.stage.stage.rawValue) | \(Self.amount(node.stage.capacity)) | \(Self.amount(node.stage.needed)) | \(Self.percent(node.shortfall)) | \(node.proposal) |\n"
            }
            text += "\n"
        }
        return text
    }

    private func section(_ circuit: CircuitCoverage.Circuit) -> String {
        var text = "## \(circuit.id)\n\n"
        text += "\(circuit.territories.count) \(circuit.territories.count == 1 ? "territory" : "territories"), \(Self.amount(circuit.area / 1e6)) km², \(Self.people(circuit.population)) people "
        text += "(\(Self.people(circuit.families)) families); \(Self.people(circuit.populationNearDistribution)) within reach of its own distribution and retail points.\n\n"
        text += productTable(circuit.products)
        return text
    }

    /// Per product, the headline; then per stage, the balance.
    private func productTable(_ products: [ProductBalance]) -> String {
        var text = "| product | demand | self-supply | self-sufficiency | bottleneck | exportable surplus | shortage of product | value added | outside share of value added |\n"
        text += "|---|---:|---:|---:|---|---:|---:|---:|---:|\n"
        for p in products {
            let value = p.valueAdded.map { "\(Self.amount($0)) \(p.currency ?? "")" } ?? "-"
            text += "| \(p.product) (\(p.unit.rawValue)) | \(Self.amount(p.demand)) | \(Self.amount(p.selfSupply)) | \(Self.percent(p.selfSufficiency)) | "
            text += "\(p.bottleneck?.rawValue ?? "-") | \(Self.amount(p.exportableSurplus)) | \(Self.amount(p.productShortage)) | \(value) | \(Self.percent(p.valueAddedOutsideShare)) |\n"
        }
        text += "\n| product | stage | unit | sites | capacity | needed | balance | to add | outside share |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n"
        for p in products {
            for stage in p.stages {
                let toAdd = stage.toAdd.map { $0 > 0 ? Self.amount($0) : "0" } ?? "(skippable)"
                text += "| \(p.product) | \(stage.stage.rawValue) | \(stage.unit.rawValue) | \(stage.sites) | \(Self.amount(stage.capacity)) | "
                text += "\(Self.amount(stage.needed)) | \(Self.signed(stage.balance)) | \(toAdd) | \(Self.percent(stage.outsideShare)) |\n"
            }
        }
        return text + "\n"
    }

    private var zones: String {
        guard !result.zones.isEmpty else { return "" }
        var text = "## Economic zones\n\nEach zone taken as one circuit: its circuits' people, sites and stages together.\n\n"
        for zone in result.zones {
            text += "### \(zone.id)\n\nCircuits \(zone.circuits.joined(separator: ", ")); \(Self.people(zone.population)) people (\(Self.people(zone.families)) families).\n\n"
            text += productTable(zone.products)
        }
        if !result.circuitsInNoZone.isEmpty {
            text += "Circuits in no zone: \(result.circuitsInNoZone.joined(separator: ", ")).\n\n"
        }
        return text
    }

    private var primaryAgainstProcessing: String {
        let rows = processingShares
        guard !rows.isEmpty else { return "" }
        var text = "## Primary production against processing\n\n"
        text += "How much of what each circuit (and zone) produces its own plants can process: processing capacity over primary production, both in final product.\n\n"
        text += "| circuit or zone | product | primary (final product) | processing (final product) | processed locally |\n|---|---|---:|---:|---:|\n"
        for row in rows {
            text += "| \(row.place) | \(row.product) | \(Self.amount(row.primary)) | \(Self.amount(row.processing)) | \(Self.percent(row.share)) |\n"
        }
        return text + "\n"
    }

    private var identityProducts: String {
        guard let identity = result.identity else { return "" }
        var text = "## Identity products\n\n"
        text += "Each territory's identity product (field `\(identity.field)`) and the furthest stage of its chain with an actor in the territory.\n\n"
        text += "| category | territories |\n|---|---:|\n"
        for (category, count) in identity.counts { text += "| \(category) | \(count) |\n" }
        if identity.withoutProduct > 0 { text += "| no identity product | \(identity.withoutProduct) |\n" }
        text += "\n| territory | product | furthest stage | stages present |\n|---|---|---|---|\n"
        for entry in identity.entries {
            let label = entry.name.map { "\($0) (\(entry.territory))" } ?? entry.territory
            text += "| \(label) | \(entry.product) | \(entry.category) | \(entry.stagesPresent.map(\.rawValue).joined(separator: ", ")) |\n"
        }
        return text + "\n"
    }

    private var pointTallies: String {
        guard let points = result.points else { return "" }
        var text = "## \(points.file)\n\n"
        text += "\(points.points) points: \(points.outside) outside every territory, \(points.inNoCircuit) in territories of no circuit"
        text += points.withoutValue > 0 ? ", \(points.withoutValue) with no \(points.sumField ?? "value") to sum.\n\n" : ".\n\n"
        let sum = points.sumField.map { " | sum of \($0)" } ?? ""
        func table(_ title: String, _ rows: [PointTallies.Row]) -> String {
            guard !rows.isEmpty else { return "" }
            var text = "| \(title) | \(points.by ?? "category") | points\(sum) |\n|---|---|---:\(points.sumField == nil ? "" : "|---:")|\n"
            for row in rows {
                text += "| \(row.place) | \(row.category.isEmpty ? "(none)" : row.category) | \(row.points)\(points.sumField == nil ? "" : " | \(Self.amount(row.sum))") |\n"
            }
            return text + "\n"
        }
        text += table("zone", points.zones) + table("circuit", points.circuits)
        return text
    }

    private var definitions: String {
        """
        ## Definitions

        - **needed**: what the circuit's own demand requires of a stage, in the stage's unit (demand carried back through the yields after it). **balance** = capacity - needed. **to add**: for a stage that cannot be skipped, the capacity missing for the circuit's own demand.
        - **self-supply**: what the chain delivers to the circuit's own people, limited by its weakest stage that cannot be skipped (the bottleneck); **self-sufficiency** = self-supply / demand.
        - **exportable surplus**: what the first stage produces, in final product, beyond the circuit's demand: it can leave at any stage, unprocessed if need be, so the circuit's own plants and shops do not cap it. **shortage of product**: demand beyond what the first stage produces.
        - **value added**: at each stage, what passes through it at its price less its inputs at the price of the stage before; the outside share weighs each stage's value added by the share of its capacity held by outside intermediaries.

        """
    }

    struct ProcessingShare {
        var place: String
        var product: String
        var primary: Double
        var processing: Double
        var share: Double?
    }

    /// Circuits, then zones, for chains with a processing stage.
    var processingShares: [ProcessingShare] {
        let places = result.circuits.map { ($0.id, $0.products) } + result.zones.map { ("zone \($0.id)", $0.products) }
        return places.flatMap { place, products in
            products.compactMap { p -> ProcessingShare? in
                guard let processing = p.stages.first(where: { $0.stage == .processing }), let primary = p.stages.first else { return nil }
                let share = primary.finalEquivalent > 0 ? min(1, processing.finalEquivalent / primary.finalEquivalent) : nil
                return ProcessingShare(place: place, product: p.product, primary: primary.finalEquivalent,
                                       processing: processing.finalEquivalent, share: share)
            }
        }
    }

    static func signed(_ value: Double) -> String { value > 0 ? "+" + amount(value) : amount(value) }
}
