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
        let x = min(max(v, 0), 1) * 4096
        let i = min(Int(x), 4095)
        let f = x - Float(i)
        return decodeTable4096[i] + (decodeTable4096[i + 1] - decodeTable4096[i]) * f
    }

    /// ``decodeFast(_:)`` applied in place to every value of `values`.
    public static func decodeFast(_ values: UnsafeMutableBufferPointer<Float>) {
        decodeTable4096.withUnsafeBufferPointer { table in
            for i in values.indices {
                let x = min(max(values[i], 0), 1) * 4096
                let k = min(Int(x), 4095)
                values[i] = table[k] + (table[k + 1] - table[k]) * (x - Float(k))
            }
        }
    }

    /// Linear light to an 8-bit code value, rounded.
    @inlinable
    public static func encode8(_ v: Float) -> UInt8 {
        UInt8((encode(Double(v)) * 255).rounded())
    }
}
