import Foundation

/// The coverage report in Markdown: the three findings apart (surplus to
/// place, with the tonnes the exact distribution sends to each named
/// circuit; shortage of product; shortage of a stage), the surplus moved
/// between circuits, each circuit's stage
/// balances, zones, point tallies, primary against processing, and the
/// identity products. Every string comes from the catalogue of `language`,
/// every number in its format; products, circuits and territories as the
/// inputs name them.
extension CoverageReport {
    public var markdown: String { markdownBody + language.text(.coverageDefinitions) }

    /// The report without its definitions: the HTML report gives those
    /// from the glossary (`GlossaryTerm.coverage`).
    public var markdownBody: String {
        var text = summary
        text += findings
        text += exchanges
        for circuit in result.circuits { text += section(circuit) }
        text += zones
        text += primaryAgainstProcessing
        text += identityProducts
        text += pointTallies
        return text
    }

    private func t(_ key: Catalogue.Key) -> String { language.text(key) }
    private func people(_ value: Double) -> String { Self.people(value, language) }
    private func amount(_ value: Double) -> String { Self.amount(value, language) }
    private func stage(_ stage: Stage) -> String { language.name(of: stage) }
    private func unit(_ unit: CapacityUnit) -> String { language.name(of: unit) }

    private var summary: String {
        let assigned = result.circuits.reduce(0) { $0 + $1.population }
        let unassigned = result.unassigned.reduce(0) { $0 + $1.population }
        var text = t(.coverageTitle)
        text += t(.coveragePeople(circuits: result.circuits.count, total: people(result.totalPopulation), inCircuits: people(assigned),
                                  inNoCircuit: people(unassigned), territoriesOfNoCircuit: result.unassigned.count))
        text += result.overlaps.isEmpty ? ".\n" : t(.coverageOverlaps(territories: result.overlaps.count))
        text += t(.coverageSites(sites: result.sites, outsideChains: result.sitesOutsideChains))
        let leftOut = result.sitesLeftOut.phrases(in: language)
        text += leftOut.isEmpty ? ".\n\n" : t(.coverageNoCircuitCanUse) + leftOut.joined(separator: "; ") + ".\n\n"
        return text
    }

    private var findings: String {
        let pairs = result.circuits.flatMap { circuit in circuit.products.map { (circuit: circuit, product: $0) } }
        var text = t(.surplusHeading)
        let surplus = pairs.filter { $0.product.exportableSurplus > 0 }
            .sorted { $0.product.exportableSurplus > $1.product.exportableSurplus }
        if surplus.isEmpty {
            text += t(.surplusNone)
        } else {
            text += t(.surplusIntro)
            text += t(.surplusTableHeader)
            for (circuit, p) in surplus {
                text += "| \(circuitLabel(circuit.id)) | \(p.product) | \(amount(p.production)) | \(amount(p.demand)) | \(amount(p.exportableSurplus)) | \(unit(p.unit)) | \(sentTo(circuit.id, p.product)) |\n"
            }
            text += "\n"
        }
        text += t(.productShortageHeading)
        let short = pairs.filter { $0.product.productShortage > 0 }
            .sorted { ($0.product.productShortage / $0.product.demand) > ($1.product.productShortage / $1.product.demand) }
        if short.isEmpty {
            text += t(.productShortageNone)
        } else {
            text += t(.productShortageIntro)
            text += t(.productShortageTableHeader)
            let nodes = criticalNodes.filter { $0.kind == .product }
            for (circuit, p) in short {
                let proposal = nodes.first { $0.circuit == circuit.id && $0.product == p.product }?.proposal(in: language) ?? ""
                text += "| \(circuitLabel(circuit.id)) | \(p.product) | \(amount(p.production)) | \(amount(p.demand)) | \(amount(p.productShortage)) | \(unit(p.unit)) | \(proposal) |\n"
            }
            text += "\n"
        }
        text += t(.stageShortageHeading)
        let stages = criticalNodes.filter { $0.kind == .stage }
        if stages.isEmpty {
            text += t(.stageShortageNone)
        } else {
            text += t(.stageShortageIntro)
            text += t(.stageShortageTableHeader)
            for node in stages {
                text += "| \(circuitLabel(node.circuit)) | \(node.product) | \(stage(node.stage.stage)) | \(amount(node.stage.capacity)) | \(amount(node.stage.needed)) | \(Self.percent(node.shortfall)) | \(node.proposal(in: language)) |\n"
            }
            text += "\n"
        }
        return text
    }

    /// "B 12.3, C 4.0": the tonnes the exact distribution sends from the
    /// circuit to each other circuit, most first; "-" when it was not run.
    private func sentTo(_ circuit: String, _ product: String) -> String {
        guard let exchange = result.exchange(of: product)?.circuits else { return "-" }
        let exports = exchange.exports(of: circuit)
        return exports.isEmpty ? t(.exchangeNobody) : exports.map { "\(circuitLabel($0.to)) \(amount($0.tonnes))" }.joined(separator: ", ")
    }

    /// Per product: the distribution's headline, the movements between
    /// circuits (largest first), and each circuit's own supply used,
    /// exports and imports.
    private var exchanges: String {
        guard !result.exchanges.isEmpty else { return "" }
        var text = t(.exchangeHeading)
        for run in result.exchanges {
            guard run.brokenAt.isEmpty else {
                text += t(.exchangeBroken(product: run.product, stages: run.brokenAt.map(stage).joined(separator: ", ")))
                continue
            }
            text += t(.exchangeLine(product: run.product, delivered: amount(run.delivered), demand: amount(run.demand), unit: unit(run.unit),
                                    moved: amount(run.moved), optimal: run.optimal, rounds: run.pricingRounds))
            let moves = run.circuits.matrix.filter { $0.from != $0.to }.sorted { $0.tonnes != $1.tonnes ? $0.tonnes > $1.tonnes : ($0.from, $0.to) < ($1.from, $1.to) }
            guard !moves.isEmpty else { text += t(.exchangeNone); continue }
            text += t(.exchangeMovesHeader)
            let shown = 25
            for move in moves.prefix(shown) { text += "| \(circuitLabel(move.from)) | \(circuitLabel(move.to)) | \(amount(move.tonnes)) |\n" }
            if moves.count > shown { text += t(.exchangeMore(count: moves.count - shown)) }
            text += t(.exchangeCircuitsHeader)
            for circuit in run.circuits.circuits where circuit.exported > 0 || circuit.imported > 0 {
                text += "| \(circuitLabel(circuit.id)) | \(amount(circuit.ownSupplyUsed)) | \(amount(circuit.exported)) | \(amount(circuit.imported)) |\n"
            }
            text += "\n"
        }
        return text
    }

    private func section(_ circuit: CircuitCoverage.Circuit) -> String {
        var text = "## \(circuitLabel(circuit.id))\n\n"
        text += t(.circuitLine(territories: circuit.territories.count, area: amount(circuit.area / 1e6), people: people(circuit.population),
                               families: people(circuit.families), nearDistribution: people(circuit.populationNearDistribution)))
        text += productTable(circuit.products)
        return text
    }

    /// Per product, the headline; then per stage, the balance.
    private func productTable(_ products: [ProductBalance]) -> String {
        var text = t(.productTableHeader)
        for p in products {
            let value = p.valueAdded.map { "\(amount($0)) \(p.currency ?? "")" } ?? "-"
            text += "| \(p.product) (\(unit(p.unit))) | \(amount(p.demand)) | \(amount(p.selfSupply)) | \(Self.percent(p.selfSufficiency)) | "
            text += "\(p.bottleneck.map(stage) ?? "-") | \(amount(p.exportableSurplus)) | \(amount(p.productShortage)) | \(value) | \(Self.percent(p.valueAddedOutsideShare)) |\n"
        }
        text += t(.stageTableHeader)
        for p in products {
            for balance in p.stages {
                let toAdd = balance.toAdd.map { $0 > 0 ? amount($0) : "0" } ?? t(.skippable)
                text += "| \(p.product) | \(stage(balance.stage)) | \(unit(balance.unit)) | \(balance.sites) | \(amount(balance.capacity)) | "
                text += "\(amount(balance.needed)) | \(Self.signed(balance.balance, language)) | \(toAdd) | \(Self.percent(balance.outsideShare)) |\n"
            }
        }
        return text + "\n"
    }

    private var zones: String {
        guard !result.zones.isEmpty else { return "" }
        var text = t(.zonesHeading)
        for zone in result.zones {
            text += "### \(zone.id)\n\n"
            text += t(.zoneLine(circuits: zone.circuits.map(circuitLabel).joined(separator: ", "), people: people(zone.population), families: people(zone.families)))
            text += productTable(zone.products)
        }
        if !result.circuitsInNoZone.isEmpty {
            text += t(.circuitsInNoZone(result.circuitsInNoZone.map(circuitLabel).joined(separator: ", ")))
        }
        return text
    }

    private var primaryAgainstProcessing: String {
        let rows = processingShares(in: language, labelled: true)
        guard !rows.isEmpty else { return "" }
        var text = t(.processingHeading)
        text += t(.processingTableHeader)
        for row in rows {
            text += "| \(row.place) | \(row.product) | \(amount(row.primary)) | \(amount(row.processing)) | \(Self.percent(row.share)) |\n"
        }
        return text + "\n"
    }

    private var identityProducts: String {
        guard let identity = result.identity else { return "" }
        var text = t(.identityHeading(field: identity.field))
        text += t(.identityCountsHeader)
        for (category, count) in identity.counts { text += "| \(identityCategory(category)) | \(count) |\n" }
        if identity.withoutProduct > 0 { text += "| \(t(.noIdentityProduct)) | \(identity.withoutProduct) |\n" }
        text += t(.identityTableHeader)
        for entry in identity.entries {
            let label = entry.name.map { "\($0) (\(entry.territory))" } ?? entry.territory
            text += "| \(label) | \(entry.product) | \(identityCategory(entry.category)) | \(entry.stagesPresent.map(stage).joined(separator: ", ")) |\n"
        }
        return text + "\n"
    }

    /// A category of `IdentityProducts`: a stage's name, "none" or "no chain".
    private func identityCategory(_ category: String) -> String {
        switch category {
        case "none": t(.identityNoStage)
        case "no chain": t(.identityNoChain)
        default: Stage(named: category).map(stage) ?? category
        }
    }

    private var pointTallies: String {
        guard let points = result.points else { return "" }
        var text = "## \(points.file)\n\n"
        text += t(.pointsLine(points: points.points, outside: points.outside, inNoCircuit: points.inNoCircuit))
        text += points.withoutValue > 0 ? t(.pointsWithoutValue(count: points.withoutValue, field: points.sumField)) : ".\n\n"
        let sum = points.sumField.map { t(.pointsSumColumn(field: $0)) } ?? ""
        func table(_ title: String, _ rows: [PointTallies.Row]) -> String {
            guard !rows.isEmpty else { return "" }
            var text = "| \(title) | \(points.by ?? t(.pointsCategory)) | \(t(.pointsCount))\(sum) |\n|---|---|---:\(points.sumField == nil ? "" : "|---:")|\n"
            for row in rows {
                text += "| \(row.place) | \(row.category.isEmpty ? t(.pointsNoCategory) : row.category) | \(row.points)\(points.sumField == nil ? "" : " | \(amount(row.sum))") |\n"
            }
            return text + "\n"
        }
        text += table(t(.zone), points.zones) + table(t(.circuit), points.circuits)
        return text
    }

    struct ProcessingShare {
        var place: String
        var product: String
        var primary: Double
        var processing: Double
        var share: Double?
    }

    /// Circuits, then zones (`zone Z`, as the JSON names them), for chains
    /// with a processing stage.
    var processingShares: [ProcessingShare] { processingShares(in: .en, labelled: false) }

    /// `labelled`: circuits by name and code, for the reports people read.
    func processingShares(in language: Language, labelled: Bool) -> [ProcessingShare] {
        let places = result.circuits.map { (labelled ? circuitLabel($0.id) : $0.id, $0.products) } + result.zones.map { (language.text(.zonePlace($0.id)), $0.products) }
        return places.flatMap { place, products in
            products.compactMap { p -> ProcessingShare? in
                guard let processing = p.stages.first(where: { $0.stage == .processing }), let primary = p.stages.first else { return nil }
                let share = primary.finalEquivalent > 0 ? min(1, processing.finalEquivalent / primary.finalEquivalent) : nil
                return ProcessingShare(place: place, product: p.product, primary: primary.finalEquivalent,
                                       processing: processing.finalEquivalent, share: share)
            }
        }
    }

    static func signed(_ value: Double, _ language: Language = .en) -> String {
        value > 0 ? "+" + amount(value, language) : amount(value, language)
    }
}
