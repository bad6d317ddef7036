import Foundation

/// Gaussian smoothing that only mixes pixels inside a mask (normalised
/// convolution), so skin next to hair or background is not pulled towards it.
public enum MaskedBlur {
    /// Smooths `plane` with a Gaussian of standard deviation `sigma` pixels,
    /// using only pixels set in `mask`. Pixels outside the mask keep their value.
    public static func apply(_ plane: Plane, mask: Mask, sigma: Double) -> Plane {
        apply([plane], mask: mask, sigma: sigma)[0]
    }

    /// ``apply(_:mask:sigma:)`` for several planes of the mask's size; the
    /// mask's own blur, which normalises them, is made once for all.
    public static func apply(_ planes: [Plane], mask: Mask, sigma: Double) -> [Plane] {
        guard sigma > 0.3 else { return planes }
        let kernel = gaussianKernel(sigma: sigma)
        let w = mask.width, h = mask.height, count = w * h
        // The horizontal pass's output, reused by every blur below.
        var across = [Float](repeating: 0, count: count)
        return across.withUnsafeMutableBufferPointer { across in
            // A `Bool` is stored as the byte 0 or 1.
            mask.bits.withUnsafeBufferPointer { bits in
                bits.withMemoryRebound(to: UInt8.self) { flags in
                    let weights = [Float](unsafeUninitializedCapacity: count) { weights, filled in
                        blur(width: w, height: h, kernel: kernel, across: across.baseAddress!, into: weights.baseAddress!) { row, x in
                            Float(flags[row &+ x])
                        }
                        filled = count
                    }
                    return weights.withUnsafeBufferPointer { weights in
                        planes.map { plane in
                            precondition(plane.width == w && plane.height == h, "plane size differs from the mask's")
                            let out = plane.samples.withUnsafeBufferPointer { src in
                                [Float](unsafeUninitializedCapacity: count) { out, filled in
                                    // Pixels outside the mask read as +0: their bits cleared
                                    // (the same as a select, in a loop the compiler vectorises).
                                    blur(width: w, height: h, kernel: kernel, across: across.baseAddress!, into: out.baseAddress!) { row, x in
                                        Float(bitPattern: src[row &+ x].bitPattern & (0 &- UInt32(flags[row &+ x])))
                                    }
                                    normalise(out.baseAddress!, by: weights.baseAddress!, inside: flags.baseAddress!,
                                              keeping: src.baseAddress!, count: count)
                                    filled = count
                                }
                            }
                            return Plane(width: w, height: h, samples: out)
                        }
                    }
                }
            }
        }
    }

    /// `blurred[i] / weights[i]` where `flags[i]` is 1 and the weight is above
    /// 1e-6, else `original[i]`, in place. Every pixel is divided and the
    /// choice made with bit masks, in a loop the compiler vectorises (a
    /// `Bool` select, or SIMD types converting the flags, ran lane by lane).
    @inline(__always)
    static func normalise(_ blurred: UnsafeMutablePointer<Float>, by weights: UnsafePointer<Float>,
                          inside flags: UnsafePointer<UInt8>, keeping original: UnsafePointer<Float>, count: Int) {
        for i in 0..<count {
            let quotient = blurred[i] / weights[i]
            let keep = 0 &- ((weights[i] > 1e-6 ? 1 : 0) & UInt32(flags[i]))
            blurred[i] = Float(bitPattern: (quotient.bitPattern & keep) | (original[i].bitPattern & ~keep))
        }
    }

    /// Smooths `plane` with a Gaussian of standard deviation `sigma` pixels;
    /// near the border, over the pixels inside the image only.
    public static func apply(_ plane: Plane, sigma: Double) -> Plane {
        guard sigma > 0.3 else { return plane }
        let kernel = gaussianKernel(sigma: sigma)
        let w = plane.width, h = plane.height, count = w * h
        var across = [Float](repeating: 0, count: count)
        let shareX = coverage(of: kernel, count: w), shareY = coverage(of: kernel, count: h)
        let out = plane.samples.withUnsafeBufferPointer { src in
            across.withUnsafeMutableBufferPointer { across in
                [Float](unsafeUninitializedCapacity: count) { out, filled in
                    blur(width: w, height: h, kernel: kernel, across: across.baseAddress!, into: out.baseAddress!) { row, x in
                        src[row &+ x]
                    }
                    // The blur of an all-ones image is separable: the kernel's share
                    // inside the image along each axis (index sums without overflow
                    // checks, so that the loop is vectorised).
                    shareX.withUnsafeBufferPointer { shareX in
                        for y in 0..<h {
                            let row = out.baseAddress! + y * w, share = shareY[y]
                            for x in 0..<w { row[x] /= shareX[x] * share }
                        }
                    }
                    filled = count
                }
            }
        }
        return Plane(width: w, height: h, samples: out)
    }

    /// The sum of the kernel's taps that fall inside `0..<count`, at each position.
    static func coverage(of kernel: [Float], count: Int) -> [Float] {
        let radius = kernel.count / 2
        return (0..<count).map { i in
            var sum: Float = 0
            for k in kernel.indices where i + k - radius >= 0 && i + k - radius < count { sum += kernel[k] }
            return sum
        }
    }

    /// The Gaussian blur of the image whose pixel (x, y) is `value(y · width, x)`,
    /// with zeros beyond its border, written to `out`: a horizontal pass row by
    /// row from a zero-padded copy into `across`, then a vertical pass one output
    /// row at a time (both `width` × `height`).
    @inline(__always)
    static func blur(width w: Int, height h: Int, kernel: [Float], across: UnsafeMutablePointer<Float>,
                     into out: UnsafeMutablePointer<Float>, value: (_ row: Int, _ x: Int) -> Float) {
        let radius = kernel.count / 2
        var padded = [Float](repeating: 0, count: w + 2 * radius)
        padded.withUnsafeMutableBufferPointer { padded in
            // Tap k reads the padded row shifted by k.
            let taps = kernel.indices.map { k in (UnsafePointer(padded.baseAddress! + k), kernel[k]) }
            for y in 0..<h {
                let row = y * w
                for x in 0..<w { padded[radius &+ x] = value(row, x) }
                weightedSum(taps, count: w, into: across + row)
            }
        }
        var rows: [(UnsafePointer<Float>, Float)] = []
        rows.reserveCapacity(kernel.count)
        for y in 0..<h {
            rows.removeAll(keepingCapacity: true)
            for r in max(0, y - radius)...min(h - 1, y + radius) { rows.append((UnsafePointer(across + r * w), kernel[r - y + radius])) }
            weightedSum(rows, count: w, into: out + y * w)
        }
    }

    /// `out[x] = Σ_r tap_r · source_r[x]` over the given sources in order,
    /// eight outputs at a time in registers: the rows around an output row
    /// (vertical pass), or one padded row at each shift (horizontal pass).
    @inline(__always)
    static func weightedSum(_ sources: [(UnsafePointer<Float>, Float)], count: Int, into out: UnsafeMutablePointer<Float>) {
        sources.withUnsafeBufferPointer { sources in
            var x = 0
            while x + 16 <= count {
                var a = SIMD16<Float>()
                for (source, tap) in sources {
                    a = a + UnsafeRawPointer(source + x).loadUnaligned(as: SIMD16<Float>.self) * tap
                }
                UnsafeMutableRawPointer(out + x).storeBytes(of: a, as: SIMD16<Float>.self)
                x += 16
            }
            while x < count {
                var a: Float = 0
                for (source, tap) in sources { a = a + source[x] * tap }
                out[x] = a
                x += 1
            }
        }
    }

    static func gaussianKernel(sigma: Double) -> [Float] {
        let radius = max(1, Int((3 * sigma).rounded(.up)))
        var kernel = (-radius...radius).map { Float(exp(-Double($0 * $0) / (2 * sigma * sigma))) }
        let total = kernel.reduce(0, +)
        for i in kernel.indices { kernel[i] /= total }
        return kernel
    }
}
