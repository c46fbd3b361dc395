import ArgumentParser
import Geo
import Territory

/// `--study FILE`: a study file (`StudyFile`) giving the inputs a flag
/// does not. Each command applies it in its `validate()`, option group by
/// option group (`apply`), before anything reads the options: a flag given
/// keeps its value, an absent one takes the study's, and an input neither
/// gives is a usage error naming both.
struct StudyOption: ParsableArguments {
    @Option(help: ArgumentHelp("Study file (JSON) naming the territories, sites, chains, grouping, zones and roads, with their field names and options; paths in it are relative to it. Flags given override it.", valueName: "file"))
    var study: String?

    /// The study, read and checked (every file it names exists); nil
    /// without --study. A bad study is a usage error naming the file.
    func load() throws -> StudyFile? {
        guard let study else { return nil }
        do {
            return try StudyFile.read(path: study)
        } catch {
            throw ValidationError(Diagnostics.describe(error))
        }
    }

    /// The study file and every file it names, for `CommandFiles`: no
    /// output may overwrite them, used by this command or not. Read again
    /// here; `validate()` has already checked it.
    var files: [String] {
        guard let study else { return [] }
        return [study] + ((try? StudyFile.read(path: study))?.files ?? [])
    }

    /// The value of an input the command needs: the flag's, else the
    /// study's, else a usage error saying how to give it.
    static func required<T>(_ given: T?, _ fromStudy: T?, flag: String, key: String, study: StudyFile?) throws -> T {
        if let value = given ?? fromStudy { return value }
        throw ValidationError(Diagnostics.text(.usage(.giveFileOrStudyKey(flag: flag, key: key, study: study?.path))))
    }

    /// An input `validate()` has made sure of (`required`).
    static func resolved<T>(_ value: T?, flag: String) -> T {
        guard let value else { preconditionFailure("\(flag) is read before validate() applied the study") }
        return value
    }
}

extension TerritoryOptions {
    /// --territories and its field flags from the study when absent.
    mutating func apply(_ study: StudyFile?) throws {
        let given = study?.territories
        givenTerritories = try StudyOption.required(givenTerritories, given?.file, flag: "--territories", key: "territories", study: study)
        idField = idField ?? given?.idField
        nameField = nameField ?? given?.nameField
        population.givenField = population.givenField ?? given?.populationField
        population.givenMissing = population.givenMissing ?? given?.missingPopulation
    }
}

extension SiteFieldOptions {
    /// The sites' field names from the study when their flag is absent.
    mutating func apply(_ study: StudyFile?) {
        guard let sites = study?.sites else { return }
        product = product ?? sites.productField
        stage = stage ?? sites.stageField
        capacity = capacity ?? sites.capacityField
        unit = unit ?? sites.unitField
        owner = owner ?? sites.ownerField
    }
}

extension RoadGraphOptions {
    mutating func apply(_ study: StudyFile?) {
        guard let roads = study?.roads else { return }
        speeds = speeds ?? roads.speeds
        givenRoadTypeField = givenRoadTypeField ?? roads.roadTypeField
        givenNodeCrossings = givenNodeCrossings ?? roads.nodeCrossings
    }
}

extension RoadAccessOptions {
    mutating func apply(_ study: StudyFile?) {
        guard let roads = study?.roads else { return }
        givenMaxSnap = givenMaxSnap ?? roads.maxSnap
        givenOffRoadSpeed = givenOffRoadSpeed ?? roads.offRoadSpeed
    }
}
