// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Territorio",
    products: [
        .library(name: "Geo", targets: ["Geo"]),
        .library(name: "GeoFormats", targets: ["GeoFormats"]),
        .library(name: "Territory", targets: ["Territory"]),
        .library(name: "Maps", targets: ["Maps"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "TerritorioCLI", targets: ["TerritorioCLI"]),
        .executable(name: "territorio", targets: ["territorio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"])]
        ),
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        .systemLibrary(
            name: "CGDAL",
            pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"])]
        ),
        // SQLite, for a web map's basemap from a local MBTiles file
        // (libsqlite3-dev, which libgdal-dev depends on).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .target(
            name: "Geo",
            dependencies: ["CGEOS", "CPROJ"]
        ),
        // Every other vector format, through GDAL; Geo itself never links it.
        .target(
            name: "GeoFormats",
            dependencies: ["Geo", "CGDAL"]
        ),
        .target(
            name: "Territory",
            dependencies: ["Geo"]
        ),
        // Maps drawn with Cairo (PNG, SVG, PDF) and an interactive HTML page.
        .target(
            name: "Maps",
            dependencies: ["Geo", "CCairo", "CSQLite"]
        ),
        // The HTML report (coverage, distribute, demo): the report's tables,
        // its maps drawn by Maps, the glossary's definitions, in one page.
        .target(
            name: "Reports",
            dependencies: ["Territory", "Maps", "Geo"]
        ),
        // The circuit workbench (`territorio serve`): a study kept in memory, a
        // grouping edited over HTTP, the page that edits it; analyses stay in Territory.
        .target(
            name: "Workbench",
            dependencies: [
                "Territory",
                "Reports",
                "Maps",
                "Geo",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .target(
            name: "TerritorioCLI",
            dependencies: [
                "Territory",
                "Reports",
                "Workbench",
                "Geo",
                "GeoFormats",
                "Maps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildVersion"]
        ),
        // `territorio --version`: the commit the build came from, by git describe.
        .plugin(name: "BuildVersion", capability: .buildTool(), path: "Plugins/BuildVersion"),
        .executableTarget(
            name: "territorio",
            dependencies: ["TerritorioCLI"]
        ),
        .executableTarget(
            name: "territorio-bench",
            dependencies: ["Geo", "Territory", "FlowOracles"],
            path: "bench/Sources/territorio-bench"
        ),
        // Apart, so that GDAL does not weigh on every other task's memory.
        .executableTarget(
            name: "territorio-bench-formats",
            dependencies: ["Geo", "GeoFormats"],
            path: "bench/Sources/territorio-bench-formats"
        ),
        .executableTarget(
            name: "sample-territory",
            dependencies: ["Geo", "Territory"],
            path: "tools/sample-territory"
        ),
        // Fuzzing (Fuzz/, scripts/fuzz): what each fuzzer does with an input, and one
        // executable per fuzzer. scripts/fuzz builds them with -DFUZZING, coverage and
        // AddressSanitizer, and they hand over to libFuzzer; an ordinary build makes
        // them replay files through the same harness.
        .target(name: "CFuzzer", path: "Fuzz/CFuzzer"),
        .target(name: "FuzzHarness", dependencies: ["Geo", "Territory", "CFuzzer"], path: "Fuzz/Harness"),
        .executableTarget(name: "fuzz-geojson", dependencies: ["FuzzHarness"], path: "Fuzz/Targets/fuzz-geojson"),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzHarness"], path: "Fuzz/Targets/fuzz-csv"),
        .executableTarget(name: "fuzz-where", dependencies: ["FuzzHarness"], path: "Fuzz/Targets/fuzz-where"),
        .executableTarget(name: "fuzz-specs", dependencies: ["FuzzHarness"], path: "Fuzz/Targets/fuzz-specs"),
        .testTarget(name: "GeoTests", dependencies: ["Geo"]),
        .testTarget(name: "GeoFormatsTests", dependencies: ["GeoFormats", "Geo", "Territory"]),
        // The network simplex: an independent min-cost flow solver that the
        // tests and the bench check the production solvers against.
        .target(name: "FlowOracles", dependencies: ["Territory"], path: "Tests/Oracles/FlowOracles"),
        // The tests' Python (.venv-tests/, scripts/test-venv): HiGHS oracles, Selenium.
        .target(name: "TestSupport", path: "Tests/Support"),
        .testTarget(name: "TerritoryTests", dependencies: ["Territory", "Geo", "FlowOracles", "TestSupport"]),
        .testTarget(name: "MapsTests", dependencies: ["Maps", "Geo", "CCairo"]),
        // Runs a command and writes its peak memory: the adversarial tests measure territorio through it.
        .executableTarget(name: "peak-memory", path: "Tests/PeakMemory"),
        .testTarget(name: "TerritorioCLITests", dependencies: ["TerritorioCLI", "Geo", "GeoFormats", "Reports", "Territory", "TestSupport"]),
        .testTarget(
            name: "WorkbenchTests",
            dependencies: [
                "Workbench", "TerritorioCLI", "Territory", "Geo", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
