/// Resamples an image into another frame through a known geometric map.
public enum Warp {
    /// The `width`×`height` image whose pixel at point x shows `image` at
    /// `sourcePoint(x)` (bilinear), and a mask of the pixels whose source point
    /// lies inside `image`. Pixels outside are 0 and unset in the mask.
    public static func apply(_ image: LinearImage, width: Int, height: Int,
                             sourcePoint map: AffineTransform) -> (image: LinearImage, inside: Mask) {
        let sources = [image.red, image.green, image.blue] + (image.opacity.map { [$0] } ?? [])
        let count = width * height
        let channels = sources.count
        let output = UnsafeMutablePointer<Float>.allocate(capacity: channels * count)
        output.initialize(repeating: 0, count: channels * count)
        defer { output.deallocate() }
        var inside = [Bool](repeating: false, count: count)
        let sw = image.width, sh = image.height
        let maxX = Double(sw - 1), maxY = Double(sh - 1)
        withBuffers(sources.map(\.samples)) { inputs in
            inside.withUnsafeMutableBufferPointer { inside in
                for y in 0..<height {
                    // Source point of the row's first pixel centre; each step right adds (a, c).
                    var px = map.a * 0.5 + map.b * (Double(y) + 0.5) + map.tx - 0.5
                    var py = map.c * 0.5 + map.d * (Double(y) + 0.5) + map.ty - 0.5
                    for x in 0..<width {
                        defer { px += map.a; py += map.c }
                        guard px >= 0, py >= 0, px <= maxX, py <= maxY else { continue }
                        let i = min(Int(px), max(sw - 2, 0)), j = min(Int(py), max(sh - 2, 0))
                        let tx = Float(px - Double(i)), ty = Float(py - Double(j))
                        let i1 = min(i + 1, sw - 1), j1 = min(j + 1, sh - 1)
                        let o00 = j * sw + i, o10 = j * sw + i1, o01 = j1 * sw + i, o11 = j1 * sw + i1
                        let w00 = (1 - tx) * (1 - ty), w10 = tx * (1 - ty), w01 = (1 - tx) * ty, w11 = tx * ty
                        let out = y * width + x
                        inside[out] = true
                        for c in 0..<channels {
                            let s = inputs[c]
                            output[c * count + out] = s[o00] * w00 + s[o10] * w10 + s[o01] * w01 + s[o11] * w11
                        }
                    }
                }
            }
        }
        let planes = (0..<channels).map { c in
            Plane(width: width, height: height, samples: Array(UnsafeBufferPointer(start: output + c * count, count: count)))
        }
        let warped = LinearImage(red: planes[0], green: planes[1], blue: planes[2],
                                 opacity: planes.count > 3 ? planes[3] : nil)
        return (warped, Mask(width: width, height: height, bits: inside))
    }
}

extension Warp {
    /// Calls `body` with read access to every array's storage (no copies).
    static func withBuffers<R>(_ arrays: [[Float]], _ body: ([UnsafeBufferPointer<Float>]) -> R) -> R {
        guard let first = arrays.first else { return body([]) }
        return first.withUnsafeBufferPointer { head in withBuffers(Array(arrays.dropFirst())) { body([head] + $0) } }
    }

    /// `image` resampled into a `width`×`height` frame whose point x shows
    /// `image` at `transform(x)`. When the map shrinks the image by 2× or more,
    /// blocks are averaged first so the result does not alias.
    public static func into(width: Int, height: Int, from image: LinearImage,
                            through transform: AffineTransform) -> (image: LinearImage, inside: Mask) {
        let factor = max(1, Int(transform.scale.rounded(.down)))
        guard factor > 1 else { return apply(image, width: width, height: height, sourcePoint: transform) }
        let binned = image.mapPlanes { Resample.binned($0, by: factor) }
        return apply(binned, width: width, height: height,
                     sourcePoint: transform.rescaled(input: 1, output: 1 / Double(factor)))
    }
}
