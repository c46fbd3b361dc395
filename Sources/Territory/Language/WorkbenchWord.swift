/// The words of the circuit workbench's page (`territorio serve`), as the
/// catalogue keys them; the page receives them all at once, by name.
public enum WorkbenchWord: String, CaseIterable, Sendable {
    case title, circuits, selectedCircuit, newCircuit, newCircuitPrompt, newCircuitHint, rename, renamePrompt
    case merge, mergePrompt, delete, deleteConfirm, undo, redo
    case suggest, saveCSV, saveScenario, scenarioPrompt, compare, exportReport
    case computing, population, families, contiguous, cutOff, compactness
    case selfSupply, exportableSurplus, bottleneck, toAdd, intermediated, delivered
    case changeFromStart, wholeGrouping, circuit, product, stage, capacity, unit
    case moveHint, addFacility, addFacilityHint, add, cancel, deltas, scenarios, start, current
    case noCircuit, territoriesMoved, contiguousShare, meanCompactness, populationVariation, close, none
}
