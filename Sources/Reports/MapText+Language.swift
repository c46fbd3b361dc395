import Maps
import Territory

extension MapText {
    /// The words of a map in `language`, from its catalogue (`MapWord`),
    /// with the language's number separators.
    public init(language: Language) {
        self.init()
        func word(_ key: MapWord) -> String { language.text(.map(key)) }
        languageCode = language.rawValue
        noValue = word(.noValue)
        other = word(.other)
        classes = word(.classes)
        centredOnZero = word(.centredOnZero)
        quantile = word(.quantile)
        jenks = word(.jenks)
        equalInterval = word(.equalInterval)
        manualBreaks = word(.manualBreaks)
        lineWidth = word(.lineWidth)
        markerArea = word(.markerArea)
        and = word(.and)
        legend = word(.legend)
        searchByName = word(.searchByName)
        noMatch = word(.noMatch)
        fitTo = word(.fitTo)
        all = word(.all)
        (groupingSeparator, decimalSeparator) = language.separators
    }
}
