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
    /// if still too large, and PNGs, by averaging blocks of whole pixels in
    /// linear light. PNGs are read row by row, so no full-size buffer is held.
    public func decode(_ path: String, maxLongSide: Int?) throws(ImageFileError) -> DecodedPhoto {
        let format = try Self.sniff(path)
        var message = CMessage()
        switch format {
        case .png:
            let rows = PNGRows(maxLongSide: maxLongSide)
            let code = withExtendedLifetime(rows) {
                cimageio_png_decode_rows(path, UInt64(maxPixels), { context, layout, row, y in
                    Unmanaged<PNGRows>.fromOpaque(context!).takeUnretainedValue().receive(layout!.pointee, row: row!, y: Int(y))
                }, Unmanaged.passUnretained(rows).toOpaque(), &message.buffer, message.buffer.count)
            }
            guard code == CIMAGEIO_OK.rawValue, let image = rows.image() else {
                throw Self.error(code: code, message: message.text, path: path, format: format)
            }
            return DecodedPhoto(image: image, fullWidth: rows.fullWidth, fullHeight: rows.fullHeight,
                                scale: 1 / Double(rows.factor))
        case .jpeg:
            var raw = cimageio_image()
            defer { cimageio_image_free(&raw) }
            let code = cimageio_jpeg_decode_reduced(path, UInt64(maxPixels), UInt32(clamping: maxLongSide ?? 0), &raw,
                                                    &message.buffer, message.buffer.count)
            guard code == CIMAGEIO_OK.rawValue else {
                throw Self.error(code: code, message: message.text, path: path, format: format)
            }
            let longSide = Int(max(raw.width, raw.height))
            let factor = maxLongSide.map { max(1, (longSide + $0 - 1) / $0) } ?? 1
            let image = Self.linearImage(fromJPEG: raw, binning: factor)
            let scale = Double(raw.scale_eighths) / 8 / Double(factor)
            let (storedWidth, storedHeight) = (Int(raw.full_width), Int(raw.full_height))
            let orientation = Orientation(rawValue: Int(raw.orientation)) ?? .up
            let (fullWidth, fullHeight) = orientation.swapsAxes ? (storedHeight, storedWidth) : (storedWidth, storedHeight)
            return DecodedPhoto(image: orientation.apply(to: image), fullWidth: fullWidth, fullHeight: fullHeight,
                                scale: scale)
        }
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

    /// Converts the JPEG decoder's interleaved sRGB floats (colour or gray) to
    /// linear planes, averaging `binning`×`binning` blocks in linear light.
    static func linearImage(fromJPEG raw: cimageio_image, binning factor: Int = 1) -> LinearImage {
        let width = Int(raw.width), height = Int(raw.height), channels = Int(raw.channels)
        let samples = raw.pixels.assumingMemoryBound(to: Float.self)
        SRGB.decodeFast(UnsafeMutableBufferPointer(start: samples, count: width * height * channels))
        var averager = BlockAverager(width: width, height: height, channels: channels, factor: factor)
        for y in 0..<height { averager.add(row: samples + y * width * channels, y: y) }
        let planes = averager.planes()
        return LinearImage(red: planes[0], green: planes[channels == 3 ? 1 : 0], blue: planes[channels == 3 ? 2 : 0])
    }
}
