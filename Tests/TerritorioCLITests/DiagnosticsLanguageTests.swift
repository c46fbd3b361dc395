import Foundation
import Testing

/// Errors, warnings and tallies follow `--lang`, and without it `LANG`
/// (`es_*` gives Spanish): the built binary run as a user would, failing
/// in the most frequent ways. The argument parser's own frame ("Error:",
/// "Usage:") stays English; the message inside it is ours and translated.
@Suite struct DiagnosticsLanguageTests {
    static let spanishEnvironment = ["LC_ALL": "", "LANG": "es_ES.UTF-8"]
    static let englishEnvironment = ["LC_ALL": "", "LANG": "C.UTF-8"]

    /// Runs the command twice in Spanish, by `LANG` and by `--lang es`
    /// (in an English environment), and once in English; returns the
    /// standard errors, checking the two Spanish ones agree.
    static func stderr(_ arguments: [String]) throws -> (spanish: String, english: String) {
        let byLang = try ChildProcess.run(arguments, environment: spanishEnvironment)
        let byFlag = try ChildProcess.run(arguments + ["--lang", "es"], environment: englishEnvironment)
        let english = try ChildProcess.run(arguments, environment: englishEnvironment)
        #expect(byLang.standardError == byFlag.standardError, "LANG=es_ES and --lang es differ")
        #expect(byLang.status == english.status)
        return (byLang.standardError, english.standardError)
    }

    @Test func aMissingFile() throws {
        let missing = CommandTests.temporary("no_such_file.geojson")
        let (spanish, english) = try Self.stderr(["info", missing])
        #expect(spanish == "territorio: error: \(missing): no existe el archivo\n")
        #expect(english == "territorio: error: \(missing): cannot open: No such file or directory\n")
    }

    @Test func anUnknownFieldListsTheFieldsPresent() throws {
        let (spanish, english) = try Self.stderr(["render", SampleFiles.parishes, "--color-by", "poblacion", "-o", CommandTests.temporary("nofield.png")])
        #expect(spanish.contains("--color-by: no hay ningún campo 'poblacion' en \(SampleFiles.parishes); campos: code, name, municipality_code, state_code, population, urban; ¿quiso decir 'population'?"))
        #expect(english.contains("--color-by: no field 'poblacion' in \(SampleFiles.parishes); fields: code, name, municipality_code, state_code, population, urban; did you mean 'population'?"))
    }

    @Test func anUnknownCRS() throws {
        let (spanish, english) = try Self.stderr(["convert", SampleFiles.parishes, "--to", "EPSG:999999", "-o", CommandTests.temporary("nocrs.geojson")])
        #expect(spanish.hasPrefix("territorio: error: PROJ no encontró ninguna transformación de EPSG:4326 a EPSG:999999: "))
        #expect(english.hasPrefix("territorio: error: PROJ found no transformation from EPSG:4326 to EPSG:999999: "))
    }

    /// A CSV in UTM read as longitude/latitude: the feature named by its
    /// index, in the language's word.
    @Test func aProjectedFileNamesTheFeature() throws {
        let csv = CommandTests.temporary("utm_points.csv")
        try "id,x,y\na,500000,1100000\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let (spanish, english) = try Self.stderr(["convert", csv, "-o", CommandTests.temporary("utm_points.geojson")])
        #expect(spanish.hasPrefix("territorio: error: \(csv): 1 de 1 entidades tienen coordenadas que no pueden ser longitud/latitud (entidad 0 en x=500000.0, y=1100000.0)"))
        #expect(english.hasPrefix("territorio: error: \(csv): 1 of 1 features have coordinates that cannot be longitude/latitude (feature 0 at x=500000.0, y=1100000.0)"))
    }

    /// A tally (in = out + rejected) and a warning, of a command that is
    /// neither coverage nor distribute.
    @Test func aTallyAndAWarning() throws {
        let (spanish, english) = try Self.stderr(["convert", SampleFiles.parishes, "--to", "EPSG:32619", "-o", CommandTests.temporary("utm_language.geojson")])
        #expect(spanish == """
            territorio: aviso: la salida está en EPSG:32619, no en WGS 84: lleva un miembro crs y no es GeoJSON RFC 7946
            \(SampleFiles.parishes): 150 entidades de entrada, 150 de salida, 0 rechazados

            """)
        #expect(english == """
            territorio: warning: output is in EPSG:32619, not WGS 84: it carries a crs member and is not RFC 7946 GeoJSON
            \(SampleFiles.parishes): 150 features in, 150 out, 0 rejected

            """)
    }

    /// A line about a single feature: a site outside every parish.
    @Test func aLineAboutOneFeature() throws {
        let csv = CommandTests.temporary("outside_points.csv")
        try "id,x,y\na,-68.0,10.0\nb,-60.0,5.0\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let (spanish, english) = try Self.stderr(["join", "--sites", csv, "--territories", SampleFiles.parishes, "--id-field", "code",
                                                  "-o", CommandTests.temporary("outside_points.geojson")])
        #expect(spanish.contains("\(csv): entidad 1: fuera de todo territorio en (-60.0, 5.0)\n"), "\(spanish)")
        #expect(english.contains("\(csv): feature 1: outside every territory at (-60.0, 5.0)\n"), "\(english)")
    }

    @Test func aUsageErrorWeRaise() throws {
        let (spanish, english) = try Self.stderr(["coverage", "--chain", SampleFiles.cheese])
        #expect(spanish.hasPrefix("Error: dé --territories ARCHIVO, o --study ARCHIVO que nombre \"territories\"\n"))
        #expect(english.hasPrefix("Error: give --territories FILE, or --study FILE naming \"territories\"\n"))
    }

    /// `group suggest --lang es`: its report and its lines in Spanish.
    @Test func groupSuggestInSpanish() throws {
        let report = CommandTests.temporary("suggest_es.md")
        let outcome = try ChildProcess.run(["group", "suggest", "--territories", SampleFiles.parishes, "--id-field", "code",
                                            "--min-population", "100000", "-o", CommandTests.temporary("suggest_es.csv"),
                                            "--report", report, "--lang", "es"], environment: Self.englishEnvironment)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("\(SampleFiles.parishes): 150 territorios de entrada, 150 de salida, 0 rechazados\n"))
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.hasPrefix("# Circuitos sugeridos\n\n| circuito | unidades | contiguo | partes | compacidad | población | área km² | viaje medio km |\n"))
        #expect(text.contains(" | sí | 1 | "))
        #expect(text.contains("circuitos; 100 % contiguos; compacidad media 0,"))
    }

    /// Every command that writes text for people takes --lang.
    @Test func everyCommandTakesLang() throws {
        let commands = [["info"], ["validate"], ["convert"], ["join"], ["dissolve"], ["interpolate"], ["hierarchy", "check"],
                        ["catchment"], ["coverage"], ["network", "info"], ["route"], ["distribute"], ["isochrone"],
                        ["group", "evaluate"], ["group", "compare"], ["group", "suggest"], ["rank"], ["render"], ["scenario"],
                        ["site"], ["demo"]]
        for command in commands {
            let outcome = try ChildProcess.run(command + ["--help"])
            #expect(outcome.standardOutput.contains("--lang <es|en>"), "\(command.joined(separator: " ")) has no --lang")
        }
    }
}
