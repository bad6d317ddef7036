/// Why a photo could not be analysed.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The absorption vectors cannot be separated from each other or from shading.
    case degenerateVectors(String)
    /// A mask or second photo does not have the size of the first photo.
    case sizeMismatch(expected: (Int, Int), found: (Int, Int))
    /// The region of interest is too small to hold a background and a spot.
    case regionTooSmall(pixels: Int)

    public static func == (a: AnalysisError, b: AnalysisError) -> Bool { a.description == b.description }

    public var description: String {
        switch self {
        case .degenerateVectors(let text):
            return "absorption vectors \(text) cannot separate melanin from hemoglobin and shading"
        case .sizeMismatch(let e, let f):
            return "size \(f.0)x\(f.1) does not match \(e.0)x\(e.1)"
        case .regionTooSmall(let pixels):
            return "region of interest has only \(pixels) pixels"
        }
    }
}
