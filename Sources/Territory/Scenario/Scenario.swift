import Geo

/// Applies a scenario's edits to a study, in memory and in order: the
/// sites layer, the grouping and the chains are edited and the study made
/// again from them (sites parsed and located afresh, every check of `Study`
/// run). An edit that names an id the study lacks, or asks for what the
/// study cannot hold, stops the whole scenario with an error naming the
/// edit's index, so no scenario is ever half applied.
public enum Scenario {
    public static func apply(_ scenario: ScenarioEdits, to study: Study) throws -> Study {
        var work = try ScenarioWork(study)
        for (index, edit) in scenario.edits.enumerated() {
            do {
                try work.apply(edit)
            } catch let refusal as ScenarioRefusal {
                throw ReadError(file: scenario.file, message: "edits[\(index)] (\(edit.kind)): \(refusal.message)")
            }
        }
        do {
            return try work.study()
        } catch let refusal as ScenarioRefusal {
            throw ReadError(file: scenario.file, message: refusal.message)
        }
    }
}

/// Why an edit cannot be applied; `Scenario.apply` names the edit.
struct ScenarioRefusal: Error {
    let message: String
    init(_ message: String) { self.message = message }

    /// "no site S9; ids near it: S7, S8, S10" (the ids sorted, those either side).
    static func unknown(_ what: String, _ id: String, among ids: [String]) -> ScenarioRefusal {
        ScenarioRefusal("no \(what) \(id); \(what) ids near it: \(nearby(id, in: ids).joined(separator: ", "))")
    }

    /// Up to three ids either side of where `id` would sort.
    static func nearby(_ id: String, in ids: [String]) -> [String] {
        let sorted = Array(Set(ids)).sorted()
        let position = sorted.firstIndex { $0 >= id } ?? sorted.count
        return Array(sorted[max(0, position - 3)..<min(sorted.count, position + 3)])
    }
}

/// The study being edited: the sites' features and ids, the grouping's
/// rows and the chains, made into a study again at the end.
struct ScenarioWork {
    let base: Study
    var features: [Feature]
    var siteIDs: [String]
    /// Ids of the sites added, to check they lie in a territory.
    var added: [String] = []
    var sitesEdited = false
    var rows: [Grouping.Row]
    var groupingEdited = false
    var chains: [ChainSpec]

    init(_ study: Study) throws {
        base = study
        features = study.sites?.layer.features ?? []
        siteIDs = study.sites?.ids ?? []
        rows = study.grouping?.rows ?? []
        chains = study.chains
    }

    mutating func apply(_ edit: ScenarioEdit) throws {
        switch edit {
        case .addSite(let site): try add(site)
        case .removeSite(let id): try remove(id)
        case .changeSite(let id, let capacity, let owner, let stage): try change(id, capacity: capacity, owner: owner, stage: stage)
        case .moveTerritories(let codes, let circuit): try move(codes, to: circuit)
        case .createCircuit(let id, let codes): try create(id, territories: codes)
        case .mergeCircuits(let circuits, let into): try merge(circuits, into: into)
        case .setDemand(let chain, let demand): try setDemand(chain, demand)
        case .setYield(let chain, let stage, let product, let input, let yield):
            try setYield(chain, stage: stage, product: product, input: input, yield: yield)
        }
    }

    /// The edited study; sites are parsed and located again only when edited.
    func study() throws -> Study {
        var sites = base.sites
        if sitesEdited, let old = base.sites {
            var fields = old.fields
            fields.vocabulary = SiteVocabulary(chains: chains)
            let layer = Layer(features: features, crs: old.layer.crs)
            let edited = try StudySites(layer, file: old.file, fields: fields, idField: old.idField, in: base.territories)
            for id in added {
                guard let index = edited.ids.firstIndex(of: id) else { continue }
                if edited.territory[index] == nil {
                    throw ScenarioRefusal("the site \(id) added lies in no territory; give a point inside the territories")
                }
            }
            sites = edited
        }
        var grouping = base.grouping
        if groupingEdited { grouping = Grouping(rows: rows) }
        // Zones group circuits the scenario may have merged or made; the
        // comparison does not use them, so an edited grouping leaves them out.
        return try Study(territories: base.territories, sites: sites, chains: chains, grouping: grouping,
                         groupingFile: base.groupingFile, travel: base.travel, zoning: groupingEdited ? nil : base.zoning)
    }
}
