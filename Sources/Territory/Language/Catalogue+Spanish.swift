import Foundation
import Geo

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
            "| circuito | rubro | producción | demanda | excedente exportable | unidad | enviado a (toneladas, distribución exacta) |\n|---|---|---:|---:|---:|---|---|\n"
        case .exchangeHeading:
            "## Excedente movido entre circuitos\n\nCada cadena distribuida de forma exacta sobre todos los territorios (el óptimo de `distribute` con esta agrupación: la mayor demanda cubierta, luego las menos toneladas por intermediarios de fuera, luego las menos toneladas-km en línea recta), y su producto seguido desde el circuito donde se produce hasta el circuito donde se consume, se toquen o no. Las mismas cifras que `distribute --grouping ... --od`.\n\n"
        case .exchangeLine(let product, let delivered, let demand, let unit, let moved, let optimal, let rounds):
            "**\(product)**: \(delivered) de \(demand) \(unit) entregados, \(moved) \(unit) movidos entre circuitos (\(optimal ? "óptimo sobre todos los enlaces" : "SIN certificado de óptimo"), \(rounds) rondas de precios).\n\n"
        case .exchangeBroken(let product, let stages): "**\(product)**: nada se mueve: ningún actor en \(stages), que no se puede saltar.\n\n"
        case .exchangeNone: "Cada circuito consume solo su propio producto.\n\n"
        case .exchangeMovesHeader: "| de | a | toneladas |\n|---|---|---:|\n"
        case .exchangeMore(let count): "\n\(count) movimientos menores en el JSON (`exchange`).\n"
        case .exchangeCircuitsHeader: "\n| circuito | abastecimiento propio usado | exportado | importado |\n|---|---:|---:|---:|\n"
        case .exchangeNobody: "ninguno"
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

        case .distributionTitle(let product): "# Distribución de \(product)\n\n"
        case .distributionBroken(let stages):
            "La cadena está rota: ningún actor en \(stages), de lo que no se puede prescindir. Nada llega a la población.\n\n"
        case .distributionFiguresHeader: "| cifra | situación de partida | optimizada |\n|---|---:|---:|\n"
        case .distributionDemand(let unit): "demanda (\(unit))"
        case .distributionDelivered: "entregado"
        case .distributionShareMet: "parte de la demanda cubierta"
        case .distributionIntermediated: "a través de intermediarios de fuera"
        case .distributionTonneKm: "toneladas-km"
        case .distributionTonneMinutes: "toneladas-minuto por las carreteras"
        case .distributionLinksUsed: "enlaces usados"
        case .distributionBaseline(let rule, let stuck, let assumedNearest):
            "Situación de partida: \(rule); cada productor ofrece su capacidad, cada comprador pasa lo que recibe hasta su capacidad, la población toma hasta su demanda"
                + " (\(stuck) comprado y no pasado o no requerido"
                + (assumedNearest > 0 ? "; \(assumedNearest) actores no nombran comprador y venden al más cercano" : "") + ").\n\n"
        case .distributionRuleNearest: "cada actor vende al actor más cercano del eslabón siguiente, dentro del circuito o no"
        case .distributionRuleSellsTo(let field): "el comercio actual, a quién vende cada actor según '\(field)'"
        case .distributionOptimal(let rounds, let links):
            "Óptimo sobre todos los enlaces de la red completa: tras \(rounds) \(rounds == 1 ? "resolución" : "resoluciones") (\(links) enlaces), ningún enlace dejado fuera podría entregar más o costar menos con los precios finales.\n\n"
        case .distributionNotOptimal(let reason, let rounds, let links):
            "**Sin certificar como óptimo**: \(reason ?? "desconocido"). Las cifras son las de la última resolución (\(rounds) resoluciones, \(links) enlaces).\n\n"
        case .distributionChangesHeading:
            "## Qué cambia\n\nToneladas a través de intermediarios de fuera, por eslabón: el óptimo hace pasar el producto por los actores del propio circuito donde su capacidad lo permite.\n\n"
                + "| eslabón | situación de partida | optimizada | cambio |\n|---|---:|---:|---:|\n"
        case .distributionRoads(let unreachableSites, let unreachableTerritories, let cutOffSites, let cutOffTerritories):
            "| carreteras | número |\n|---|---:|\n"
                + "| actores de la cadena más allá de --max-snap de las carreteras (no transportan nada) | \(unreachableSites) |\n"
                + "| territorios más allá de --max-snap de las carreteras (demanda sin cubrir) | \(unreachableTerritories) |\n"
                + "| actores en un componente de la red sin ninguno de sus compradores (no transportan nada) | \(cutOffSites) |\n"
                + "| territorios en un componente de la red sin vendedor (demanda sin cubrir) | \(cutOffTerritories) |\n\n"
        case .distributionByCircuitHeading:
            "## Por circuito\n\nEntregado a la población del circuito; intermediado en intermediarios de fuera situados en él; toneladas-km de los enlaces que salen de sus actores; abastecimiento propio usado, exportado e importado: el producto de sus productores consumido en casa, fuera, y el de otros consumido aquí.\n\n"
                + "| circuito | entregado (partida) | entregado | intermediado (partida) | intermediado | toneladas-km (partida) | toneladas-km | abastecimiento propio usado | exportado | importado |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        case .distributionByZoneHeading:
            "## Por zona\n\nLo mismo, cada zona con sus circuitos juntos: exportado e importado es lo que cruza el borde de la zona.\n\n"
                + "| zona | entregado (partida) | entregado | intermediado (partida) | intermediado | toneladas-km (partida) | toneladas-km | abastecimiento propio usado | exportado | importado |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        case .distributionMovesHeading: "\nMayores movimientos entre circuitos:\n\n| de | a | toneladas |\n|---|---|---:|\n"
        case .distributionBalance(let delivered, let unmet, let demand):
            "Entregado + sin cubrir = demanda: \(delivered) + \(unmet) = \(demand).\n\n"
        case .distributionUnmetHeading: "## Demanda sin cubrir, la mayor primero\n\n| territorio | sin cubrir |\n|---|---:|\n"
        case .scenarioTitle: "# Escenarios comparados\n\n"
        case .scenarioIntro:
            "Cada escenario es el estudio con sus cambios aplicados en memoria; sus archivos no se tocan. La cobertura (balances por eslabón, autoabastecimiento, excedente exportable, personas alimentadas), la distribución exacta de cada cadena (menos toneladas por intermediarios externos, luego menos toneladas-km) y la contigüidad de la agrupación se calculan igual sobre la base y sobre cada escenario.\n\n"
        case .scenarioItem(let label, let name, let file, let edits): "- **\(label)** \(name) (`\(file)`, \(edits) \(edits == 1 ? "cambio" : "cambios"))\n"
        case .scenarioStudyHeading: "## En todo el estudio\n\n"
        case .scenarioBase: "base"
        case .scenarioChange: "cambio"
        case .scenarioProduct: "rubro"
        case .scenarioFigureColumn: "cifra"
        case .scenarioFigure(let figure):
            switch figure {
            case .selfSupply: "autoabastecimiento"
            case .exportableSurplus: "excedente exportable"
            case .peopleFed: "personas alimentadas"
            case .delivered: "entregado"
            case .intermediated: "por intermediarios"
            case .tonneKilometres: "toneladas-km"
            }
        case .scenarioContiguousShare: "circuitos contiguos (proporción)"
        case .scenarioPopulationVariation: "variación de la población (de / media)"
        case .scenarioCircuitsHeading(let label, let name): "## \(label): \(name), circuito por circuito\n\n"
        case .scenarioCircuit: "circuito"
        case .scenarioScenario: "escenario"
        case .scenarioNothingChanged: "Ninguna cifra de ningún circuito cambió.\n\n"
        case .scenarioPopulation: "población"
        case .scenarioParts: "partes conexas"
        case .scenarioBalance(let stage, let unit): "balance en \(stage) (\(unit))"
        case .scenarioToAdd(let stage, let unit): "por añadir en \(stage) (\(unit))"
        case .scenarioWhyHeading: "### Por qué cambiaron las toneladas por intermediarios\n\n"
        case .scenarioWhy(let product, let base, let scenario, let change, let unit, let stages):
            "- **\(product)**: las toneladas por intermediarios externos pasaron de \(base) a \(scenario) \(unit) (\(change)). Eslabón por eslabón: \(stages).\n"
        case .scenarioWhyStage(let stage, let base, let scenario, let change): "\(stage) \(base) → \(scenario) (\(change))"
        case .scenarioWhyCircuit(let circuit, let stages): "  - en \(circuit): \(stages)\n"
        case .scenarioWhyRose:
            "\nLas toneladas por intermediarios pueden subir tras una mejora: ahora fluye más producto y, donde un actor externo (un distribuidor, una tienda) es el único paso en un eslabón de los listados, el producto nuevo pasa por él. Añadir capacidad propia del circuito en ese eslabón lo evitaría.\n\n"
        case .scenarioWhyNone: "Las toneladas por intermediarios externos no cambiaron.\n\n"
        case .scenarioNotOptimal(let product, let label): "La distribución de \(product) de \(label) no está certificada como óptima; sus cifras pueden moverse.\n\n"

        case .demoIntro:
            "# Demostración de Territorio: el territorio de ejemplo\n\n"
                + "Cada cifra de abajo sale de un archivo de esta carpeta, escrito por un comando `territorio` corriente; "
                + "los comandos están al final. El territorio es ficticio (ver `geodata/README.md`).\n\n"
        case .demoBoundaries(let parishes, let problems, let hierarchy):
            """
            ## 1. Límites

            **\(parishes) parroquias, \(problems) problemas de geometría; \(hierarchy) problemas en la jerarquía estado > municipio > parroquia.**
            Los problemas de geometría son las comprobaciones de validez de GEOS ([validation.json](validation.json)); la comprobación de la jerarquía busca parroquias fuera de su municipio, huecos y solapamientos ([hierarchy.json](hierarchy.json)).


            """
        case .demoActors(let actors, let located, let outside):
            """
            ## 2. Los actores productivos en sus parroquias

            **\(actors) actores productivos, \(located) ubicados en una parroquia; \(outside) de ellos son intermediarios de fuera.**
            La parroquia de cada actor está en [sites_joined.geojson](sites_joined.geojson) (`territory_code`); el número y la capacidad por parroquia, rubro y eslabón en [sites_per_parish.csv](sites_per_parish.csv).


            """
        case .demoCatchments(let centres, let people, let overloaded):
            """
            ## 3. Áreas de influencia del acopio de leche

            **\(centres) centros de acopio atienden a \(people) habitantes; \(overloaded) necesitarían más leche de la que pueden acopiar para cubrir la demanda de queso de su área de influencia.**
            Cada área de influencia es la celda de Voronoi de su centro recortada al territorio, con su población interpolada por área desde las parroquias ([milk_collection_catchments.geojson](milk_collection_catchments.geojson), `utilisation` = demanda / capacidad).


            """
        case .demoCoverage(let circuits, let people, let rows, let story):
            """
            ## 4. Cobertura de cada circuito

            **\(circuits) circuitos (uno por municipio) para \(people) habitantes; por rubro, la demanda de todos ellos, lo que la cadena de cada circuito entrega a su propia población (abastecimiento propio, sumado), lo que los circuitos pueden enviar fuera después de abastecerse (excedente exportable), lo que la cadena del estado en su conjunto podría abastecer, y cuántos circuitos cubren su propia demanda:**
            El abastecimiento propio lo limita el nudo crítico de la cadena; el excedente exportable solo lo que produce el primer eslabón (la cosecha puede salir sin transformar); la demanda es la población × el consumo per cápita de la cadena ([coverage.md](coverage.md), [coverage.json](coverage.json), capa [circuits.geojson](circuits.geojson)). El abastecimiento propio de los circuitos queda muy por debajo del del estado: las ciudades producen poco, y lo que el campo produce por encima de sus necesidades sale de él.

            | rubro | demanda | abastecimiento propio de los circuitos | excedente exportable | el estado como una sola cadena | unidad | circuitos autoabastecidos |
            |---|---:|---:|---:|---:|---|---:|
            \(rows)
            \(story)

            """
        case .demoCoveredCircuits(let covered, let of): "\(covered) de \(of)"
        case .demoValley(let grown, let demand, let balance, let exportable, let shops, let toAdd):
            "- **C-EM09 (Tovar), un valle de hortalizas:** \(grown) t/mes de hortalizas cosechadas frente a una demanda de \(demand) t: un balance de producción primaria de +\(balance) t y un excedente exportable de \(exportable) t por colocar en otra parte; aparte, sus comercios venden \(shops) t, y faltan \(toAdd) t/mes de comercialización."
        case .demoDairy(let processing, let demand, let balance, let milk, let shops, let toAdd):
            "- **C-EM04 (Colina), una llanura lechera:** plantas que hacen \(processing) t/mes de queso frente a una demanda de \(demand) t (balance de transformación +\(balance) t), con \(milk) l/mes de leche; sus comercios venden \(shops) t: faltan \(toAdd) t/mes de comercialización. Le faltan comercios, no queso."
        case .demoDistribution(let delivered, let demand, let share, let intermediated, let baseline, let tonneKm, let between):
            """
            ## 5. El queso con los menos intermediarios

            **\(delivered) de \(demand) t/mes entregadas (\(share) %), \(intermediated) t a través de intermediarios de fuera frente a \(baseline) t en la situación de partida, donde cada actor vende al actor más cercano del eslabón siguiente; \(tonneKm) toneladas-km.**
            Las rutas minimizan primero las toneladas que pasan por intermediarios y luego las toneladas-km, dentro de las capacidades de los actores, y el flujo está certificado como óptimo sobre todos los enlaces posibles ([cheese_distribution.md](cheese_distribution.md), líneas en [cheese_routes.geojson](cheese_routes.geojson)).
            \(between)

            """
        case .demoNoCheeseBetweenCircuits: "Ningún queso pasa de un circuito a otro.\n"
        case .demoBetweenCircuits(let total, let largest):
            "Excedente que abastece a otros circuitos: \(total) t/mes de queso pasan de un circuito a otro, los mayores \(largest) ([cheese_between_circuits.csv](cheese_between_circuits.csv), líneas en [cheese_between_circuits.geojson](cheese_between_circuits.geojson)).\n"
        case .demoGroupings(let rows):
            """
            ## 6. Agrupaciones de parroquias en circuitos

            **Dos agrupaciones comparadas y una sugerida; cada circuito debería ser contiguo, compacto (1 para un círculo) y corto de atravesar.**
            La sugerencia es una regionalización max-p: tantos circuitos contiguos como sea posible, cada uno de al menos 100.000 habitantes ([groupings_compared.md](groupings_compared.md), [suggested_circuits.csv](suggested_circuits.csv)).

            | agrupación | circuitos | contiguos | habitantes, del menor al mayor | compacidad media |
            |---|---:|---:|---|---:|
            \(rows)

            """
        case .demoSuggestedGrouping: "sugerida (≥ 100.000 habitantes)"
        case .demoMaps:
            """
            ## 7. Mapas

            **Los circuitos coloreados por la parte de su demanda de queso que pueden abastecer, con las rutas dibujadas por toneladas al mes; las áreas de influencia coloreadas por demanda sobre capacidad.**
            Abra [map.html](map.html) en cualquier navegador para ver las parroquias, las rutas y los actores: se acerca con la rueda o con los botones + y −, se desplaza arrastrando, enciende y apaga capas, y un clic (o un toque en el teléfono) sobre un elemento abre sus propiedades.

            ![Cobertura de queso y rutas](coverage_map.png)

            ![Áreas de influencia del acopio de leche](catchments_map.png)


            """
        case .demoCommands(let study, let commands):
            "## Los comandos\n\n"
                + "Las entradas del estudio (parroquias con sus códigos y población, actores, las cuatro cadenas, los circuitos por municipio) se nombran una sola vez en [study.json](study.json), "
                + "con rutas relativas a él; los pasos de cobertura y distribución lo leen con `--study`, y una opción dada a su lado lo sustituye (`--chain` elige la cadena del queso para las rutas). "
                + "Repita cualquier análisis sobre el mismo estudio con `territorio coverage --study \(study) ...`.\n\n"
                + "```sh\n" + commands + "\n```\n"
        case .definitionsHeading: "Definiciones"
        case .term(let term):
            switch term {
            case .circuit: "circuito (Circuito Económico Comunal)"
            case .stage: "eslabón"
            case .criticalNode: "nudo crítico"
            case .needed: "necesario, balance, por añadir"
            case .selfSupply: "abastecimiento propio, autoabastecimiento"
            case .exportableSurplus: "excedente exportable"
            case .productShortage: "déficit de rubro"
            case .valueAdded: "valor agregado"
            case .intermediary: "intermediario"
            case .baseline: "situación de partida"
            case .tonneKm: "toneladas-km"
            }
        case .definition(let term):
            switch term {
            case .circuit:
                "Agrupación de territorios que organiza toda la cadena productiva de un rubro.\nSu demanda es su población por el consumo per cápita de la cadena."
            case .stage:
                "Un paso de la cadena: producción primaria, acopio, transformación, distribución, comercialización.\nCada eslabón cuenta su capacidad en su propia unidad (t/mes, l/mes)."
            case .criticalNode:
                "Eslabón que falta, o cuya capacidad limita la cadena, en un circuito.\nEl informe da la capacidad por añadir en él."
            case .needed:
                "Lo que la demanda propia del circuito requiere de un eslabón, en su unidad; balance = capacidad - necesario.\nPor añadir: la capacidad que le falta para esa demanda a un eslabón del que no se puede prescindir."
            case .selfSupply:
                "Lo que la cadena entrega a la población del propio circuito, limitado por su eslabón más débil (el nudo crítico).\nAutoabastecimiento = abastecimiento propio / demanda."
            case .exportableSurplus:
                "Lo que el primer eslabón produce más allá de la demanda del circuito, en producto final.\nPuede salir sin transformar, así que las plantas y comercios del circuito no lo limitan."
            case .productShortage:
                "La demanda más allá de lo que produce el primer eslabón del circuito.\nSolo el rubro de otros lugares puede cubrirla."
            case .valueAdded:
                "En cada eslabón, lo que pasa por él a su precio menos sus insumos al precio del eslabón anterior.\nLa parte de intermediarios es la que queda en manos de intermediarios de fuera del circuito."
            case .intermediary:
                "Actor de fuera del circuito que compra y revende entre dos eslabones.\nLas rutas optimizadas pasan por ellos tan poco rubro como las capacidades permiten."
            case .baseline:
                "El comercio tal como es: a quién vende cada actor, o si no, al actor más cercano del eslabón siguiente.\nLas rutas optimizadas se comparan con ella."
            case .tonneKm:
                "Toneladas transportadas por kilómetros en línea recta, sobre todas las rutas.\nCon carreteras, toneladas-minuto por ellas."
            }
        case .season(let word): word.spanish
        case .map(let word):
            switch word {
            case .noValue: "sin valor"
            case .other: "otros: {n} valores (ver las notas)"
            case .classes: "{method}, {n} clases"
            case .centredOnZero: ", centrada en 0"
            case .quantile: "cuantiles"
            case .jenks: "cortes naturales de Jenks"
            case .equalInterval: "intervalos iguales"
            case .manualBreaks: "cortes manuales"
            case .lineWidth: "{field} (grosor de la línea)"
            case .markerArea: "{field} (área del símbolo)"
            case .and: "y"
            case .legend: "Leyenda"
            case .searchByName: "Buscar por nombre"
            case .noMatch: "sin resultados"
            case .fitTo: "Ajustar a:"
            case .all: "todo"
            }
        case .mapSelfSufficiencyTitle(let product): "\(product): autoabastecimiento por circuito"
        case .mapSelfSufficiency(let product): "\(product): parte de la demanda de cada circuito que se abastece a sí mismo"
        case .mapRoutes(let product): "\(product): las rutas optimizadas, en toneladas al mes"
        case .mapTerritories: "territorios"
        case .mapRoutesLayer: "rutas"
        case .mapRouteField: "ruta"
        case .mapRouteThroughIntermediary: "con intermediario"
        case .mapRouteDirect: "sin intermediario"
        case .mapsHeading: "Mapas"
        case .figureMissing(let file): "(no se encontró la figura \(file) junto al informe)"
        case .htmlFooter: "Escrito por Territorio. Imprima o guarde como PDF desde el navegador."
        case .unnamedCircuits(let file, let count, let of, let column, let first):
            "\(file): \(count) de \(of) circuitos no tienen \(column); los informes los muestran por su código: \(first)"
        case .unnamedTerritories(let file, let count, let of, let field, let first):
            "\(file): \(count) de \(of) territorios no tienen \(field); los informes los muestran por su código: \(first)"
        case .tally(let subject, let input, let unit, let output, let rejected):
            "\(subject): \(input) \(unit) de entrada, \(output) de salida, \(rejected) rechazados"
        case .tallyUnaccounted(let count): "; \(count) sin explicar"
        case .tallyWord(let word):
            switch word {
            case "features": "entidades"
            case "territories": "territorios"
            case "sites": "actores productivos"
            case "unreadable rows": "filas ilegibles"
            case "in no circuit": "sin circuito"
            case "of no chain given": "de ninguna de las cadenas dadas"
            case "outside every territory": "fuera de todo territorio"
            case "in a territory of no circuit": "en un territorio sin circuito"
            case "not of this chain's products and stages": "que no son de los rubros y eslabones de esta cadena"
            case "beyond --max-snap of the roads": "más allá de --max-snap de las carreteras"
            case "on a road component with none of their buyers": "en un componente de carreteras sin ninguno de sus compradores"
            case "population missing, taken as 0": "sin población, tomada como 0"
            case "population missing, left out": "sin población, dejados fuera"
            case "points": "puntos"
            case "rows": "filas"
            case "roads": "carreteras"
            case "sources": "orígenes"
            case "units": "unidades"
            case "demand units": "unidades de demanda"
            case "facilities": "instalaciones"
            case "not selected by --where": "no seleccionados por --where"
            case "without a catchment": "sin área de influencia"
            case "in no circuit meeting the floor": "en ningún circuito que cumpla el mínimo"
            case "without geometry, not drawn": "sin geometría, no dibujados"
            case "territory not in the layer": "territorio que no está en la capa"
            case "without a line segment": "sin ningún segmento de línea"
            case "filtered out": "filtrados"
            case "invalid passed through": "inválidos escritos tal cual"
            case "a capacity missing, taken as 0": "sin capacidad, tomada como 0"
            case "a capacity missing, left out": "sin capacidad, dejados fuera"
            case "a weight missing, taken as 0": "sin peso, tomado como 0"
            case "a weight missing, left out": "sin peso, dejados fuera"
            case "values missing, taken as 0": "sin valores, tomados como 0"
            case "values missing, left out": "sin valores, dejados fuera"
            default: word
            }
        case .coverageTally(let file, let circuits, let surplus, let productShort, let stagesShort, let overlaps, let inNone):
            "\(file): \(circuits) circuitos; \(surplus) pares circuito-rubro con excedente por colocar, \(productShort) con déficit de rubro, \(stagesShort) eslabones con déficit de capacidad; \(overlaps) territorios en dos circuitos, \(inNone) en ninguno"
        case .circuitsInNoZoneWarning(let file, let count, let first): "\(file): \(count) circuitos sin zona: \(first)"
        case .distributionSummary(let product, let delivered, let demand, let unit, let share, let intermediated, let baseline, let tonneKm, let optimal, let rounds):
            "\(product): \(delivered) de \(demand) \(unit) entregados (\(share) %), \(intermediated) t a través de intermediarios (situación de partida \(baseline)), \(tonneKm) t-km; \(optimal ? "óptimo sobre todos los enlaces" : "NO certificado como óptimo") en \(rounds) rondas de precios"
        case .distributionNotOptimalWarning(let reason): "el flujo no está certificado como óptimo: \(reason ?? "causa desconocida")"
        case .distributionUnlabelled(let sites, let territories):
            "\(sites) actores y \(territories) territorios de los resultados no tienen identificador y se nombran con # y su posición en el archivo; dé --site-id-field e --id-field"
        case .distributionCutOff(let count, let of, let first):
            "\(count) de \(of) territorios están en un componente de carreteras sin ningún vendedor, así que su demanda no se cubre: \(first)"
        case .distributionBeyondSnap(let count, let of, let maxSnap, let first):
            "\(count) de \(of) territorios están más allá de --max-snap \(maxSnap) de las carreteras, así que su demanda no se cubre: \(first)"
        case .groupingsComparedTitle: "# Agrupaciones comparadas\n\n"
        case .groupingsComparedColumns:
            "| agrupación | circuitos | contiguos | compacidad media | variación de la población (desviación / media) | viaje medio en km |"
        case .groupingsSelfSufficientColumn(let product): " \(product): circuitos autoabastecidos (el menor autoabastecimiento) |"
        case .groupingsSelfSufficient(let count, let of, let lowest): "\(count) de \(of) (\(lowest))"
        case .groupingsChanged(let changed, let of): "\n\(changed) de \(of) territorios cambian de compañeros de circuito entre las agrupaciones.\n"
        case .workbench(let word):
            // The workbench page (territorio serve).
            switch word {
            case .title: "Banco de circuitos"
            case .circuits: "Circuitos"
            case .selectedCircuit: "Circuito seleccionado"
            case .newCircuit: "Circuito nuevo"
            case .newCircuitPrompt: "Código del circuito nuevo (luego haga clic en su primer territorio)"
            case .newCircuitHint: "Haga clic en el primer territorio del circuito nuevo"
            case .rename: "Renombrar"
            case .renamePrompt: "Nombre nuevo del circuito"
            case .merge: "Unir"
            case .mergePrompt: "Código del circuito que se une al seleccionado"
            case .delete: "Eliminar"
            case .deleteConfirm: "¿Eliminar el circuito? Sus territorios quedan sin circuito."
            case .undo: "Deshacer"
            case .redo: "Rehacer"
            case .suggest: "Partir de group suggest"
            case .saveCSV: "Guardar agrupación CSV"
            case .saveScenario: "Guardar escenario"
            case .scenarioPrompt: "Nombre del escenario (se guardan hasta 3)"
            case .compare: "Comparar escenarios"
            case .exportReport: "Exportar informe"
            case .computing: "calculando…"
            case .population: "Población"
            case .families: "Familias"
            case .contiguous: "Contiguo"
            case .cutOff: "partes separadas"
            case .compactness: "Compacidad"
            case .selfSupply: "Autoabastecimiento"
            case .exportableSurplus: "Excedente exportable"
            case .bottleneck: "Nudo crítico"
            case .toAdd: "Capacidad por añadir"
            case .intermediated: "Por intermediarios"
            case .delivered: "Entregado"
            case .changeFromStart: "Cambio desde el inicio"
            case .wholeGrouping: "Toda la agrupación"
            case .circuit: "Circuito"
            case .product: "Rubro"
            case .stage: "Eslabón"
            case .capacity: "Capacidad"
            case .unit: "Unidad"
            case .moveHint: "Haga clic en un territorio para pasarlo al circuito seleccionado; arrastre con mayúsculas un recuadro para mover varios."
            case .addFacility: "Añadir un actor"
            case .addFacilityHint: "Haga clic en el mapa donde está el actor"
            case .add: "Añadir"
            case .cancel: "Cancelar"
            case .deltas: "Cambios que produce el actor"
            case .scenarios: "Escenarios"
            case .start: "Inicio"
            case .current: "Actual"
            case .noCircuit: "sin circuito"
            case .territoriesMoved: "Territorios movidos"
            case .contiguousShare: "Circuitos contiguos"
            case .meanCompactness: "Compacidad media"
            case .populationVariation: "Variación de la población (de / media)"
            case .close: "Cerrar"
            case .none: "ninguno"
            }

        case .errorLabel: "error"
        case .warningLabel: "aviso"
        case .noteLabel: "nota"
        case .linesNotShown(let hidden, let limit):
            hidden == 1
                ? "1 línea más sobre entidades sueltas no se muestra (las primeras \(limit) están arriba; --verbose las muestra todas)"
                : "\(hidden) líneas más sobre entidades sueltas no se muestran (las primeras \(limit) están arriba; --verbose las muestra todas)"
        case .location(let file, let line, let column, let feature, let id):
            file + (line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? "")
                + (feature.map { ": " + spanish(.feature(index: $0, id: id)) } ?? "")
        case .feature(let index, let id): "entidad \(index)" + (id.map { " (id \($0))" } ?? "")
        case .readProblem(let reason): spanish(reason)
        case .crsProblem(let error):
            switch error {
            case .unknownCRS(let definition, let message): "PROJ no conoce el SRC '\(definition)': \(message)"
            case .noTransformation(let from, let to, let message): "PROJ no encontró ninguna transformación de \(from) a \(to): \(message)"
            case .pointFailed(_, let position, let message): "el punto (\(position.x), \(position.y)) no se puede transformar: \(message)"
            }
        case .noField(let flag, let name, let file, let present, let suggestion):
            "\(flag): no hay ningún campo '\(name)' en \(file); campos: "
                + (present.isEmpty ? "ninguno" : present.prefix(30).joined(separator: ", ") + (present.count > 30 ? ", ... (\(present.count) en total)" : ""))
                + (suggestion.map { "; ¿quiso decir '\($0)'?" } ?? "")
        case .usage(let problem):
            switch problem {
            case .giveFileOrStudyKey(let flag, let key, let study):
                study.map { "dé \(flag) ARCHIVO, o \"\(key)\" en \($0)" } ?? "dé \(flag) ARCHIVO, o --study ARCHIVO que nombre \"\(key)\""
            case .studyNamesSeveralChains(let study, let chains, let command):
                "\(study) nombra \(chains.count) cadenas (\(chains.joined(separator: ", "))); \(command) toma una: dé --chain ARCHIVO"
            case .reportIsMarkdown(let report):
                "--report \(report): este comando escribe su informe en Markdown; nómbrelo .md (coverage y distribute escriben HTML)"
            case .nameAChain: "nombre al menos una --chain (o \"chains\" en el archivo de --study)"
            case .needs(let flag, let other): "\(flag) necesita \(other)"
            case .atLeast(let flag, let minimum, let given): "\(flag) debe ser \(minimum) o más" + (given.map { ", no \($0)" } ?? "")
            case .mapFormat(let output): "-o \(output): el formato sigue la extensión: .png, .svg, .pdf o .html"
            }
        case .rowsSetAside(let file, let count, let rejects): "\(file): \(count) fila(s) apartadas en \(rejects)"
        case .farOutside(let file, let count, let of, let reference, let first):
            "\(file): \(count) de \(of) entidades quedan muy lejos de \(reference) (\(first)): ¿latitud y longitud invertidas, u otro SRC? Indíquelo con --s-crs"
        case .wrote(let file): "escrito \(file)"
        case .noProblems(let file): "\(file): sin problemas"
        case .repaired(let file, let count): "\(file): \(count) reparadas"
        case .problemsFound(let file, let count): "\(file): \(count) problema(s)"
        case .layersDrawn(let output, let layers, let features): "\(output): \(layers) capa(s), \(features) entidades dibujadas"
        case .islands(let count, let of):
            "\(count) de \(of) territorios no tocan a ningún otro: islas, o límites con pequeñas brechas entre vecinos; para las brechas, --snap 50m cuenta como vecinas las unidades a menos de 50 m"
        case .unreachableTerritories(let count, let of, let maxSnap):
            "\(count) de \(of) territorios están más allá de --max-snap \(maxSnap) de las carreteras: se escriben como no cubiertos"
        case .groupsWritten(let file, let groups, let coverageUnion, let unaryUnion):
            "\(file): \(groups) grupos escritos (\(coverageUnion) por unión de cobertura, \(unaryUnion) por unión unaria)"
        case .joinSummary(let file, let inside, let snapped, let outside):
            "\(file): \(inside) dentro de un territorio, \(snapped) ajustados al más cercano, \(outside) fuera (escritos sin código)"
        case .pointOutside(let place, let at): "\(place): fuera de todo territorio" + (at.map { " en \($0)" } ?? "")
        case .pointSnapped(let place, let code, let metres): "\(place): asignado a \(code), a \(metres) m"
        case .pointUnreachable(let place, let metres):
            "\(place): inalcanzable, " + (metres.map { "a \($0) m de la red" } ?? "no hay ninguna carretera en la red")
        case .notWGS84(let crs): "la salida está en \(crs), no en WGS 84: lleva un miembro crs y no es GeoJSON RFC 7946"

        case .suggestUnassigned(let count, let first): "\(count) territorios no pudieron unirse a ningún circuito que cumpla el mínimo: \(first)"
        case .suggestCircuits(let file, let circuits, let objective): "\(file): \(circuits) circuitos (objetivo \(objective))"
        case .suggestJoinedIslands(let file, let count, let list):
            "\(file): \(count) territorios no tocan a ningún otro y se unieron al más cercano (--islands join-nearest): \(list)"
        case .suggestJoinedTo(let territory, let nearest): "\(territory) (unido a \(nearest))"
        case .suggestTitle: "# Circuitos sugeridos\n\n"
        case .suggestColumns(let roads, let products):
            "| circuito | unidades | contiguo | partes | compacidad | población | área km² | viaje medio km |"
                + (roads ? " viaje medio min |" : "") + products.map { " \($0): autoabastecimiento |" }.joined()
        case .suggestSummary(let circuits, let contiguous, let compactness, let variation):
            "\(circuits) circuitos; \(contiguous) % contiguos; compacidad media \(compactness); variación de la población (desviación / media) \(variation)"
        case .suggestJoinedIslandsParagraph(let count, let list):
            "\(count) territorios no tocan a ningún otro y se unieron al territorio más cercano, cuyo circuito cuenta como contiguo a ellos: \(list)."
        case .yes: "sí"
        case .no: "no"

        case .demoStep(let step):
            switch step {
            case .validate: "validar las parroquias"
            case .hierarchy: "comprobar la jerarquía estado > municipio > parroquia"
            case .locate: "ubicar a cada actor en su parroquia"
            case .catchments: "trazar las áreas de influencia del acopio de leche"
            case .coverage: "medir cuánto cubre cada circuito a su gente"
            case .distribute: "encaminar el queso con las menos toneladas a través de intermediarios"
            case .compare: "comparar dos agrupaciones de las parroquias en circuitos"
            case .suggest: "sugerir circuitos de al menos 100.000 habitantes"
            case .coverageMap: "mapa de la cobertura de queso de los circuitos y de las rutas"
            case .catchmentsMap: "mapa de las áreas de influencia del acopio de leche"
            case .webMap: "un mapa interactivo de las parroquias, las rutas y los actores"
            }
        case .demoMapTitle(let map):
            switch map {
            case .coverage: "Queso: cuánto se abastece cada circuito a sí mismo, y las rutas"
            case .catchments: "Áreas de influencia del acopio de leche: demanda sobre capacidad"
            case .web: "El territorio de ejemplo: actores por eslabón y rutas del queso"
            }
        case .demoNoData(let folder): "\(folder): aquí no hay parishes.geojson; ejecute desde la carpeta principal del repositorio o dé --data"
        case .demoStepFailed(let step, let command, let error): "el paso de la demostración \"\(step)\" falló (\(command)): \(error)"
        case .demoFigureNotThere(let page, let file, let folder): "\(page): \(file) no está en \(folder); la página lo dice donde va la figura"
        }
    }
}

extension Catalogue {
    /// The common read errors (`ReadError.Reason`) in Spanish.
    static func spanish(_ reason: ReadError.Reason) -> String {
        func axis(_ role: String) -> String {
            switch role {
            case "longitude": "la longitud"
            case "latitude": "la latitud"
            default: role
            }
        }
        return switch reason {
        case .cannotOpen(let number, let system):
            switch number {
            case ENOENT: "no existe el archivo"
            case EACCES: "no se puede abrir: permiso denegado"
            default: "no se puede abrir: \(system)"
            }
        case .noSuchFile: "no existe el archivo"
        case .noSuchFileInArchive: "no existe el archivo (dentro del archivo comprimido, según lo ve GDAL)"
        case .isFolder: "es una carpeta, no un archivo"
        case .emptyGeoJSON: "el archivo está vacío; se esperaba un objeto GeoJSON"
        case .emptyCSV: "el archivo está vacío; se esperaba una línea de encabezado"
        case .invalidUTF8(let column, let header):
            "UTF-8 no válido\(column.map { " en la columna '\($0)'" } ?? (header ? " en el encabezado" : "")); guarde el archivo como UTF-8 o indique su codificación, p. ej. --encoding latin1"
        case .rowFieldCount(let fields, let header): "la fila tiene \(fields) campos, pero el encabezado tiene \(header)"
        case .noColumn(let given, let role, let columns):
            "no hay ninguna columna '\(given)' para \(axis(role)); las columnas son \(columns.joined(separator: ", "))"
        case .noCoordinateColumn(let role, let names, let flag):
            "no hay columna para \(axis(role)) (se buscó \(names.joined(separator: ", "))); nómbrela con \(flag)"
        case .notLongitudeLatitude(let x, let y):
            if let x, let y {
                "el punto (\(x), \(y)) no es una longitud, latitud en grados; si el archivo está proyectado, indique su SRC con --s-crs o corrija la coordenada"
            } else {
                "las coordenadas no son longitud, latitud en grados"
            }
        case .projectedWithoutCRS(let outside, let of, let example, let id, let x, let y, let file):
            "\(outside) de \(of) entidades tienen coordenadas que no pueden ser longitud/latitud (entidad \(example)\(id.map { " (id \($0))" } ?? "") en x=\(x), y=\(y)), y el archivo no declara otro SRC; indique el SRC en que están con --s-crs, p. ej. --s-crs EPSG:32619 para UTM zona 19N (para una capa que no es la entrada principal del comando, conviértala antes: territorio convert \(file) --s-crs EPSG:32619 -o SALIDA.geojson)"
        case .pointNotTransformed(let x, let y, let from, let to, let proj):
            "el punto (\(x), \(y)) no se puede transformar de \(from) a \(to): \(proj)"
        case .noLayerNamed(let name, let layers): "no hay ninguna capa llamada '\(name)'; sus capas: \(layers.joined(separator: ", "))"
        case .noVectorLayer: "no contiene ninguna capa vectorial"
        case .severalLayers(let count, let shown, let example): "contiene \(count) capas (\(shown)): nombre una como \(example)"
        case .noGeometry: "los territorios no tienen geometría"
        case .territoryNotInTerritories(let code): "el territorio \(code) no está entre los territorios"
        case .needsGrouping(let analysis): "\(analysis) necesita una agrupación de los territorios en circuitos"
        case .needsSites(let analysis): "\(analysis) necesita los actores productivos"
        case .emptyStudy: "el archivo está vacío; se esperaba un estudio (un objeto JSON que nombra territorios, actores, cadenas, ...)"
        }
    }
}

// Estaciones y seguimiento (Territory/Seasons, Territory/Monitoring).
extension SeasonWord {
    var spanish: String {
        switch self {
        case .month(let number):
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"][number - 1]
        case .title: "# Cobertura a lo largo del año\n\n"
        case .sites(let withProfile, let flat, let storing):
            "\(withProfile) sitios con perfil estacional, \(flat) planos (la misma capacidad cada mes), \(storing) con almacenamiento.\n\n"
        case .idle(let months): "Sitios inactivos (participación 0) y dejados fuera, por mes: \(months).\n\n"
        case .noWrap: "Los almacenes empiezan vacíos en enero; lo que queda en diciembre no pasa a enero.\n\n"
        case .worstHeading: "## El peor mes por circuito y producto\n\n"
        case .worstIntro:
            "El mes en que cada circuito alimenta la menor parte de su propia demanda, contando sus almacenes: el mes en que aprieta su cuello de botella.\n\n"
        case .worstHeader:
            "| circuito | producto | peor mes | autosuficiencia | sin cubrir | cuello de botella | aportado por almacenes |\n|---|---|---|---:|---:|---|---:|\n"
        case .noDemand: "sin demanda"
        case .selfSufficiencyHeading(let product): "## \(product): autosuficiencia por mes (%, con almacenes)\n\n"
        case .surplusHeading(let product, let unit): "## \(product): excedente exportable por mes (\(unit))\n\n"
        case .carriedHeading(let product, let unit): "## \(product): existencias que pasan al mes siguiente (\(unit))\n\n"
        case .sparklineCaption(let product): "\(product): autosuficiencia de cada circuito, de enero a diciembre"
        case .tally(let file, let withProfile, let flat, let storing):
            "\(file): \(withProfile) sitios con perfil estacional, \(flat) planos (la misma capacidad cada mes), \(storing) con almacenamiento"
        case .monthTally(let month, let idle): "\(month): \(idle) sitios inactivos (participación 0), dejados fuera"
        case .monitorTitle: "# Los circuitos en el tiempo\n\n"
        case .monitorSnapshots(let count, let first, let last): "\(count) cortes de los sitios, de \(first) a \(last).\n\n"
        case .monitorSeriesHeading(let product): "## \(product) en el tiempo\n\n"
        case .monitorSeriesHeader:
            "| circuito | fecha | actores | capacidad (producto final) | autoabastecimiento | excedente exportable | intermediado | personas alimentadas | tendencia |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n"
        case .monitorActorsHeading: "## Actores por eslabón\n\n"
        case .monitorActorsHeader: "| circuito | fecha | eslabón | actores |\n|---|---|---|---:|\n"
        case .monitorNewActors(let date, let ids): "- \(date): actores nuevos: \(ids)\n"
        case .monitorVanishedActors(let date, let ids): "- \(date): actores desaparecidos: \(ids)\n"
        case .monitorNoChange(let date): "- \(date): ningún actor nuevo ni desaparecido\n"
        case .monitorProgressHeading: "## Avance de los territorios\n\n"
        case .monitorProgressHeader: "| fecha | categoría | territorios |\n|---|---|---:|\n"
        case .monitorTally(let snapshots, let circuits, let new, let vanished):
            "\(snapshots) cortes, \(circuits) circuitos; \(new) actores nuevos y \(vanished) desaparecidos en el periodo"
        }
    }
}
