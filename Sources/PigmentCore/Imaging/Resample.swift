import Foundation

/// Resampling of planes. Coordinates are continuous, pixel (i, j) centred at
/// (i + 0.5, j + 0.5).
public enum Resample {
    /// Averages `factor`×`factor` blocks (area averaging). The result is
    /// `width / factor` × `height / factor` (rounded down); a point x of the
    /// result is the point `factor · x` of the input.
    public static func binned(_ plane: Plane, by factor: Int) -> Plane {
        guard factor > 1 else { return plane }
        let w = plane.width / factor, h = plane.height / factor
        var out = [Float](repeating: 0, count: w * h)
        let norm = 1 / Float(factor * factor)
        plane.samples.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    for dy in 0..<factor {
                        let row = (y * factor + dy) * plane.width
                        for x in 0..<w {
                            var acc: Float = 0
                            let start = row + x * factor
                            for dx in 0..<factor { acc += src[start + dx] }
                            dst[y * w + x] += acc
                        }
                    }
                }
                for i in 0..<dst.count { dst[i] *= norm }
            }
        }
        return Plane(width: w, height: h, samples: out)
    }

    /// Area averaging by a factor that need not be whole: each pixel of the
    /// result is the mean of the input over the `factor`×`factor` square it
    /// covers, partly covered pixels weighed by the part. The result is
    /// `⌊width / factor⌋` × `⌊height / factor⌋`; a point x of the result is the
    /// point `factor · x` of the input. A whole factor is ``binned(_:by:)``.
    public static func areaAveraged(_ plane: Plane, by factor: Double) -> Plane {
        precondition(factor >= 1, "area averaging enlarges nothing")
        if factor == factor.rounded() { return binned(plane, by: Int(factor)) }
        let w = Int(Double(plane.width) / factor), h = Int(Double(plane.height) / factor)
        // The input pixels under output pixel i, with the length of each one's
        // share of it, divided by the factor (so that each row of weights sums to 1).
        func shares(_ count: Int, of input: Int) -> [[(index: Int, weight: Float)]] {
            (0..<count).map { i in
                let start = Double(i) * factor, end = Double(i + 1) * factor
                return (Int(start)..<min(input, Int(end.rounded(.up)))).map { j in
                    (j, Float((min(end, Double(j + 1)) - max(start, Double(j))) / factor))
                }
            }
        }
        let columns = shares(w, of: plane.width), rows = shares(h, of: plane.height)
        var across = [Float](repeating: 0, count: w * plane.height)
        plane.samples.withUnsafeBufferPointer { src in
            for y in 0..<plane.height {
                let row = y * plane.width
                for x in 0..<w { across[y * w + x] = columns[x].reduce(0) { $0 + $1.weight * src[row + $1.index] } }
            }
        }
        var out = [Float](repeating: 0, count: w * h)
        for y in 0..<h {
            for (j, weight) in rows[y] {
                for x in 0..<w { out[y * w + x] += weight * across[j * w + x] }
            }
        }
        return Plane(width: w, height: h, samples: out)
    }

    /// Bilinear sample at the continuous point (x, y), or `nil` when the point
    /// lies outside the pixel centres' hull.
    @inline(__always)
    public static func bilinear(_ samples: UnsafeBufferPointer<Float>, width: Int, height: Int,
                                x: Double, y: Double) -> Float? {
        BilinearCell(width: width, height: height, x: x, y: y)?.sample(samples)
    }

    /// ``bilinear(_:width:height:x:y:)`` of three planes of one size at one point.
    @inline(__always)
    public static func bilinear(_ first: UnsafeBufferPointer<Float>, _ second: UnsafeBufferPointer<Float>,
                                _ third: UnsafeBufferPointer<Float>, width: Int, height: Int,
                                x: Double, y: Double) -> (Float, Float, Float)? {
        BilinearCell(width: width, height: height, x: x, y: y).map { ($0.sample(first), $0.sample(second), $0.sample(third)) }
    }

    /// The four pixels a bilinear sample at (x, y) reads (clamped at the
    /// border) and its weights towards the right and lower ones.
    struct BilinearCell {
        let width: Int, i: Int, j: Int, i1: Int, j1: Int, tx: Float, ty: Float

        /// `nil` when the point lies outside the pixel centres' hull.
        @inline(__always)
        init?(width: Int, height: Int, x: Double, y: Double) {
            let fx = x - 0.5, fy = y - 0.5
            guard fx >= 0, fy >= 0, fx <= Double(width - 1), fy <= Double(height - 1) else { return nil }
            let i = min(Int(fx), width - 2 < 0 ? 0 : width - 2), j = min(Int(fy), height - 2 < 0 ? 0 : height - 2)
            (self.width, self.i, self.j) = (width, i, j)
            (tx, ty) = (Float(fx - Double(i)), Float(fy - Double(j)))
            (i1, j1) = (min(i + 1, width - 1), min(j + 1, height - 1))
        }

        @inline(__always)
        func sample(_ s: UnsafeBufferPointer<Float>) -> Float {
            let p00 = s[j * width + i], p10 = s[j * width + i1]
            let p01 = s[j1 * width + i], p11 = s[j1 * width + i1]
            let top = p00 + (p10 - p00) * tx, bottom = p01 + (p11 - p01) * tx
            return top + (bottom - top) * ty
        }
    }
}

extension Resample {
    /// The `width`×`height` plane whose pixel centre x takes the value of the
    /// input pixel under the point x / `scale` (nearest neighbour): for masks,
    /// which must stay binary.
    public static func nearest(_ plane: Plane, width: Int, height: Int, scale: Double) -> Plane {
        guard scale != 1 || width != plane.width || height != plane.height else { return plane }
        // The source column of each output column, the same on every row.
        let columns = (0..<width).map { min(plane.width - 1, Int((Double($0) + 0.5) / scale)) }
        let out = [Float](unsafeUninitializedCapacity: width * height) { out, filled in
            plane.samples.withUnsafeBufferPointer { source in
                for y in 0..<height {
                    let sourceRow = min(plane.height - 1, Int((Double(y) + 0.5) / scale)) * plane.width
                    let row = out.baseAddress! + y * width
                    for x in 0..<width { row[x] = source[sourceRow &+ columns[x]] }
                }
            }
            filled = width * height
        }
        return Plane(width: width, height: height, samples: out)
    }
}
