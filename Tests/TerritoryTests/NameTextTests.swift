import Foundation
import Testing
@testable import Territory

/// `NameText` trims in Swift alone what Foundation's `trimmingCharacters`
/// trimmed before (issue 23): the same characters, so every site reads as
/// it did.
@Suite struct NameTextTests {
    static let texts = [
        "retail", "  Retail ", "\tacopio\n", "\u{00A0}t/mes\u{2003}", "\u{3000}circuito\u{2029}", "\u{0085}externo\r\n",
        "", "   ", "\u{200B}zero width\u{200B}", "a b", " milk ; goat milk ", "Comercialización",
    ]

    @Test func trimsWhatFoundationTrims() {
        for text in Self.texts {
            #expect(NameText.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(NameText.trimmedOfSpaces(text) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test func namesReadAsBefore() {
        #expect(Stage(named: " Acopio\n") == .collection)
        #expect(Stage(named: "\u{00A0}RETAIL") == .retail)
        #expect(Stage(named: " \t ") == nil)
        #expect(CapacityUnit(named: "T/MES ") == .tonnesPerMonth)
        #expect(Owner(named: "\u{2003}Externo") == .outside)
        let site = Site(name: nil, product: " cow milk ;goat milk;\u{00A0}", stage: .primary, capacity: 9, unit: .litresPerMonth, owner: .circuit)
        #expect(site.products == ["cow milk", "goat milk"])
        #expect(site.capacity(for: "goat milk") == 4.5)
        #expect(!site.handles("sheep milk"))
    }
}
