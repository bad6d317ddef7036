import CImageIO
import Foundation
import PigmentCore

/// Writes linear-light images as 8-bit sRGB PNG or JPEG files (atomically).
public enum ImageEncoder {
    /// JPEG options.
    public struct JPEGOptions: Sendable {
        public var quality: Int
        public var progressive: Bool
        /// EXIF orientation tag to write (1–8), or `nil` for none.
        public var orientation: Int?
        /// ICC profile to embed, or `nil` for none. The samples are written as
        /// given: encoded in the profile's colour space, not sRGB's.
        public var iccProfile: [UInt8]?

        public init(quality: Int = 92, progressive: Bool = false, orientation: Int? = nil, iccProfile: [UInt8]? = nil) {
            self.quality = quality
            self.progressive = progressive
            self.orientation = orientation
            self.iccProfile = iccProfile
        }
    }

    /// Interleaved 8-bit sRGB samples of `image`.
    public static func srgb8(_ image: LinearImage) -> [UInt8] { RGBImage8(image).samples }

    /// Writes `image` as PNG or JPEG (quality 92), as the path's extension says.
    public static func write(_ image: LinearImage, to path: String) throws(ImageFileError) {
        switch ImageFormat(pathExtension: URL(fileURLWithPath: path).pathExtension) {
        case .jpeg: try writeJPEG(image, to: path)
        case .png: try writePNG(image, to: path)
        case .heif, nil: throw .writeFailed(path: path, reason: "unknown image format (use .png, .jpg or .jpeg)")
        }
    }

    /// Writes `image` as an 8-bit PNG: sRGB, or, with `iccProfile`, samples
    /// encoded by sRGB's curve in that profile's space (written as iCCP).
    public static func writePNG(_ image: LinearImage, to path: String, iccProfile: [UInt8]? = nil) throws(ImageFileError) {
        try writePNG(samples: srgb8(image), width: image.width, height: image.height, channels: 3, to: path,
                     iccProfile: iccProfile)
    }

    /// A mask as a gray PNG: white inside, black outside.
    public static func writePNG(_ mask: Mask, to path: String) throws(ImageFileError) {
        try writePNG(samples: mask.bits.map { $0 ? 255 : 0 }, width: mask.width, height: mask.height, channels: 1, to: path)
    }

    /// Writes interleaved 8-bit samples (1–4 channels: gray, gray and alpha,
    /// RGB, RGBA; sRGB unless `iccProfile` is embedded, RGB or RGBA only) as a PNG.
    public static func writePNG(samples: [UInt8], width: Int, height: Int, channels: Int, to path: String,
                                iccProfile: [UInt8]? = nil) throws(ImageFileError) {
        try AtomicFile.write(to: path) { (temporary: String) throws(ImageFileError) in
            var message = CMessage()
            let profile = iccProfile ?? []
            let code = cimageio_png_encode(temporary, samples, UInt32(width), UInt32(height), UInt32(channels), 1,
                                           profile.isEmpty ? nil : profile, UInt32(profile.count),
                                           &message.buffer, message.buffer.count)
            guard code == CIMAGEIO_OK.rawValue else {
                throw .writeFailed(path: path, reason: message.text)
            }
        }
    }

    public static func writeJPEG(_ image: LinearImage, to path: String, options: JPEGOptions = .init()) throws(ImageFileError) {
        try writeJPEG(samples: srgb8(image), width: image.width, height: image.height, channels: 3, to: path, options: options)
    }

    /// Writes interleaved 8-bit samples (1 or 3 channels; sRGB unless the
    /// options embed another profile) as a JPEG.
    public static func writeJPEG(samples: [UInt8], width: Int, height: Int, channels: Int, to path: String,
                                 options: JPEGOptions) throws(ImageFileError) {
        try AtomicFile.write(to: path) { (temporary: String) throws(ImageFileError) in
            var message = CMessage()
            let profile = options.iccProfile ?? []
            let code = cimageio_jpeg_encode(temporary, samples, UInt32(width), UInt32(height), UInt32(channels),
                                            Int32(options.quality), options.progressive ? 1 : 0,
                                            UInt32(options.orientation ?? 0), profile.isEmpty ? nil : profile,
                                            UInt32(profile.count), &message.buffer, message.buffer.count)
            guard code == CIMAGEIO_OK.rawValue else {
                throw .writeFailed(path: path, reason: message.text)
            }
        }
    }
}
