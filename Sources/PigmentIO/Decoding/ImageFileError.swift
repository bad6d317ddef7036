/// Why an image file could not be read or written. Every case names the file.
public enum ImageFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist, is not a regular file, or cannot be opened.
    case unreadable(path: String, reason: String)
    /// The file is empty or is not a PNG, JPEG or HEIF image.
    case notAnImage(path: String, reason: String)
    /// A PNG, JPEG or HEIF whose data is damaged or truncated.
    case corrupt(path: String, format: ImageFormat, reason: String)
    /// A valid image of a kind pigment does not measure (CMYK, 12-bit JPEG).
    case unsupported(path: String, reason: String)
    /// The header announces more pixels than the limit.
    case tooLarge(path: String, reason: String)
    /// The output file could not be written.
    case writeFailed(path: String, reason: String)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .unreadable(let p, _), .notAnImage(let p, _), .corrupt(let p, _, _),
             .unsupported(let p, _), .tooLarge(let p, _), .writeFailed(let p, _):
            return p
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let p, let r): return "\(p): cannot read: \(r)"
        case .notAnImage(let p, let r): return "\(p): not an image: \(r)"
        case .corrupt(let p, let f, let r): return "\(p): corrupt \(f.rawValue.uppercased()): \(r)"
        case .unsupported(let p, let r): return "\(p): unsupported image: \(r)"
        case .tooLarge(let p, let r): return "\(p): image too large: \(r)"
        case .writeFailed(let p, let r): return "\(p): cannot write: \(r)"
        }
    }
}
