/// El catálogo en español: cada texto de los informes, con la terminología
/// del glosario del README (eslabón, rubro, nudo crítico, excedente,
/// autoabastecimiento, Zona Económica Comunal).
extension Catalogue {
    static func spanish(_ key: Key) -> String {
        switch key {
        case .stage(let stage):
            switch stage {
            case .primary: "producción primaria"
            case .collection: "acopio"
            case .processing: "transformación"
            case .distribution: "distribución"
            case .retail: "comercialización"
            default: stage.rawValue
            }
        case .unit(let unit):
            switch unit {
            case .tonnesPerMonth: "t/mes"
            case .litresPerMonth: "l/mes"
            case .piecesPerMonth: "piezas/mes"
            default: unit.rawValue
            }
        case .proposal(let amount, let unit, let stage): "añadir \(amount) \(unit) de \(stage)"
        case .sitesLeftOut(let count, let reason, let unused):
            "\(count) actores \(reason == .outsideTerritories ? "fuera de todo territorio" : "en un territorio sin circuito") (capacidad sin usar: \(unused))"

        case .coverageTitle: "# Cobertura de los circuitos\n\n"
        case .coveragePeople(let circuits, let total, let inCircuits, let inNoCircuit, let territories):
            "\(circuits) circuitos; \(total) habitantes en los territorios: \(inCircuits) en circuitos, \(inNoCircuit) en \(territories) territorios sin circuito"
        case .coverageOverlaps(let territories): "; \(territories) territorios están en más de un circuito (ver solapamientos).\n"
        case .coverageSites(let sites, let outside): "\(sites) actores productivos, \(outside) de ellos en ninguna de las cadenas"
        case .coverageNoCircuitCanUse: "; ningún circuito puede usar "

        case .surplusHeading: "## Excedente por colocar\n\n"
        case .surplusNone: "Ningún circuito produce de ningún rubro más de lo que su población necesita.\n\n"
        case .surplusIntro:
            "Lo que cada circuito puede enviar fuera después de abastecer a su propia población, en producto final, sea cual sea la capacidad de su transformación y comercialización.\n\n"
        case .surplusTableHeader:
            "| circuito | rubro | producción | demanda | excedente exportable | unidad | vecinos con déficit |\n|---|---|---:|---:|---:|---|---|\n"
        case .productShortageHeading: "## Déficit de rubro\n\n"
        case .productShortageNone: "Cada circuito produce al menos lo que su población necesita de cada rubro.\n\n"
        case .productShortageIntro: "Circuitos cuyo primer eslabón no produce lo que su población necesita, los peores primero.\n\n"
        case .productShortageTableHeader:
            "| circuito | rubro | producción | demanda | déficit | unidad | propuesta |\n|---|---|---:|---:|---:|---|---|\n"
        case .stageShortageHeading: "## Déficit de un eslabón\n\n"
        case .stageShortageNone: "A ningún circuito le falta planta, acopio o comercios para su propia demanda.\n\n"
        case .stageShortageIntro:
            "Nudos críticos después del primer eslabón, los peores primero: la capacidad que le falta a cada circuito en un eslabón (una planta, el acopio, los comercios) para atender a su propia población, y la capacidad por añadir.\n\n"
        case .stageShortageTableHeader:
            "| circuito | rubro | eslabón | capacidad | necesario | parte faltante | propuesta |\n|---|---|---|---:|---:|---:|---|\n"

        case .circuitLine(let territories, let area, let people, let families, let near):
            "\(territories) \(territories == 1 ? "territorio" : "territorios"), \(area) km², \(people) habitantes (\(families) familias); \(near) al alcance de sus propios puntos de distribución y comercialización.\n\n"
        case .productTableHeader:
            "| rubro | demanda | abastecimiento propio | autoabastecimiento | nudo crítico | excedente exportable | déficit de rubro | valor agregado | parte del valor agregado en intermediarios |\n|---|---:|---:|---:|---|---:|---:|---:|---:|\n"
        case .stageTableHeader:
            "\n| rubro | eslabón | unidad | actores | capacidad | necesario | balance | por añadir | parte de intermediarios |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n"
        case .skippable: "(prescindible)"

        case .zonesHeading:
            "## Zonas Económicas Comunales\n\nCada zona tomada como un solo circuito: la población, los actores y los eslabones de sus circuitos juntos.\n\n"
        case .zoneLine(let circuits, let people, let families): "Circuitos \(circuits); \(people) habitantes (\(families) familias).\n\n"
        case .circuitsInNoZone(let circuits): "Circuitos sin zona: \(circuits).\n\n"
        case .zonePlace(let zone): "zona \(zone)"

        case .processingHeading:
            "## Producción primaria frente a transformación\n\nCuánto de lo que produce cada circuito (y zona) pueden transformar sus propias plantas: capacidad de transformación sobre producción primaria, ambas en producto final.\n\n"
        case .processingTableHeader:
            "| circuito o zona | rubro | producción primaria (producto final) | transformación (producto final) | transformado en el territorio |\n|---|---|---:|---:|---:|\n"

        case .identityHeading(let field):
            "## Productos identitarios\n\nEl producto identitario de cada territorio (campo `\(field)`) y el eslabón más avanzado de su cadena con un actor productivo en el territorio.\n\n"
        case .identityCountsHeader: "| categoría | territorios |\n|---|---:|\n"
        case .noIdentityProduct: "sin producto identitario"
        case .identityNoStage: "ninguno"
        case .identityNoChain: "sin cadena"
        case .identityTableHeader: "\n| territorio | rubro | eslabón más avanzado | eslabones presentes |\n|---|---|---|---|\n"

        case .pointsLine(let points, let outside, let inNoCircuit):
            "\(points) puntos: \(outside) fuera de todo territorio, \(inNoCircuit) en territorios sin circuito"
        case .pointsWithoutValue(let count, let field): ", \(count) sin \(field ?? "valor") que sumar.\n\n"
        case .pointsSumColumn(let field): " | suma de \(field)"
        case .pointsCategory: "categoría"
        case .pointsCount: "puntos"
        case .pointsNoCategory: "(ninguna)"
        case .zone: "zona"
        case .circuit: "circuito"

        case .coverageDefinitions:
            """
            ## Definiciones

            - **necesario**: lo que la demanda propia del circuito requiere de un eslabón, en la unidad del eslabón (la demanda llevada hacia atrás por los rendimientos que le siguen). **balance** = capacidad - necesario. **por añadir**: para un eslabón del que no se puede prescindir, la capacidad que falta para la demanda propia del circuito.
            - **abastecimiento propio**: lo que la cadena entrega a la población del propio circuito, limitado por su eslabón más débil del que no se puede prescindir (el nudo crítico); **autoabastecimiento** = abastecimiento propio / demanda.
            - **excedente exportable**: lo que el primer eslabón produce, en producto final, más allá de la demanda del circuito: puede salir en cualquier eslabón, sin transformar si hace falta, así que las plantas y comercios del circuito no lo limitan. **déficit de rubro**: la demanda más allá de lo que produce el primer eslabón.
            - **valor agregado**: en cada eslabón, lo que pasa por él a su precio menos sus insumos al precio del eslabón anterior; la parte de intermediarios pondera el valor agregado de cada eslabón por la parte de su capacidad en manos de intermediarios de fuera del circuito.

            """
        }
    }
}
