import Foundation
import TerritorioCLI

Territorio.removeTemporariesOnInterrupt()
exit(Territorio.run(arguments: Array(CommandLine.arguments.dropFirst())))
