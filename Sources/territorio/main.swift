import Foundation
import TerritorioCLI

exit(Territorio.run(arguments: Array(CommandLine.arguments.dropFirst())))
