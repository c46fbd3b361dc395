/// The chain specs the sample ships: stages in order, the yield from each
/// stage's product to the next's, stages a product may skip, and monthly
/// demand per person of the final product.
enum Chains {
    static let files: [(name: String, json: String)] = [
        ("cheese.json", """
        {
          "product": "cheese",
          "unit": "t/month",
          "demandKgPerPersonMonth": 0.6,
          "stages": [
            {"stage": "primary", "product": "milk", "unit": "l/month"},
            {"stage": "collection", "product": "milk", "unit": "l/month", "yield": 1},
            {"stage": "processing", "product": "cheese", "unit": "t/month", "yield": 0.0001,
             "note": "10 l of milk make 1 kg of cheese: 0.0001 t per litre"},
            {"stage": "distribution", "product": "cheese", "unit": "t/month", "yield": 1},
            {"stage": "retail", "product": "cheese", "unit": "t/month", "yield": 1}
          ],
          "skippable": ["collection", "distribution"]
        }
        """),
        ("maize_flour.json", """
        {
          "product": "maize flour",
          "unit": "t/month",
          "demandKgPerPersonMonth": 3.5,
          "stages": [
            {"stage": "primary", "product": "maize", "unit": "t/month"},
            {"stage": "collection", "product": "maize", "unit": "t/month", "yield": 1},
            {"stage": "processing", "product": "maize flour", "unit": "t/month", "yield": 0.75,
             "note": "1 t of maize grain mills into 0.75 t of precooked flour"},
            {"stage": "distribution", "product": "maize flour", "unit": "t/month", "yield": 1},
            {"stage": "retail", "product": "maize flour", "unit": "t/month", "yield": 1}
          ],
          "skippable": ["collection", "distribution"]
        }
        """),
        ("coffee.json", """
        {
          "product": "coffee",
          "unit": "t/month",
          "demandKgPerPersonMonth": 0.4,
          "stages": [
            {"stage": "primary", "product": "coffee", "unit": "t/month", "note": "coffee cherries"},
            {"stage": "processing", "product": "coffee", "unit": "t/month", "yield": 0.2,
             "note": "5 t of cherries give 1 t of roasted coffee"},
            {"stage": "distribution", "product": "coffee", "unit": "t/month", "yield": 1},
            {"stage": "retail", "product": "coffee", "unit": "t/month", "yield": 1}
          ],
          "skippable": ["distribution"]
        }
        """),
        ("vegetables.json", """
        {
          "product": "vegetables",
          "unit": "t/month",
          "demandKgPerPersonMonth": 8,
          "stages": [
            {"stage": "primary", "product": "vegetables", "unit": "t/month"},
            {"stage": "collection", "product": "vegetables", "unit": "t/month", "yield": 0.9,
             "note": "a tenth is lost between field and collection"},
            {"stage": "distribution", "product": "vegetables", "unit": "t/month", "yield": 1},
            {"stage": "retail", "product": "vegetables", "unit": "t/month", "yield": 1}
          ],
          "skippable": ["collection", "distribution"]
        }
        """),
    ]
}
