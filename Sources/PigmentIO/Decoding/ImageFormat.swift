/// Image file formats pigment reads; it writes PNG and JPEG.
public enum ImageFormat: String, Sendable, CaseIterable, Codable {
    case png, jpeg
    /// HEIF: HEIC (HEVC-coded, as phones save) and AVIF; read only.
    case heif

    /// Whether pigment writes this format (pictures, phantoms, aligned photos).
    public var isWritten: Bool { self != .heif }

    /// HEIF brands (ISO/IEC 23008-12, AVIF) after a file's `ftyp` box type.
    static let heifBrands: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis"]

    /// Recognises a format from a file's first bytes (12 are enough).
    public init?(signature bytes: [UInt8]) {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if bytes.count >= 12, bytes[4..<8].elementsEqual("ftyp".utf8),
                  Self.heifBrands.contains(String(decoding: bytes[8..<12], as: UTF8.self)) {
            self = .heif
        } else {
            return nil
        }
    }

    /// File name extensions of photos pigment reads, with their formats, in
    /// the order messages list them.
    public static let pathExtensions: [(pathExtension: String, format: ImageFormat)] = [
        ("jpg", .jpeg), ("jpeg", .jpeg), ("png", .png), ("heic", .heif), ("heif", .heif), ("avif", .heif),
    ]

    /// `*.jpg, *.jpeg, …`: the file names a folder of photos may hold.
    public static var photoPatterns: String { pathExtensions.map { "*.\($0.pathExtension)" }.joined(separator: ", ") }

    /// The format a file name's extension asks for.
    public init?(pathExtension: String) {
        let name = pathExtension.lowercased()
        guard let format = Self.pathExtensions.first(where: { $0.pathExtension == name })?.format else { return nil }
        self = format
    }
}
