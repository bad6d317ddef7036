import Foundation
import PigmentCore
import PigmentIO
import XCTest

/// A photo whose skin is overexposed earns a warning naming it; its clipped
/// pixels are found in its own frame and carried into the before frame.
final class ClippingWarningTests: XCTestCase {
    func warnings(afterExposure exposure: Double) throws -> [String] {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Seed 512 (never used for tuning), the after photo moved so that it is resampled.
        let spec = PhantomSpec(seed: 512, after: Nuisance(exposure: exposure),
                               afterMotion: CameraMotion(dx: 9, dy: -6, rotationDegrees: 2))
        let files = try PhantomFiles.write(PhantomGenerator(spec: spec), to: folder.path, before: .init(format: .png),
                                           after: .init(format: .png))
        return try PairComparison().compare(before: files[0], after: files[1], mask: files[2]).warnings
    }

    func testAnOverexposedAfterPhotoEarnsAWarningNamingIt() throws {
        let found = try warnings(afterExposure: 3)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found[0].contains("after.png: "), found[0])
        XCTAssertTrue(found[0].contains("of the skin is clipped"), found[0])
    }

    func testAWellExposedPairEarnsNone() throws {
        XCTAssertEqual(try warnings(afterExposure: 1), [])
    }
}
