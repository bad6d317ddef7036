import PigmentCore
import XCTest

/// Maps show what the numbers say: the change map is neutral where nothing
/// changed and coloured where spots faded or appeared; both melanin maps share
/// one scale; outlines trace the spots' extents.
final class PicturesTests: XCTestCase {
    func pictures(seed: UInt64, treatment: Treatment, after nuisance: Nuisance = .none) throws -> (PhantomGenerator, PairPictures) {
        let generator = PhantomGenerator(spec: PhantomSpec(seed: seed, treatment: treatment, after: nuisance))
        let analyzer = try Analyzer()
        let before = generator.render(.before), after = generator.render(.after)
        let pictures = PairPictures(before: before, after: after,
                                    beforeAnalysis: try analyzer.analyze(before, roi: generator.mask),
                                    afterAnalysis: try analyzer.analyze(after, roi: generator.mask),
                                    roi: generator.mask, settings: .standard)
        return (generator, pictures)
    }

    func testChangeMapIsNeutralWhereNothingChangedAndBlueWhereSpotsFaded() throws {
        // Exposure and white balance differ: a plain melanin difference would be off-white everywhere.
        let (generator, p) = try pictures(seed: 171, treatment: .fade,
                                          after: Nuisance(exposure: 0.85, whiteBalance: RGB(1.1, 1, 0.88)))
        let before = generator.melanin(at: .before), after = generator.melanin(at: .after)
        var unchanged = 0, neutral = 0, faded = 0, blue = 0
        for y in 0..<generator.spec.height {
            for x in 0..<generator.spec.width where generator.mask[x, y] {
                let delta = after[x, y] - before[x, y]
                let (r, g, b) = p.change[x, y]
                if abs(delta) < 0.002 {
                    unchanged += 1
                    if min(r, g, b) >= 200 { neutral += 1 }
                } else if delta < -0.1 {
                    faded += 1
                    if Int(b) > Int(r) + 40 { blue += 1 }
                }
            }
        }
        XCTAssertGreaterThan(Double(neutral) / Double(unchanged), 0.95, "near-white where truth is unchanged")
        XCTAssertGreaterThan(faded, 100)
        XCTAssertGreaterThan(Double(blue) / Double(faded), 0.9, "blue where spots faded")
    }

    func testMelaninMapsShareOneScale() throws {
        // Nothing changes: the same skin must get the same colour in both maps.
        let (_, p) = try pictures(seed: 172, treatment: .none)
        var differing = 0
        for i in 0..<(p.melaninBefore.width * p.melaninBefore.height) {
            let d = (0..<3).map { abs(Int(p.melaninBefore.samples[3 * i + $0]) - Int(p.melaninAfter.samples[3 * i + $0])) }.max()!
            if d > 40 { differing += 1 }
        }
        XCTAssertLessThan(Double(differing) / Double(p.melaninBefore.width * p.melaninBefore.height), 0.01)
    }

    func testOutlinesTraceTheDarkerSpots() throws {
        let (generator, p) = try pictures(seed: 173, treatment: .none)
        let cyan = (UInt8(0), UInt8(255), UInt8(255))
        for lesion in generator.lesions(at: .before) where lesion.amplitude >= 0.2 {
            // Some outline pixel lies within a few pixels of the half-maximum boundary.
            var found = false
            let b = lesion.bounds(width: generator.spec.width, height: generator.spec.height)
            for y in b.y { for x in b.x where p.outlineBefore[x, y] == cyan && abs(lesion.rho(x: Double(x), y: Double(y)) - 1) < 0.3 { found = true } }
            XCTAssertTrue(found, "lesion at \(Int(lesion.x)),\(Int(lesion.y))")
        }
    }

    func testMapsAreDeterministic() throws {
        let (_, a) = try pictures(seed: 174, treatment: .mixed)
        let (_, b) = try pictures(seed: 174, treatment: .mixed)
        XCTAssertEqual(a.change, b.change)
        XCTAssertEqual(a.melaninBefore, b.melaninBefore)
        XCTAssertEqual(a.outlineAfter, b.outlineAfter)
    }
}
