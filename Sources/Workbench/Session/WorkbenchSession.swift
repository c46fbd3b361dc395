import Foundation
import Geo
import Territory

/// A planner's session: the study loaded once and kept in memory, the
/// grouping it started with, the current grouping, undo and redo, and up
/// to three named scenarios. Every figure comes from the Territory
/// analyses; the session only keeps states and turns them into JSON.
///
/// An actor pinned to one thread (`WorkerThread`): the study's GEOS
/// geometries are made there and every analysis runs there.
public actor WorkbenchSession {
    private let worker: WorkerThread
    public nonisolated var unownedExecutor: UnownedSerialExecutor { worker.asUnownedSerialExecutor() }

    /// The study file's folder, resolved: nothing outside it is written.
    public nonisolated let folder: URL
    public nonisolated let language: Language
    /// Files the study reads: never overwritten by a save.
    nonisolated let protectedFiles: Set<String>
    /// The exact distribution's state, readable while the worker computes it.
    public nonisolated let distributionStatus = DistributionStatus()

    var start: WorkbenchState!
    var current: WorkbenchState!
    var undoStack: [WorkbenchState] = []
    var redoStack: [WorkbenchState] = []
    /// The state undo or redo last replaced, for the other stack.
    private var replaced: WorkbenchState!
    /// Increases with every change of state; metrics and the distribution carry it.
    var version = 0
    var startMetrics: WorkbenchMetrics!
    var currentMetrics: WorkbenchMetrics!
    var scenarios: [SavedScenario] = []
    /// Circuits' figures kept between edits: an edit measures again only those it touched.
    var figures: CircuitFiguresCache!
    /// The starting grouping's distribution figures, once counted (they
    /// hold while the sites and chains are the start's).
    var startCounts: JSONValue?
    /// The last `WorkbenchState.inputs` handed out.
    var inputsMade = 0
    /// `GET /api/study`, made once.
    var studyText = ""

    static let undoDepth = 200
    public static let scenarioLimit = 3

    /// `folder`: the study file's folder; `protecting`: the files it names.
    public init(folder: String, language: Language = .en, protecting files: [String] = []) {
        worker = WorkerThread(name: "territorio-workbench")
        self.folder = StudyFolder.resolved(folder)
        self.language = language
        protectedFiles = Set(files.map { StudyFolder.resolved($0).path })
    }

    /// Makes the study on the session's thread (its geometries belong
    /// there) and measures the starting grouping.
    public func load(_ make: @Sendable () throws -> Study) throws {
        var study = try make()
        guard study.grouping != nil else { throw WorkbenchError.badRequest("the workbench needs a grouping of the territories into circuits: give \"grouping\" in the study or --grouping") }
        guard study.sites != nil, !study.chains.isEmpty else { throw WorkbenchError.badRequest("the workbench needs sites and at least one chain: give \"sites\" and \"chains\" in the study") }
        // Zones group circuits the planner is about to change: the workbench leaves them out.
        study.zoning = nil
        let state = WorkbenchState(study: study, names: study.grouping?.names?.names ?? [:])
        start = state
        current = state
        figures = try CircuitFiguresCache(study)
        startMetrics = try measure(state)
        currentMetrics = startMetrics
        studyText = try StudyJSON.make(study, names: state.names).jsonText
        distributionStatus.changed(to: version)
    }

    // MARK: Reading

    public func studyJSON() -> String { studyText }

    /// `GET /api/metrics` and every edit's answer: `metricsObject()`'s
    /// text, the coverage put together from the circuits' kept parts.
    public func metricsJSON() -> String {
        currentMetrics.jsonText(names: current.namedGrouping.names, then: sessionFigures())
    }

    func metricsObject() -> JSONValue {
        .object(JSONObject(currentMetrics.json(names: current.namedGrouping.names).members + sessionFigures().members))
    }

    /// What the answer adds to the analyses' figures: the version, the
    /// grouping and names, the change from the start, undo and redo.
    private func sessionFigures() -> JSONObject {
        var object = JSONObject()
        object["version"] = .number(version)
        object["grouping"] = .array(current.grouping.rows.map { .object(["territory_code": .string($0.territory), "circuit_id": .string($0.circuit)]) })
        object["circuit_names"] = .object(JSONObject(current.grouping.circuits.map { .init(key: $0, value: current.names[$0].map(JSONValue.string) ?? .null) }))
        object["change"] = WorkbenchChange.json(from: startMetrics, to: currentMetrics)
        object["can_undo"] = .bool(!undoStack.isEmpty)
        object["can_redo"] = .bool(!redoStack.isEmpty)
        return object
    }

    public func groupingCSV() -> String { current.csv }

    /// The figures of `state`'s grouping, the circuits it shares with
    /// groupings already measured taken as they were.
    func measure(_ state: WorkbenchState) throws -> WorkbenchMetrics {
        if Self.measureWhole { return try WorkbenchMetrics(state.study) }
        return try figures.metrics(of: state.study, inputs: state.inputs)
    }

    /// `TERRITORIO_WORKBENCH_WHOLE=1` runs both analyses whole after every
    /// edit, as before the figures were kept per circuit: the benchmark's
    /// baseline (bench/workbench), never needed otherwise.
    static let measureWhole = ProcessInfo.processInfo.environment["TERRITORIO_WORKBENCH_WHOLE"] == "1"
    /// `TERRITORIO_WORKBENCH_TIMES=1` writes to stderr, after each edit, the
    /// time spent measuring and encoding the answer (bench/workbench reads it).
    static let reportTimes = ProcessInfo.processInfo.environment["TERRITORIO_WORKBENCH_TIMES"] == "1"

    /// `/api/metrics` as the session answers it, and as both analyses run
    /// whole on the current grouping and the starting one, encoded whole,
    /// give it (tests compare them).
    func metricsAgainstAFullRun() throws -> (served: String, full: String) {
        let whole = try WorkbenchMetrics(current.study)
        var figures = sessionFigures()
        figures["change"] = WorkbenchChange.json(from: try WorkbenchMetrics(start.study), to: whole)
        return (metricsJSON(), JSONValue.object(JSONObject(whole.json(names: current.namedGrouping.names).members + figures.members)).jsonText)
    }

    /// How many circuits the last edit measured (the others were kept).
    func circuitsLastMeasured() -> Int { figures.lastMeasured }

    // MARK: Changing the grouping

    /// Makes `next` the current state (measured first: a state whose
    /// figures cannot be computed is refused and nothing changes).
    func commit(_ next: WorkbenchState) throws {
        let metrics = try measure(next)
        undoStack.append(current)
        if undoStack.count > Self.undoDepth { undoStack.removeFirst() }
        redoStack.removeAll()
        current = next
        currentMetrics = metrics
        version += 1
        distributionStatus.changed(to: version)
    }

    /// Commits `next` and answers its metrics.
    private func committed(_ next: WorkbenchState) throws -> String {
        let clock = ContinuousClock(), began = clock.now
        try commit(next)
        let measured = clock.now
        let text = metricsJSON()
        if Self.reportTimes {
            // For bench/workbench: where an edit's time goes, on the server's side.
            func ms(_ duration: Duration) -> String { String(format: "%.1f", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000) }
            FileHandle.standardError.write(Data("workbench-times: measure_ms=\(ms(measured - began)) encode_ms=\(ms(clock.now - measured)) circuits_measured=\(figures.lastMeasured) bytes=\(text.utf8.count)\n".utf8))
        }
        return text
    }

    /// Grouping edits go through the scenario engine, which checks every
    /// id and refuses what the study cannot hold.
    private func edited(_ edits: [ScenarioEdit], what: String) throws -> WorkbenchState {
        let scenario = ScenarioEdits(name: what, file: what, edits: edits)
        var state = current!
        do {
            let study = try Scenario.apply(scenario, to: current.study)
            state.study = study
        } catch let error as ReadError {
            throw WorkbenchError.badRequest(error.description)
        }
        let circuits = Set(state.grouping.circuits)
        state.names = state.names.filter { circuits.contains($0.key) }
        return state
    }

    /// `PUT /api/grouping`: a whole grouping CSV (`territory_code,circuit_id`, optionally `circuit_name`).
    public func replaceGrouping(csv: String, name: String = "PUT /api/grouping") throws -> String {
        let grouping: Grouping
        do {
            grouping = current.study.territories.populationCheck.filter(try Grouping.parse(csv, name: name),
                                                                         idField: current.study.territories.idField)
        } catch {
            throw WorkbenchError.badRequest("\(error)")
        }
        guard !grouping.rows.isEmpty else { throw WorkbenchError.badRequest("\(name): the grouping has no rows; give territory_code,circuit_id rows") }
        do {
            return try committed(try current.regrouped(grouping, file: name, names: grouping.names?.names ?? current.names))
        } catch let error as ReadError {
            throw WorkbenchError.badRequest(error.description)
        }
    }

    public func move(_ territories: [String], to circuit: String) throws -> String {
        guard !territories.isEmpty else { throw WorkbenchError.badRequest("give at least one territory code in \"territories\"") }
        return try committed(try edited([.moveTerritories(territories, to: circuit)], what: "move"))
    }

    public func createCircuit(_ id: String, name: String?, territories: [String]) throws -> String {
        guard !id.isEmpty else { throw WorkbenchError.badRequest("give the new circuit's \"id\"") }
        guard !territories.isEmpty else { throw WorkbenchError.badRequest("a circuit is made of territories: give at least one code in \"territories\"") }
        var state = try edited([.createCircuit(id: id, territories: territories)], what: "create circuit")
        if let name, !name.isEmpty { state.names[id] = name }
        return try committed(state)
    }

    public func renameCircuit(_ id: String, name: String) throws -> String {
        guard current.grouping.circuits.contains(id) else { throw unknownCircuit(id) }
        var state = current!
        state.names[id] = name.isEmpty ? nil : name
        return try committed(state)
    }

    public func mergeCircuits(_ circuits: [String], into: String, name: String?) throws -> String {
        var state = try edited([.mergeCircuits(circuits, into: into)], what: "merge circuits")
        if let name, !name.isEmpty { state.names[into] = name }
        return try committed(state)
    }

    /// The circuit's territories are left in no circuit (the panel counts them).
    public func deleteCircuit(_ id: String) throws -> String {
        guard current.grouping.circuits.contains(id) else { throw unknownCircuit(id) }
        let rows = current.grouping.rows.filter { $0.circuit != id }
        guard !rows.isEmpty else { throw WorkbenchError.conflict("\(id) is the only circuit; a grouping needs at least one") }
        do {
            return try committed(try current.regrouped(Grouping(rows: rows), file: "delete circuit"))
        } catch let error as ReadError {
            throw WorkbenchError.badRequest(error.description)
        }
    }

    func unknownCircuit(_ id: String) -> WorkbenchError {
        WorkbenchError.notFound("no circuit \(id); the circuits are: \(current.grouping.circuits.joined(separator: ", "))")
    }

    public func undo() throws -> String {
        guard let previous = undoStack.last else { throw WorkbenchError.conflict("nothing to undo") }
        try restore(previous)
        undoStack.removeLast()
        redoStack.append(replaced)
        return metricsJSON()
    }

    public func redo() throws -> String {
        guard let next = redoStack.last else { throw WorkbenchError.conflict("nothing to redo") }
        try restore(next)
        redoStack.removeLast()
        undoStack.append(replaced)
        return metricsJSON()
    }

    /// Makes `state` current (measured first), keeping the one it replaces in `replaced`.
    private func restore(_ state: WorkbenchState) throws {
        currentMetrics = try measure(state)
        replaced = current
        current = state
        version += 1
        distributionStatus.changed(to: version)
    }

    /// `group suggest`'s grouping of the study's territories, as the
    /// current grouping (undoable). Without a floor, each circuit holds at
    /// least as many people as the smallest circuit the session started with.
    public func suggest(minimumPopulation: Double?, minimumUnits: Int?, seed: UInt64) throws -> String {
        var suggestion = GroupingSuggestion()
        suggestion.minimumPopulation = minimumPopulation ?? startMetrics.coverage.circuits.map(\.population).min() ?? 0
        suggestion.minimumUnits = minimumUnits ?? 1
        suggestion.seed = seed
        let result = try suggestion.run(current.study)
        guard !result.grouping.rows.isEmpty else {
            throw WorkbenchError.conflict("group suggest made no circuit with at least \(Int(suggestion.minimumPopulation)) people; give a lower min_population")
        }
        return try committed(try current.regrouped(result.grouping, file: "group suggest", names: [:]))
    }
}

