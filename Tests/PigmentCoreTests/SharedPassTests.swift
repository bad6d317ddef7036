import PigmentCore
import XCTest

/// The maps and the alignment pyramid made from one pass of logarithms are
/// those made apart.
final class SharedPassTests: XCTestCase {
    func testMapsAndPyramidFromOnePassEqualThoseMadeApart() throws {
        let image = PhantomGenerator(spec: PhantomSpec(seed: 155)).render(.before)
        let analyzer = try Analyzer()
        let registration = try XCTUnwrap(Registration())
        let shared = analyzer.maps(of: image, pyramidFor: registration)
        XCTAssertEqual(shared.maps, analyzer.maps(of: image))
        XCTAssertEqual(shared.pyramid, registration.pyramid(of: image))
        XCTAssertNil(analyzer.maps(of: image, pyramidFor: nil).pyramid)
    }
}
