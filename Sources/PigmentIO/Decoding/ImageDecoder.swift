import CImageIO
import Foundation
import PigmentCore

/// Reads PNG and JPEG files into linear-light images, the right way up.
public struct ImageDecoder: Sendable {
    /// Images with more pixels than this are refused before any pixel is decoded.
    public var maxPixels: Int

    public static let defaultMaxPixels = 150_000_000

    public init(maxPixels: Int = defaultMaxPixels) {
        self.maxPixels = maxPixels
    }

    /// Decodes `path` to linear light with the exact sRGB curve (or a PNG's own
    /// gAMA), keeping 16-bit precision. JPEGs are turned by their EXIF orientation.
    /// JPEG samples are reconstructed from the DCT coefficients in floating
    /// point, so smooth skin does not band at whole 8-bit chroma codes.
    public func decode(_ path: String) throws(ImageFileError) -> LinearImage {
        try decode(path, maxLongSide: nil).image
    }

    /// Decodes `path` reduced so that its long side is at most `maxLongSide`
    /// (`nil`: full size). JPEGs are reduced in the DCT domain (the largest
    /// scale k/8 that fits, from the k×k lowest frequencies of each block), then,
    /// if still too large, and PNGs, by averaging blocks of whole pixels.
    public func decode(_ path: String, maxLongSide: Int?) throws(ImageFileError) -> DecodedPhoto {
        let format = try Self.sniff(path)
        var raw = cimageio_image()
        var message = CMessage()
        let code: Int32 = switch format {
        case .png: cimageio_png_decode(path, UInt64(maxPixels), &raw, &message.buffer, message.buffer.count)
        case .jpeg: cimageio_jpeg_decode_reduced(path, UInt64(maxPixels), UInt32(clamping: maxLongSide ?? 0), &raw,
                                                 &message.buffer, message.buffer.count)
        }
        defer { cimageio_image_free(&raw) }
        guard code == CIMAGEIO_OK.rawValue else {
            throw Self.error(code: code, message: message.text, path: path, format: format)
        }
        let longSide = Double(max(raw.width, raw.height))
        let factor = maxLongSide.map { max(1, Int((longSide / Double($0)).rounded(.up))) } ?? 1
        let image = Self.linearImage(from: raw, binning: factor)
        let scale = Double(raw.scale_eighths == 0 ? 8 : raw.scale_eighths) / 8 / Double(factor)
        let (storedWidth, storedHeight) = (Int(raw.full_width), Int(raw.full_height))
        let orientation = Orientation(rawValue: Int(raw.orientation)) ?? .up
        let (fullWidth, fullHeight) = orientation.swapsAxes ? (storedHeight, storedWidth) : (storedWidth, storedHeight)
        return DecodedPhoto(image: orientation.apply(to: image), fullWidth: fullWidth, fullHeight: fullHeight, scale: scale)
    }

    /// Checks the file exists, is a regular file, and starts like a PNG or JPEG.
    static func sniff(_ path: String) throws(ImageFileError) -> ImageFormat {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(path: path, reason: (status.st_mode & S_IFMT) == S_IFDIR ? "is a directory" : "not a regular file")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 8)
        let count = read(descriptor, &head, head.count)
        guard count >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        head.removeLast(head.count - count)
        guard !head.isEmpty else { throw .notAnImage(path: path, reason: "empty file") }
        guard let format = ImageFormat(signature: head) else {
            throw .notAnImage(path: path, reason: "neither PNG nor JPEG")
        }
        return format
    }

    static func error(code: Int32, message: String, path: String, format: ImageFormat) -> ImageFileError {
        switch UInt32(code) {
        case CIMAGEIO_ERROR_OPEN.rawValue: return .unreadable(path: path, reason: message)
        case CIMAGEIO_ERROR_UNSUPPORTED.rawValue: return .unsupported(path: path, reason: message)
        case CIMAGEIO_ERROR_TOO_LARGE.rawValue: return .tooLarge(path: path, reason: message)
        case CIMAGEIO_ERROR_MEMORY.rawValue: return .tooLarge(path: path, reason: message)
        default: return .corrupt(path: path, format: format, reason: message)
        }
    }

    /// Coded value (0–1) to linear light: sRGB, or a power law for a PNG gAMA.
    static func transferCurve(fileGamma: Double) -> (Float) -> Float {
        guard fileGamma > 0 else { return SRGB.decodeFast }
        let exponent = Float(1 / fileGamma)
        return { powf($0, exponent) }
    }

    /// Converts the C layer's interleaved samples to linear planes, averaging
    /// `binning`×`binning` blocks in linear light on the way (no full-size
    /// planes). PNG: RGBA or gray+alpha codes of 8 or 16 bits; JPEG: sRGB floats
    /// (colour or gray).
    static func linearImage(from raw: cimageio_image, binning factor: Int = 1) -> LinearImage {
        let f = max(1, factor)
        let w = Int(raw.width), bw = w / f, bh = Int(raw.height) / f, count = bw * bh
        let png = raw.bytes_per_sample != 4, channels = Int(raw.channels)
        let colours = png ? (channels == 4 ? 3 : 1) : channels
        let planeCount = png ? colours + 1 : colours  // PNGs carry opacity last
        let decode = transferCurve(fileGamma: png ? raw.file_gamma : 0)
        let sixteen = raw.bytes_per_sample == 2
        let codeScale: Float = sixteen ? 1 / 65535 : 1 / 255
        let wide = raw.pixels.assumingMemoryBound(to: UInt16.self)
        let narrow = raw.pixels.assumingMemoryBound(to: UInt8.self)
        let floats = raw.pixels.assumingMemoryBound(to: Float.self)
        var sums = [Float](repeating: 0, count: planeCount * count)
        sums.withUnsafeMutableBufferPointer { sums in
            for y in 0..<(bh * f) {
                let row = (y / f) * bw
                for x in 0..<(bw * f) {
                    let i = y * w + x, o = row + x / f
                    for p in 0..<planeCount {
                        let k = channels * i + p
                        let value: Float
                        if !png {
                            value = SRGB.decodeFast(floats[k])
                        } else {
                            let code = (sixteen ? Float(wide[k]) : Float(narrow[k])) * codeScale
                            value = p == colours ? code : decode(code)
                        }
                        sums[p * count + o] += value
                    }
                }
            }
            if f > 1 {
                let norm = 1 / Float(f * f)
                for i in 0..<sums.count { sums[i] *= norm }
            }
        }
        func plane(_ p: Int) -> Plane { Plane(width: bw, height: bh, samples: Array(sums[(p * count)..<((p + 1) * count)])) }
        let red = plane(0), green = colours == 3 ? plane(1) : red, blue = colours == 3 ? plane(2) : red
        let opacity = png ? plane(colours) : nil
        let translucent = opacity?.samples.contains { $0 < 1 } ?? false
        return LinearImage(red: red, green: green, blue: blue, opacity: translucent ? opacity : nil)
    }
}
