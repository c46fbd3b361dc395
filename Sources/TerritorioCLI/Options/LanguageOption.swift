import ArgumentParser
import Territory

extension Language: ExpressibleByArgument {}

/// `--lang es|en`: the language of the text a command writes for people
/// (its reports, map words, and its errors, warnings and tallies on
/// standard error). Every command takes it. Without it, the environment's
/// (`LC_ALL`, then `LANG`: `es_*` gives Spanish, anything else English).
/// Machine outputs (GeoJSON, CSV, JSON) are the same in every language.
/// `GlobalFlags.language` reads the flag before the command line is
/// parsed, so that messages met while parsing and running follow it too.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"),
            help: ArgumentHelp("Language of the report and messages: es or en (default: from LC_ALL/LANG, es_* gives es, else en).", valueName: "es|en"))
    var given: Language?

    var language: Language { given ?? Language.from() }
}
