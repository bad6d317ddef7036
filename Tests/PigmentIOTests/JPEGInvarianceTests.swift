import Foundation
import PigmentCore
import PigmentIO
import XCTest

/// Saving a photo again as JPEG at quality 85 must not read as pigment change:
/// pigmented area moves by less than 0.5 pp and contrast by less than 5 %.
final class JPEGInvarianceTests: XCTestCase {
    func testRecompressionAtQuality85() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let analyzer = try Analyzer()
        for seed in UInt64(141)...143 {
            let generator = PhantomGenerator(spec: PhantomSpec(seed: seed, width: 1024, height: 768))
            let original = folder.appendingPathComponent("original-\(seed).jpg").path
            let again = folder.appendingPathComponent("again-\(seed).jpg").path
            try ImageEncoder.writeJPEG(generator.render(.before), to: original, options: .init(quality: 92))
            let decoded = try ImageDecoder().decode(original)
            try ImageEncoder.writeJPEG(decoded, to: again, options: .init(quality: 85))
            let reference = try analyzer.analyze(decoded, roi: generator.mask).measurement
            let recompressed = try analyzer.analyze(try ImageDecoder().decode(again), roi: generator.mask).measurement
            XCTAssertEqual(recompressed.pigmentedAreaPercent, reference.pigmentedAreaPercent, accuracy: 0.5, "area, seed \(seed)")
            XCTAssertEqual(recompressed.contrast / reference.contrast, 1, accuracy: 0.05, "contrast, seed \(seed)")
        }
    }
}
