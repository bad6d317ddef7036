import PigmentCore
import XCTest

/// Photographic nuisances must not read as pigment: each moves pigmented area by
/// less than 0.5 percentage points and contrast by less than 5 % (the photo
/// without and with the nuisance measured as a pair, as `pigment compare` does).
final class InvarianceTests: XCTestCase {
    let analyzer = try! Analyzer()
    let seeds: [UInt64] = [121, 122, 123]

    func assertInvariant(under nuisance: Nuisance, file: StaticString = #filePath, line: UInt = #line) throws {
        for seed in seeds {
            let generator = PhantomGenerator(spec: PhantomSpec(seed: seed))
            let pair = try analyzer.analyze(before: generator.render(.before, nuisance: .none),
                                            after: generator.render(.before, nuisance: nuisance), roi: generator.mask)
            let reference = pair.before.measurement, disturbed = pair.after.measurement
            XCTAssertEqual(disturbed.pigmentedAreaPercent, reference.pigmentedAreaPercent, accuracy: 0.5,
                           "area, seed \(seed)", file: file, line: line)
            XCTAssertEqual(disturbed.contrast / reference.contrast, 1, accuracy: 0.05, "contrast, seed \(seed)", file: file, line: line)
        }
    }

    func testExposureChange() throws { try assertInvariant(under: Nuisance(exposure: 0.8)) }
    func testWhiteBalanceShift() throws { try assertInvariant(under: Nuisance(whiteBalance: RGB(1.12, 1, 0.82))) }
    func testLightingGradient() throws { try assertInvariant(under: Nuisance(gradient: 0.6, gradientAngle: 0.7)) }
    func testVignette() throws { try assertInvariant(under: Nuisance(vignette: 0.4)) }
    func testPostTreatmentRedness() throws { try assertInvariant(under: Nuisance(redness: 0.35)) }
}
