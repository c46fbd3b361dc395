import Geo
import Maps
import Territory

/// The workbench's page: one HTML document, its script and style held in
/// the binary as Swift strings (an installed static binary has no bundle
/// to read), Leaflet inlined from the system's libjs-leaflet as the web
/// map does, the interface's words from the language's catalogue
/// (`WorkbenchWord`). Nothing is fetched from outside: the page asks only
/// its own server's API.
public enum WorkbenchPage {
    public static func make(language: Language, leafletDirectory: String) throws -> String {
        let leaflet = try LeafletPage.leaflet(in: leafletDirectory)
        let words = JSONObject(WorkbenchWord.allCases.map { .init(key: $0.rawValue, value: .string(language.text(.workbench($0)))) })
        // Inside <script>, "<" only ever appears in JSON strings, where \u003c means the same.
        let data = JSONValue.object(["language": .string(language.rawValue), "words": .object(words)]).jsonText
            .replacingOccurrences(of: "<", with: "\\u003c")
        func word(_ key: WorkbenchWord) -> String { MarkupText.escaped(language.text(.workbench(key))) }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Territorio">
            <title>\(word(.title))</title>
            <link rel="icon" href="data:,">
            <style>
            \(leaflet.style)
            </style>
            <style>
            \(WorkbenchStyle.css)
            </style>
            </head>
            <body>
            <div id="map"></div>
            <aside id="side">
            <h1>\(word(.title))</h1>
            <div id="status"></div>
            <div class="toolbar">
            <button id="undo" disabled>\(word(.undo))</button><button id="redo" disabled>\(word(.redo))</button>
            <button id="suggest">\(word(.suggest))</button>
            </div>
            <div class="toolbar">
            <button id="save-csv">\(word(.saveCSV))</button><button id="save-scenario">\(word(.saveScenario))</button>
            <button id="compare">\(word(.compare))</button><button id="report">\(word(.exportReport))</button>
            <button id="facility">\(word(.addFacility))</button>
            </div>
            <p class="hint" id="hint">\(word(.moveHint))</p>
            <h2>\(word(.circuits))</h2>
            <div class="toolbar">
            <button id="new-circuit">\(word(.newCircuit))</button><button id="rename">\(word(.rename))</button>
            <button id="merge">\(word(.merge))</button><button id="delete">\(word(.delete))</button>
            </div>
            <table id="circuits"></table>
            <h2>\(word(.selectedCircuit))</h2>
            <div id="selected"></div>
            <h2>\(word(.wholeGrouping)) <small>(\(word(.changeFromStart)))</small></h2>
            <div id="whole"></div>
            </aside>
            <div id="modal" class="modal"><div></div></div>
            <script>
            \(leaflet.script)
            </script>
            <script type="application/json" id="workbench-data">\(data)</script>
            <script>
            \(WorkbenchScript.javascript)
            </script>
            </body>
            </html>

            """
    }
}
