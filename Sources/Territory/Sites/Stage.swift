/// A link of a product chain. Cases are listed (and sort) in the order the
/// domain lists them; a chain spec gives each chain its own order.
public enum Stage: String, Sendable, CaseIterable, Comparable {
    case primary
    case processing
    case collection
    case distribution
    case retail

    public static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Who an actor answers to: a member of the circuit, or an intermediary
/// from outside it.
public enum Owner: String, Sendable, CaseIterable {
    case circuit
    case outside
}

/// The unit a capacity is given in, per month.
public enum CapacityUnit: String, Sendable, CaseIterable {
    case tonnesPerMonth = "t/month"
    case litresPerMonth = "l/month"
    case piecesPerMonth = "pieces/month"
}
