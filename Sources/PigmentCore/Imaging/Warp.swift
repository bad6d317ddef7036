/// Resamples an image into another frame through a known geometric map.
public enum Warp {
    /// The `width`×`height` image whose pixel at point x shows `image` at
    /// `sourcePoint(x)` (bilinear), and a mask of the pixels whose source point
    /// lies inside `image`. Pixels outside are 0 and unset in the mask.
    public static func apply(_ image: LinearImage, width: Int, height: Int,
                             sourcePoint: AffineTransform) -> (image: LinearImage, inside: Mask) {
        var inside = Mask(width: width, height: height, value: false)
        func warp(_ plane: Plane, markInside: Bool) -> Plane {
            var out = [Float](repeating: 0, count: width * height)
            plane.samples.withUnsafeBufferPointer { src in
                for y in 0..<height {
                    for x in 0..<width {
                        let p = sourcePoint.apply(x: Double(x) + 0.5, y: Double(y) + 0.5)
                        guard let v = Resample.bilinear(src, width: plane.width, height: plane.height, x: p.x, y: p.y)
                        else { continue }
                        out[y * width + x] = v
                        if markInside { inside.bits[y * width + x] = true }
                    }
                }
            }
            return Plane(width: width, height: height, samples: out)
        }
        let red = warp(image.red, markInside: true)
        let warped = LinearImage(red: red, green: warp(image.green, markInside: false),
                                 blue: warp(image.blue, markInside: false),
                                 opacity: image.opacity.map { warp($0, markInside: false) })
        return (warped, inside)
    }
}

extension Warp {
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
