/// Fictional place names in the style of the Venezuelan Andes and
/// plains: each unit gets its own, deterministically.
enum Names {
    static let saints = ["San José", "Santa Rosa", "San Rafael", "La Candelaria", "San Isidro", "Santa Ana", "San Pedro",
                         "Santa Lucía", "San Antonio", "Santa Inés", "San Miguel", "Santa Bárbara", "San Juan", "Santa Cruz",
                         "San Luis", "Santa Teresa", "San Pablo", "Santa Elena", "San Diego", "Santa Clara"]
    static let places = ["El Carmen", "La Esperanza", "Los Naranjos", "Agua Blanca", "El Palmar", "La Vega", "Río Claro",
                         "Los Cerritos", "El Rosario", "La Ceiba", "Cerro Verde", "Las Mercedes", "El Paraíso", "La Sabana",
                         "Monte Bello", "Las Lajas", "El Tocuyo", "La Quebrada", "Los Guayos", "El Limón", "Buena Vista",
                         "Guaicaipuro", "Tacarigua", "Mariara", "Urama", "Morón", "Yaracal", "Canoabo", "Bejuma", "Chirgua"]
    static let municipalities = ["Libertador", "Bolívar", "Sucre", "Miranda", "Urdaneta", "Páez", "Ribas", "Mariño",
                                 "Falcón", "Arismendi", "Guevara", "Zamora", "Rangel", "Briceño", "Andrade"]

    /// The parish name of index `n`: places first, then saint + place pairs.
    static func parish(_ n: Int) -> String {
        if n < places.count { return places[n] }
        let k = n - places.count
        return "\(saints[k % saints.count]) de \(places[(k / saints.count + k) % places.count])"
    }

    static func municipality(_ n: Int) -> String {
        n < municipalities.count ? municipalities[n] : "Municipio \(n + 1)"
    }
}
