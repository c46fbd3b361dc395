import Foundation
import Testing

/// `coverage --lang` and the language from `LANG`: the Markdown report in
/// Spanish, the JSON the same in both languages.
@Suite struct LanguageCommandTests {
    static func coverage(_ extra: [String], environment: [String: String], name: String) throws -> (report: String, json: String) {
        let report = CommandTests.temporary(name + ".md"), json = CommandTests.temporary(name + ".json")
        let outcome = try ChildProcess.run([
            "coverage", "--territories", SampleFiles.parishes, "--id-field", "code", "--grouping", SampleFiles.circuits,
            "--sites", SampleFiles.sites, "--chain", SampleFiles.cheese, "-o", CommandTests.temporary(name + ".geojson"),
            "--json", json, "--report", report,
        ] + extra, environment: environment)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return (try String(contentsOfFile: report, encoding: .utf8), try String(contentsOfFile: json, encoding: .utf8))
    }

    @Test func spanishFromLangOrTheFlagEnglishOtherwise() throws {
        let fromLang = try Self.coverage([], environment: ["LC_ALL": "", "LANG": "es_VE.UTF-8"], name: "lang_es")
        let flag = try Self.coverage(["--lang", "es"], environment: ["LC_ALL": "", "LANG": "C.UTF-8"], name: "flag_es")
        let english = try Self.coverage(["--lang", "en"], environment: ["LC_ALL": "", "LANG": "es_VE.UTF-8"], name: "flag_en")
        #expect(fromLang.report.hasPrefix("# Cobertura de los circuitos\n\n15 circuitos; 2.224.979 habitantes en los territorios"))
        #expect(fromLang.report.contains("de producción primaria |"))
        #expect(fromLang.report == flag.report)
        #expect(english.report.hasPrefix("# Circuit coverage\n\n15 circuits; 2,224,979 people in the territories"))
        #expect(fromLang.json == english.json)
    }

    /// `demo --lang es`: its report and its coverage step's report in
    /// Spanish, with Spanish numbers; the figures as in English (DemoTests).
    @Test func theDemoInSpanish() throws {
        let folder = CommandTests.temporary("demo_es")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try ChildProcess.run(["demo", "--lang", "es", "--data", SampleFiles.data, "-o", folder])
        #expect(outcome.status == 0, "\(outcome.standardError.suffix(2000))")
        let report = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        #expect(report.hasPrefix("# Demostración de Territorio: el territorio de ejemplo\n"))
        #expect(report.contains("**150 parroquias, 0 problemas de geometría; 0 problemas en la jerarquía"))
        #expect(report.contains("**2.449 actores productivos, 2.449 ubicados en una parroquia"))
        #expect(report.contains("**15 circuitos (uno por municipio) para 2.224.979 habitantes"))
        #expect(report.contains(" | t/mes | 3 de 15 |"))
        #expect(report.contains("![Cobertura de queso y rutas](coverage_map.png)"))
        #expect(report.contains("--json \(folder)/coverage.json --lang es\n"))
        #expect(!report.contains("t/month"))
        // Popups open on a click, and the maps' titles are Spanish.
        #expect(report.contains("un clic (o un toque en el teléfono) sobre un elemento abre sus propiedades"))
        #expect(report.contains("--title \"Queso: cuánto se abastece cada circuito a sí mismo, y las rutas\""))
        let map = try String(contentsOfFile: folder + "/map.html", encoding: .utf8)
        #expect(map.contains("<title>El territorio de ejemplo: actores por eslabón y rutas del queso</title>"))
        #expect(map.contains("producción primaria"))
        // report.html beside it: the same chapters, its two maps carried in the page.
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
        #expect(html.contains("<title>Demostración de Territorio: el territorio de ejemplo</title>"))
        #expect(html.components(separatedBy: "<img src=\"data:image/png;base64,").count == 3)
        #expect(html.contains("<strong>150 parroquias, 0 problemas de geometría; 0 problemas en la jerarquía"))
        #expect(html.contains("<h2>Definiciones</h2>"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        let coverage = try String(contentsOfFile: folder + "/coverage.md", encoding: .utf8)
        #expect(coverage.hasPrefix("# Cobertura de los circuitos\n"))
        // The distribution step's report (English: DemoTests and the demo's report.md).
        let distribution = try String(contentsOfFile: folder + "/cheese_distribution.md", encoding: .utf8)
        #expect(distribution.hasPrefix("# Distribución de cheese\n\n| cifra | situación de partida | optimizada |\n"))
        #expect(distribution.contains("| demanda (t/mes) | 1.335,0 | 1.335,0 |\n"))
        #expect(distribution.contains("| parte de la demanda cubierta | 4,2 % | 74,8 % |\n"))
        #expect(distribution.contains("| acopio | 61,1 | 0,0 | -61,1 |\n| transformación | 62,3 | 216,2 | +153,9 |\n"))
        #expect(distribution.contains("Entregado + sin cubrir = demanda: 998,3 + "))
    }

    @Test func anUnknownLanguageIsRefused() throws {
        let outcome = try ChildProcess.run(["coverage", "--lang", "fr", "--territories", SampleFiles.parishes])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--lang"))
    }
}
