import PigmentCore
import XCTest

final class AffineTransformTests: XCTestCase {
    let map = AffineTransform.similarity(scale: 1.1, degrees: 12, centre: (50, 40), target: (60, 45), dx: 3, dy: -2)

    func testSimilarityReportsItsScaleAndRotation() {
        XCTAssertEqual(map.scale, 1.1, accuracy: 1e-12)
        XCTAssertEqual(map.rotationDegrees, 12, accuracy: 1e-12)
        let centre = map.apply(x: 50, y: 40)
        XCTAssertEqual(centre.x, 63, accuracy: 1e-12)
        XCTAssertEqual(centre.y, 43, accuracy: 1e-12)
    }

    func testInverseUndoesTheMap() throws {
        let back = try XCTUnwrap(map.inverse).apply(x: map.apply(x: 7, y: -3).x, y: map.apply(x: 7, y: -3).y)
        XCTAssertEqual(back.x, 7, accuracy: 1e-9)
        XCTAssertEqual(back.y, -3, accuracy: 1e-9)
        XCTAssertNil(AffineTransform(a: 1, b: 2, c: 2, d: 4, tx: 0, ty: 0).inverse)
    }

    func testFollowedByAppliesBothInOrder() {
        let shift = AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: 5, ty: 0)
        let p = map.followed(by: shift).apply(x: 1, y: 2), q = map.apply(x: 1, y: 2)
        XCTAssertEqual(p.x, q.x + 5, accuracy: 1e-12)
        XCTAssertEqual(p.y, q.y, accuracy: 1e-12)
    }

    func testRescaledMapsBetweenPyramidLevels() {
        // At half resolution, a point x stands for 2x at full resolution.
        let half = map.rescaled(input: 2, output: 0.5)
        let p = half.apply(x: 10, y: 6), q = map.apply(x: 20, y: 12)
        XCTAssertEqual(p.x * 2, q.x, accuracy: 1e-12)
        XCTAssertEqual(p.y * 2, q.y, accuracy: 1e-12)
    }
}
