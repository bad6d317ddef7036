import Foundation

/// The sRGB transfer function (IEC 61966-2-1).
public enum SRGB {
    /// Encoded value (0–1) to linear light (0–1).
    @inlinable
    public static func decode(_ v: Double) -> Double {
        v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }

    /// Linear light (0–1) to encoded value (0–1).
    @inlinable
    public static func encode(_ v: Double) -> Double {
        let c = min(max(v, 0), 1)
        return c <= 0.0031308 ? c * 12.92 : 1.055 * pow(c, 1 / 2.4) - 0.055
    }

    /// Linear light at 4096 even steps of the encoded value, for ``decodeFast(_:)``.
    @usableFromInline
    static let decodeTable4096: [Float] = (0...4096).map { Float(decode(Double($0) / 4096)) }

    /// Encoded value (0–1, clamped) to linear light by table interpolation
    /// (error below 1e-6).
    @inlinable
    public static func decodeFast(_ v: Float) -> Float {
        decodeTable4096.withUnsafeBufferPointer { decodeFast(v, table: $0) }
    }

    /// ``decodeFast(_:)`` with the table at hand, for loops (see ``withDecodeTable(_:)``).
    @inlinable @inline(__always)
    public static func decodeFast(_ v: Float, table: UnsafeBufferPointer<Float>) -> Float {
        let x = min(max(v, 0), 1) * 4096
        let i = min(Int(x), 4095)
        return table[i] + (table[i + 1] - table[i]) * (x - Float(i))
    }

    /// Calls `body` with the table that ``decodeFast(_:table:)`` reads.
    @inlinable
    public static func withDecodeTable<R>(_ body: (UnsafeBufferPointer<Float>) -> R) -> R {
        decodeTable4096.withUnsafeBufferPointer(body)
    }

    /// Linear light to an 8-bit code value, rounded.
    @inlinable
    public static func encode8(_ v: Float) -> UInt8 {
        UInt8((encode(Double(v)) * 255).rounded())
    }
}
