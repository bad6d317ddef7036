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
    /// gAMA, or an embedded ICC profile or a HEIF's coded primaries, converted
    /// to sRGB's primaries), keeping 16-bit precision. JPEGs are turned by their
    /// EXIF orientation, HEIFs by their container.
    /// JPEG samples are reconstructed from the DCT coefficients in floating
    /// point, so smooth skin does not band at whole 8-bit chroma codes.
    public func decode(_ path: String) throws(ImageFileError) -> LinearImage {
        try decode(path, maxLongSide: nil).image
    }

    /// How blocks of whole pixels are reduced to one.
    public enum BlockReduction: Sendable {
        /// The mean in linear light (photos).
        case average
        /// The pixel at the block's centre (masks, which must stay two-valued
        /// and need no more than one pixel per block read).
        case centre
    }

    /// Decodes `path` reduced so that its long side is at most `maxLongSide`
    /// (`nil`: full size). JPEGs are reduced in the DCT domain (the largest
    /// scale k/8 that fits, from the k×k lowest frequencies of each block), then,
    /// if still too large, and PNGs, by reducing blocks of whole pixels as
    /// `blocks` says. Both decoders hand over one row at a time, so no
    /// full-size buffer of pixels is held.
    public func decode(_ path: String, maxLongSide: Int?,
                       blocks: BlockReduction = .average) throws(ImageFileError) -> DecodedPhoto {
        let format = try Self.sniff(path)
        var message = CMessage()
        let rows = RowReduction(maxLongSide: maxLongSide, blocks: blocks)
        let decode = switch format {
        case .png: cimageio_png_decode_rows
        case .jpeg: cimageio_jpeg_decode_rows
        case .heif: cimageio_heif_decode_rows
        }
        let code = withExtendedLifetime(rows) {
            decode(path, UInt64(maxPixels), UInt32(clamping: maxLongSide ?? 0), { context, layout, row, y in
                Unmanaged<RowReduction>.fromOpaque(context!).takeUnretainedValue().receive(layout!.pointee, row: row!, y: Int(y))
            }, Unmanaged.passUnretained(rows).toOpaque(), &message.buffer, message.buffer.count)
        }
        guard code == CIMAGEIO_OK.rawValue else {
            throw Self.error(code: code, message: message.text, path: path, format: format)
        }
        if let failure = rows.failure { throw .unsupported(path: path, reason: failure.reason) }
        guard let image = rows.image() else { throw .corrupt(path: path, format: format, reason: "no pixel rows") }
        let layout = rows.layout
        let orientation = Orientation(rawValue: Int(layout.orientation)) ?? .up
        let (stored, swapped) = ((Int(layout.full_width), Int(layout.full_height)), orientation.swapsAxes)
        return DecodedPhoto(image: orientation.apply(to: image), fullWidth: swapped ? stored.1 : stored.0,
                            fullHeight: swapped ? stored.0 : stored.1, scale: rows.scale)
    }

    /// Checks the file exists, is a regular file, and starts like a PNG, JPEG or HEIF.
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
        var head = [UInt8](repeating: 0, count: 12)
        let count = read(descriptor, &head, head.count)
        guard count >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        head.removeLast(head.count - count)
        guard !head.isEmpty else { throw .notAnImage(path: path, reason: "empty file") }
        guard let format = ImageFormat(signature: head) else {
            throw .notAnImage(path: path, reason: "not a PNG, JPEG or HEIF image")
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
}
