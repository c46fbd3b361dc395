import Foundation
import Testing
@testable import Geo
@testable import Territory

/// Reports in Spanish: the catalogue's stage names and units read back as
/// the same stages, numbers in each language's format, the language the
/// environment asks for, and the coverage report of a hand-made valley in
/// Spanish while its JSON stays the English one.
@Suite struct LanguageTests {
    @Test func numbersInEachLanguagesFormat() {
        #expect(ReportNumber.grouped(1234.5, minimumFractionDigits: 1, maximumFractionDigits: 1, language: .es) == "1.234,5")
        #expect(ReportNumber.grouped(1234.5, minimumFractionDigits: 1, maximumFractionDigits: 1, language: .en) == "1,234.5")
        #expect(ReportNumber.grouped(3_240_154, maximumFractionDigits: 0, language: .es) == "3.240.154")
        #expect(CoverageReport.amount(9_992, .es) == "9.992,0")
        #expect(CoverageReport.amount(9_992) == "9,992.0")
        #expect(CoverageReport.signed(-0.04, .es) == "0,0")
    }

    @Test(arguments: [
        (["LANG": "es_VE.UTF-8"], Language.es), (["LANG": "es"], .es), (["LANG": "es-EC"], .es),
        (["LC_ALL": "", "LANG": "es_BO.UTF-8"], .es), (["LC_ALL": "es_SV.UTF-8", "LANG": "en_US.UTF-8"], .es),
        (["LC_ALL": "en_US.UTF-8", "LANG": "es_VE.UTF-8"], .en), (["LANG": "C.UTF-8"], .en), (["LANG": "POSIX"], .en),
        (["LANG": "est_EE.UTF-8"], .en), ([:], .en),
    ])
    func theLanguageTheEnvironmentAsksFor(environment: [String: String], language: Language) {
        #expect(Language.from(environment: environment) == language)
    }

    @Test func spanishStageNamesAndUnitsReadBackAsTheSameOnes() {
        #expect(Stage.standard.map { Language.es.name(of: $0) }
            == ["producción primaria", "transformación", "acopio", "distribución", "comercialización"])
        for stage in Stage.standard { #expect(Stage(named: Language.es.name(of: stage)) == stage) }
        #expect(CapacityUnit.builtIn.map { Language.es.name(of: $0) } == ["t/mes", "l/mes", "piezas/mes"])
        for unit in CapacityUnit.builtIn { #expect(CapacityUnit(named: Language.es.name(of: unit)) == unit) }
        // A chain's own stage and unit stay as the chain names them.
        #expect(Language.es.name(of: Stage(named: "hospedaje")!) == "hospedaje")
        #expect(Language.es.name(of: CapacityUnit(named: "visitantes/mes")!) == "visitantes/mes")
    }

    @Test func theValleyInSpanish() throws {
        // CircuitEconomyTests.aValleyWithARawSurplusAndFewShops: 101,000 people eat 808 t a
        // month; 10,800 t reach the table; the shops sell 500 t and lack 308 t.
        var (_, report) = try CircuitEconomyTests.circuit(population: 101_000, chain: CircuitEconomyTests.vegetables, sites: [
            ("vegetables", "primary", 12_000, "t/month", "circuit"), ("vegetables", "collection", 3_000, "t/month", "circuit"),
            ("vegetables", "retail", 500, "t/month", "circuit"),
        ])
        let english = report.markdown, json = report.json.jsonText
        report.language = .es
        let markdown = report.markdown
        #expect(markdown.hasPrefix("# Cobertura de los circuitos\n\n1 circuitos; 101.000 habitantes en los territorios: 101.000 en circuitos, 0 en 0 territorios sin circuito.\n"))
        #expect(markdown.contains("## Excedente por colocar\n\n"))
        #expect(markdown.contains("| X | vegetables | 10.800,0 | 808,0 | 9.992,0 | t/mes |"))
        #expect(markdown.contains("## Déficit de rubro\n\nCada circuito produce al menos lo que su población necesita de cada rubro."))
        #expect(markdown.contains("## Déficit de un eslabón\n\nNudos críticos después del primer eslabón"))
        #expect(markdown.contains("| X | vegetables | comercialización | 500,0 | 808,0 | 38 % | añadir 308,0 t/mes de comercialización |"))
        // 12,000 t grown against 808 / 0.9 = 897.8 t needed: +11,102.2 t; collection can be skipped.
        #expect(markdown.contains("| vegetables | producción primaria | t/mes | 1 | 12.000,0 | 897,8 | +11.102,2 | 0 | 0 % |"))
        #expect(markdown.contains("| vegetables | acopio | t/mes | 1 | 3.000,0 | 808,0 | +2.192,0 | (prescindible) | 0 % |"))
        #expect(markdown.contains("| vegetables (t/mes) | 808,0 | 500,0 | 62 % | comercialización | 9.992,0 | 0,0 | - | - |"))
        #expect(markdown.contains("## Definiciones\n\n- **necesario**:"))
        // No English left in the text around the tables.
        for word in ["circuit ", "people", "Shortage", "Surplus", "retail", "t/month", "add "] {
            #expect(!markdown.contains(word), "\(word)")
        }
        // The JSON keeps English keys, stage names and numbers; English is untouched.
        #expect(report.json.jsonText == json)
        #expect(json.contains("\"proposal\":\"add 308.0 t/month of retail\""))
        report.language = .en
        #expect(report.markdown == english)
    }

    @Test func aDairysProposalInSpanish() throws {
        let (_, report) = try CircuitEconomyTests.circuit(population: 155_000, chain: CircuitEconomyTests.cheese, sites: [
            ("milk", "primary", 4_500_000, "l/month", "circuit"), ("cheese", "processing", 450, "t/month", "circuit"),
            ("cheese", "retail", 66, "t/month", "circuit"),
        ])
        #expect(report.criticalNodes[0].proposal(in: .es) == "añadir 27,0 t/mes de comercialización")
        #expect(report.criticalNodes[0].proposal == "add 27.0 t/month of retail")
    }
}
