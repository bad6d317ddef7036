import PigmentCore
import XCTest

final class LinearImageTests: XCTestCase {
    /// A pixel is marked when any one of its channels reaches the level, and only then.
    func testAPixelIsMarkedWhenAnyChannelReachesTheLevel() {
        var random = SystemRandomNumberGenerator()
        let (width, height) = (21, 13)
        func channel() -> Plane {
            Plane(width: width, height: height, samples: (0..<width * height).map { _ in
                [0.2, 0.98, 0.99, 1][Int.random(in: 0..<4, using: &random)]
            })
        }
        let image = LinearImage(red: channel(), green: channel(), blue: channel())
        let marked = image.mask(anyChannelAtLeast: 0.99)
        for i in 0..<width * height {
            let expected = max(image.red.samples[i], image.green.samples[i], image.blue.samples[i]) >= 0.99
            XCTAssertEqual(marked.bits[i], expected, "pixel \(i)")
        }
    }
}
