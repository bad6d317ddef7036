import ArgumentParser
import CHostCPU
import Foundation

@main
struct Pigment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pigment",
        abstract: "Measure skin pigmentation in before/after photos.",
        discussion: """
            pigment separates melanin-like tone from redness and lighting, finds darker and \
            lighter spots against the surrounding skin, and reports how their area (extent) \
            and contrast (darkness) changed. Exit codes: 0 ok, 1 regression (check), 2 usage error, 3 unreadable or \
            invalid image, 4 inputs that do not fit together, 5 output not written, 6 built for a newer CPU than this one.
            """,
        version: "0.1.0",
        subcommands: [Compare.self, Batch.self, Merge.self, Check.self, Phantom.self]
    )

    /// Runs the command; errors become one line on stderr and a documented exit code.
    static func main() {
        if let missing = chostcpu_missing_features() {
            fail(CommandFailure(.unsupportedCPU, "this build is for CPUs with \(String(cString: missing)), which this one lacks; "
                                + "build it for this machine (scripts/build) or for any x86-64 (scripts/build --portable)"))
        }
        AllocatorTuning.keepFreedPlanes()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            fail(failure)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            // Usage errors: one line, with a pointer to the help.
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
            fail(CommandFailure(.usage, "\(message) (see 'pigment --help')"))
        }
    }

    static func fail(_ failure: CommandFailure) -> Never {
        FileHandle.standardError.write(Data("pigment: \(failure.message)\n".utf8))
        Foundation.exit(failure.status.rawValue)
    }
}
