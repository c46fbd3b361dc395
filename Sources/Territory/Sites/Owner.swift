/// Who an actor answers to: a member of the circuit, or an intermediary
/// from outside it.
public enum Owner: String, Sendable, CaseIterable {
    case circuit
    case outside

    /// Also the Spanish names: `circuito`, `externo` (and `afuera`).
    public init?(named text: String) {
        switch NameText.name(text) {
        case "circuit", "circuito": self = .circuit
        case "outside", "externo", "fuera", "afuera", "intermediario": self = .outside
        default: return nil
        }
    }
}
