/// The sample territory's files (geodata/territory), as the command tests
/// name them.
enum SampleFiles {
    static let data = CommandTests.repository.appendingPathComponent("geodata/territory").path
    static let parishes = data + "/parishes.geojson"
    static let municipalities = data + "/municipalities.geojson"
    static let sites = data + "/sites.geojson"
    static let roads = data + "/roads.geojson"
    static let cheese = data + "/chains/cheese.json"
    static let maize = data + "/chains/maize_flour.json"
    static let circuits = data + "/groupings/circuits_by_municipality.csv"
    static let alternative = data + "/groupings/circuits_alternative.csv"
    static let products = data + "/../ranking/products.csv"
    static let weights = data + "/../ranking/weights.json"
}
