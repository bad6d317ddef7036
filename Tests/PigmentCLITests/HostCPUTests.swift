import CHostCPU
import XCTest

/// The start-up check of a build for the host's CPU (`scripts/build`).
final class HostCPUTests: XCTestCase {
    /// A build lacks nothing on the CPU it was built on (a portable build
    /// relies on no extension at all), so it starts.
    func testTheBuildUnderTestFindsEveryExtensionItUses() {
        XCTAssertNil(chostcpu_missing_features().map { String(cString: $0) })
    }

    func testTheBuiltBinaryStartsOnThisCPU() throws {
        let result = try CLIRunner.run(["--version"])
        XCTAssertEqual(result.status, 0, result.stderr)
    }
}
