import Foundation
import Reports
import Territory

/// `report.html` of the guided demo: `report.md` as one page, its maps
/// (the PNGs the render steps drew) carried in it, the definitions of the
/// coverage and distribution terms at the end.
extension DemoReport {
    func html(markdown: String) -> (html: String, missingImages: [String]) {
        let terms = GlossaryTerm.coverage + GlossaryTerm.distribution.filter { !GlossaryTerm.coverage.contains($0) }
        var page = HTMLReport(language: language, markdown: markdown, terms: terms)
        let folder = steps.output
        page.imageFile = { file in FileManager.default.contents(atPath: "\(folder)/\(file)").map { [UInt8]($0) } }
        return page.render()
    }
}
