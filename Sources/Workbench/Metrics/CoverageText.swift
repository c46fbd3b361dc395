import Geo
import Territory

/// `coverage --no-exchange --json`'s text put together from each circuit's
/// part, every part encoded by `CoverageReport.json` itself: a circuit's
/// entry in `circuits`, its critical nodes and its rows of
/// `primary_vs_processing`. Encoding the whole report after every edit
/// (336 circuits: 2.5 MB, a number formatted for each of some 3,600
/// critical nodes' proposals) took longer than the analyses; a part is
/// encoded once per circuit measured and kept with its figures.
///
/// For the workbench's coverage only (no zones, exchange, identity
/// products nor point tallies: `applies(to:)`); the report's own order of
/// members is kept, and WorkbenchIncrementalTests checks the text against
/// `CoverageReport.json` byte for byte.
enum CoverageText {
    struct Part: Sendable {
        /// The circuit's object in `circuits`.
        var entry: String
        var nodes: [Node]
        /// Its rows of `primary_vs_processing`.
        var processing: [String]
    }

    /// A critical node's JSON and what `critical_nodes` is sorted by:
    /// the share of the need missing (worst first), then circuit,
    /// product and the stage's place in the chain.
    struct Node: Sendable {
        var shortfall: Double
        var circuit: String
        var product: String
        var position: Int
        var text: String
    }

    /// Whether the report has only what the parts and the frame hold.
    static func applies(to result: CircuitCoverage.Result) -> Bool {
        result.zones.isEmpty && result.exchanges.isEmpty && result.identity == nil && result.points == nil
    }

    /// `circuit`'s part, encoded as the report of `result` (the
    /// grouping's coverage it belongs to) encodes it.
    static func part(of circuit: CircuitCoverage.Circuit, in result: CircuitCoverage.Result) -> Part {
        var single = result
        single.circuits = [circuit]
        single.overlaps = []
        single.unassigned = []
        let report = CoverageReport(single)
        let object = members(report.json)
        let nodes = zip(report.criticalNodes, elements(object["critical_nodes"])).map { node, json in
            let stages = circuit.products.first { $0.product == node.product }?.stages ?? []
            return Node(shortfall: node.shortfall, circuit: node.circuit, product: node.product,
                        position: stages.firstIndex { $0.stage == node.stage.stage } ?? 0, text: json.jsonText)
        }
        return Part(entry: elements(object["circuits"]).first?.jsonText ?? "{}", nodes: nodes,
                    processing: elements(object["primary_vs_processing"]).map(\.jsonText))
    }

    /// The report's text: its frame (the figures across circuits, encoded
    /// with no circuit) with the parts, in the grouping's order, in place.
    static func text(of result: CircuitCoverage.Result, parts: [Part]) -> String {
        var frame = result
        frame.circuits = []
        var text: [String] = []
        for member in members(CoverageReport(frame).json).members {
            let key = JSONValue.string(member.key).jsonText + ":"
            switch member.key {
            case "circuits":
                text.append(key + "[" + parts.map(\.entry).joined(separator: ",") + "]")
            case "critical_nodes":
                let nodes = parts.flatMap(\.nodes).sorted { a, b in
                    if a.shortfall != b.shortfall { return a.shortfall > b.shortfall }
                    return (a.circuit, a.product, a.position) < (b.circuit, b.product, b.position)
                }
                text.append(key + "[" + nodes.map(\.text).joined(separator: ",") + "]")
                // The report writes it after the critical nodes (and zones and exchanges, absent here) when any.
                let rows = parts.flatMap(\.processing)
                if !rows.isEmpty { text.append(#""primary_vs_processing":["# + rows.joined(separator: ",") + "]") }
            default:
                text.append(key + member.value.jsonText)
            }
        }
        return "{" + text.joined(separator: ",") + "}"
    }

    private static func members(_ value: JSONValue) -> JSONObject {
        if case .object(let object) = value { return object }
        return JSONObject()
    }

    private static func elements(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let array)? = value { return array }
        return []
    }
}
