import Foundation

/// A 2-D affine map `x' = a·x + b·y + tx`, `y' = c·x + d·y + ty` between pixel
/// coordinates. Coordinates are continuous, with pixel (i, j) covering
/// [i, i+1) × [j, j+1), so its centre is (i + 0.5, j + 0.5).
public struct AffineTransform: Sendable, Equatable, Codable {
    public var a: Double, b: Double, c: Double, d: Double
    public var tx: Double, ty: Double

    public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.tx = tx; self.ty = ty
    }

    public static let identity = AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)

    /// Rotation by `degrees` (counter-clockwise on screen is negative, as y points down)
    /// and uniform `scale` about `centre`, mapped onto `target`, then shifted by (dx, dy).
    public static func similarity(scale: Double, degrees: Double, centre: (x: Double, y: Double),
                                  target: (x: Double, y: Double), dx: Double = 0, dy: Double = 0) -> AffineTransform {
        let angle = degrees * .pi / 180
        let a = scale * cos(angle), c = scale * sin(angle)
        return AffineTransform(a: a, b: -c, c: c, d: a,
                               tx: target.x + dx - (a * centre.x - c * centre.y),
                               ty: target.y + dy - (c * centre.x + a * centre.y))
    }

    public func apply(x: Double, y: Double) -> (x: Double, y: Double) {
        (a * x + b * y + tx, c * x + d * y + ty)
    }

    public var determinant: Double { a * d - b * c }

    /// The inverse map, or `nil` when the map is singular.
    public var inverse: AffineTransform? {
        let det = determinant
        guard abs(det) > 1e-12, det.isFinite else { return nil }
        let ia = d / det, ib = -b / det, ic = -c / det, id = a / det
        return AffineTransform(a: ia, b: ib, c: ic, d: id, tx: -(ia * tx + ib * ty), ty: -(ic * tx + id * ty))
    }

    /// `other` applied after `self`.
    public func followed(by other: AffineTransform) -> AffineTransform {
        AffineTransform(a: other.a * a + other.b * c, b: other.a * b + other.b * d,
                        c: other.c * a + other.d * c, d: other.c * b + other.d * d,
                        tx: other.a * tx + other.b * ty + other.tx, ty: other.c * tx + other.d * ty + other.ty)
    }

    /// The same map in rescaled coordinates: `x ↦ outputScale · self(inputScale · x)`.
    public func rescaled(input inputScale: Double, output outputScale: Double) -> AffineTransform {
        AffineTransform(a: a * inputScale * outputScale, b: b * inputScale * outputScale,
                        c: c * inputScale * outputScale, d: d * inputScale * outputScale,
                        tx: tx * outputScale, ty: ty * outputScale)
    }

    /// Uniform scale: the square root of the area ratio.
    public var scale: Double { abs(determinant).squareRoot() }

    /// Rotation in degrees (the rotation part of the nearest similarity).
    public var rotationDegrees: Double { atan2(c - b, a + d) * 180 / .pi }

    /// The 3×3 homogeneous matrix, row by row.
    public var matrix: [[Double]] { [[a, b, tx], [c, d, ty], [0, 0, 1]] }

    /// Root-mean-square distance between where `self` and `other` send the given points.
    public func rmsDistance(to other: AffineTransform, over points: [(x: Double, y: Double)]) -> Double {
        guard !points.isEmpty else { return 0 }
        var sum = 0.0
        for p in points {
            let u = apply(x: p.x, y: p.y), v = other.apply(x: p.x, y: p.y)
            sum += (u.x - v.x) * (u.x - v.x) + (u.y - v.y) * (u.y - v.y)
        }
        return (sum / Double(points.count)).squareRoot()
    }
}
