import ArgumentParser

/// The argument parser takes `-5` after `--top` for an option of its own
/// and says "Missing value for '--top'". A value that reads as a negative
/// number is attached to its option instead (`--top=-5`), so the command
/// itself checks it and says what is wrong with it.
enum NegativeValues {
    /// The arguments with every `--option -N` written `--option=-N`;
    /// unchanged past a `--` terminator.
    static func attached(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { return result + arguments[index...] }
            if argument.hasPrefix("--"), !argument.contains("="), index + 1 < arguments.count,
               looksNegative(arguments[index + 1]) {
                result.append(argument + "=" + arguments[index + 1])
                index += 2
                continue
            }
            result.append(argument)
            index += 1
        }
        return result
    }

    /// `-5`, `-0.5`, `-.5`, `-5km`, `-68.2,10.2,...`: a minus then a digit.
    static func looksNegative(_ text: String) -> Bool {
        var rest = text.dropFirst()
        guard text.first == "-" else { return false }
        if rest.first == "." { rest = rest.dropFirst() }
        return rest.first?.isNumber ?? false
    }
}
