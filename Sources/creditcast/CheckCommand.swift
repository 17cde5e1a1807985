import ArgumentParser
import UsageImport

/// `creditcast check FILE`: what was read from a usage file and what is wrong with it.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read a usage file and report what was read and every problem, by line."
    )

    @Argument(help: "The usage export (CSV) to check.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup(title: "Reading the usage file") var reading: ImportOptions

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        let check = UsageImporter.check(fileAt: file, options: reading.importOptions)
        print(format == .json ? check.jsonText() : check.text(describing: FlagWording.message), terminator: "")
        if !check.errors.isEmpty { throw ExitCode(CommandFailure.badInput) }
    }
}
