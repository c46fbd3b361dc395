import ArgumentParser
import Territory

extension Language: ExpressibleByArgument {}

/// `--lang es|en`: the language of the text a command writes for people
/// (its Markdown report). Without it, the environment's (`LC_ALL`, then
/// `LANG`: `es_*` gives Spanish, anything else English). Machine outputs
/// (GeoJSON, CSV, JSON) are the same in every language.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"),
            help: ArgumentHelp("Language of the report: es or en (default: from LC_ALL/LANG, es_* gives es, else en).", valueName: "es|en"))
    var given: Language?

    var language: Language { given ?? Language.from() }
}
