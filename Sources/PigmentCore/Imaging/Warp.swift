/// Resamples an image into another frame through a known geometric map.
public enum Warp {
    /// The `width`×`height` image whose pixel at point x shows `image` at
    /// `sourcePoint(x)` (bilinear), and a mask of the pixels whose source point
    /// lies inside `image`. Pixels outside are 0 and unset in the mask.
    /// Planes are resampled on up to `threads` threads.
    public static func apply(_ image: LinearImage, width: Int, height: Int, sourcePoint map: AffineTransform,
                             threads: Int = 1) -> (image: LinearImage, inside: Mask) {
        let count = width * height
        let sw = image.width, sh = image.height
        let maxX = Double(sw - 1), maxY = Double(sh - 1)
        /// Calls `body(pixel, x, y)` with the source point of every pixel whose source point lies inside.
        @Sendable func forEachInside(_ body: (Int, Double, Double) -> Void) {
            for y in 0..<height {
                // Source point of the row's first pixel centre; each step right adds (a, c).
                var px = map.a * 0.5 + map.b * (Double(y) + 0.5) + map.tx - 0.5
                var py = map.c * 0.5 + map.d * (Double(y) + 0.5) + map.ty - 0.5
                for x in 0..<width {
                    if px >= 0, py >= 0, px <= maxX, py <= maxY { body(y * width + x, px, py) }
                    px += map.a
                    py += map.c
                }
            }
        }
        let sources = [image.red, image.green, image.blue] + (image.opacity.map { [$0] } ?? [])
        let planes = ParallelWork.map(sources, threads: threads) { source in
            var samples = [Float](repeating: 0, count: count)
            source.samples.withUnsafeBufferPointer { s in
                samples.withUnsafeMutableBufferPointer { out in
                    forEachInside { o, px, py in
                        let i = min(Int(px), max(sw - 2, 0)), j = min(Int(py), max(sh - 2, 0))
                        let tx = Float(px - Double(i)), ty = Float(py - Double(j))
                        let i1 = min(i + 1, sw - 1), j1 = min(j + 1, sh - 1)
                        let w00 = (1 - tx) * (1 - ty), w10 = tx * (1 - ty), w01 = (1 - tx) * ty, w11 = tx * ty
                        out[o] = s[j * sw + i] * w00 + s[j * sw + i1] * w10 + s[j1 * sw + i] * w01 + s[j1 * sw + i1] * w11
                    }
                }
            }
            return Plane(width: width, height: height, samples: samples)
        }
        var inside = [Bool](repeating: false, count: count)
        inside.withUnsafeMutableBufferPointer { inside in forEachInside { o, _, _ in inside[o] = true } }
        let warped = LinearImage(red: planes[0], green: planes[1], blue: planes[2], opacity: planes.count > 3 ? planes[3] : nil)
        return (warped, Mask(width: width, height: height, bits: inside))
    }
}

extension Warp {
    /// `image` resampled into a `width`×`height` frame whose point x shows
    /// `image` at `transform(x)`. When the map shrinks the image by 2× or more,
    /// blocks are averaged first so the result does not alias.
    public static func into(width: Int, height: Int, from image: LinearImage, through transform: AffineTransform,
                            threads: Int = 1) -> (image: LinearImage, inside: Mask) {
        let factor = max(1, Int(transform.scale.rounded(.down)))
        guard factor > 1 else { return apply(image, width: width, height: height, sourcePoint: transform, threads: threads) }
        let binned = image.mapPlanes { Resample.binned($0, by: factor) }
        return apply(binned, width: width, height: height,
                     sourcePoint: transform.rescaled(input: 1, output: 1 / Double(factor)), threads: threads)
    }
}
