/// Resamples images into another frame through a known geometric map.
public enum Warp {
    /// The `width`×`height` planes whose pixel at point x shows each of
    /// `planes` (all of one size) at `sourcePoint(x)` (bilinear), and a mask of
    /// the pixels whose source point lies inside them. Pixels outside are 0 and
    /// unset in the mask. Planes are resampled on up to `threads` threads.
    public static func apply(_ planes: [Plane], width: Int, height: Int, sourcePoint map: AffineTransform,
                             threads: Int = 1) -> (planes: [Plane], inside: Mask) {
        let sw = planes.first?.width ?? 0, sh = planes.first?.height ?? 0
        precondition(planes.allSatisfy { $0.width == sw && $0.height == sh }, "planes differ in size")
        // Each pixel's source cell and weights are found once for all planes,
        // in bands of rows on up to `threads` threads.
        let (samples, inside) = RowBands.fill(planes: planes.count, width: width, height: height,
                                              threads: threads) { rows, out in
            withBasePointers(planes.map(\.samples)) { sources in
                sources.withUnsafeBufferPointer { sources in
                    out.samples.withUnsafeBufferPointer { targets in
                        for y in rows {
                            let row = y * width
                            for target in targets { (target + row).initialize(repeating: 0, count: width) }
                            (out.flags + row).initialize(repeating: false, count: width)
                            forEachInside(width: width, sourceWidth: sw, sourceHeight: sh, row: y, map) { x, px, py in
                                let i = min(Int(px), max(sw - 2, 0)), j = min(Int(py), max(sh - 2, 0))
                                let tx = Float(px - Double(i)), ty = Float(py - Double(j))
                                let i1 = min(i + 1, sw - 1), j1 = min(j + 1, sh - 1)
                                let w00 = (1 - tx) * (1 - ty), w10 = tx * (1 - ty), w01 = (1 - tx) * ty, w11 = tx * ty
                                // Indices inside the planes by construction: no overflow checks.
                                let (a, b, c, d) = (j &* sw &+ i, j &* sw &+ i1, j1 &* sw &+ i, j1 &* sw &+ i1)
                                for p in 0..<sources.count {
                                    let s = sources[p]
                                    targets[p][row &+ x] = s[a] * w00 + s[b] * w10 + s[c] * w01 + s[d] * w11
                                }
                                out.flags[row &+ x] = true
                            }
                        }
                    }
                }
            }
        }
        return (samples.map { Plane(width: width, height: height, samples: $0) }, Mask(width: width, height: height, bits: inside))
    }

    /// Calls `body` with the first element of each array.
    private static func withBasePointers<R>(_ arrays: [[Float]], _ body: ([UnsafePointer<Float>]) -> R) -> R {
        func nest(_ pointers: [UnsafePointer<Float>]) -> R {
            guard pointers.count < arrays.count else { return body(pointers) }
            return arrays[pointers.count].withUnsafeBufferPointer { nest(pointers + [$0.baseAddress!]) }
        }
        return nest([])
    }

    /// The `width`×`height` mask whose pixel at point x is the pixel of `mask`
    /// nearest to `sourcePoint(x)`; unset where that lies outside `mask`.
    public static func nearest(_ mask: Mask, width: Int, height: Int, sourcePoint map: AffineTransform) -> Mask {
        var bits = [Bool](repeating: false, count: width * height)
        let sw = mask.width, sh = mask.height
        mask.bits.withUnsafeBufferPointer { source in
            bits.withUnsafeMutableBufferPointer { bits in
                for y in 0..<height {
                    forEachInside(width: width, sourceWidth: sw, sourceHeight: sh, row: y, map) { x, px, py in
                        bits[y * width + x] = source[Int(py.rounded()) * sw + Int(px.rounded())]
                    }
                }
            }
        }
        return Mask(width: width, height: height, bits: bits)
    }

    /// Calls `body(x, sourceX, sourceY)` with the source point (in pixel-centre
    /// coordinates) of every pixel of row `y` of a `width`-wide frame whose
    /// source point lies inside the `sourceWidth`×`sourceHeight` one.
    @inline(__always)
    private static func forEachInside(width: Int, sourceWidth: Int, sourceHeight: Int, row y: Int,
                                      _ map: AffineTransform, _ body: (Int, Double, Double) -> Void) {
        let maxX = Double(sourceWidth - 1), maxY = Double(sourceHeight - 1)
        // Source point of the row's first pixel centre; each step right adds (a, c).
        var px = map.a * 0.5 + map.b * (Double(y) + 0.5) + map.tx - 0.5
        var py = map.c * 0.5 + map.d * (Double(y) + 0.5) + map.ty - 0.5
        for x in 0..<width {
            if px >= 0, py >= 0, px <= maxX, py <= maxY { body(x, px, py) }
            px += map.a
            py += map.c
        }
    }
}

extension Warp {
    /// `planes` (all of one size) resampled into a `width`×`height` frame
    /// whose point x shows them at `transform(x)`. When the map shrinks them by
    /// 2× or more, blocks are averaged first so the result does not alias.
    public static func into(width: Int, height: Int, from planes: [Plane], through transform: AffineTransform,
                            threads: Int = 1) -> (planes: [Plane], inside: Mask) {
        let factor = max(1, Int(transform.scale.rounded(.down)))
        guard factor > 1 else { return apply(planes, width: width, height: height, sourcePoint: transform, threads: threads) }
        return apply(planes.map { Resample.binned($0, by: factor) }, width: width, height: height,
                     sourcePoint: transform.rescaled(input: 1, output: 1 / Double(factor)), threads: threads)
    }

    /// ``into(width:height:from:through:threads:)`` for every plane of an image.
    public static func into(width: Int, height: Int, from image: LinearImage, through transform: AffineTransform,
                            threads: Int = 1) -> (image: LinearImage, inside: Mask) {
        let sources = [image.red, image.green, image.blue] + (image.opacity.map { [$0] } ?? [])
        let (planes, inside) = into(width: width, height: height, from: sources, through: transform, threads: threads)
        let warped = LinearImage(red: planes[0], green: planes[1], blue: planes[2], opacity: planes.count > 3 ? planes[3] : nil)
        return (warped, inside)
    }
}
