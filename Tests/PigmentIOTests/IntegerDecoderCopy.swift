import PigmentCore

/// What a standard JPEG decoder (libjpeg's default path, as in browsers, viewers
/// and editors) hands on: the Y, Cb and Cr planes rounded to 8-bit codes, then
/// converted to RGB (JFIF) and rounded again. pigment's own decoder keeps the
/// fractions; a photo that was opened and saved again elsewhere does not.
enum IntegerDecoderCopy {
    static func of(_ image: LinearImage) -> LinearImage {
        var red = image.red, green = image.green, blue = image.blue
        func code(_ v: Float) -> Double { SRGB.encode(Double(min(max(v, 0), 1))) * 255 }
        func linear(_ c: Double) -> Float { Float(SRGB.decode(min(max(c.rounded(), 0), 255) / 255)) }
        for i in red.samples.indices {
            let r = code(red.samples[i]), g = code(green.samples[i]), b = code(blue.samples[i])
            let y = (0.299 * r + 0.587 * g + 0.114 * b).rounded()
            let cb = (-0.168736 * r - 0.331264 * g + 0.5 * b).rounded()
            let cr = (0.5 * r - 0.418688 * g - 0.081312 * b).rounded()
            red.samples[i] = linear(y + 1.402 * cr)
            green.samples[i] = linear(y - 0.344136 * cb - 0.714136 * cr)
            blue.samples[i] = linear(y + 1.772 * cb)
        }
        return LinearImage(red: red, green: green, blue: blue, opacity: image.opacity)
    }
}
