/// The natural logarithm without a call or a branch, so that loops over a
/// photo's pixels vectorise (the C library's `logf` is called once per value
/// and was the largest single cost of making the maps).
///
/// Cephes' `logf`: the argument is split into a mantissa in [√½, √2) and a
/// power of two; the logarithm of the mantissa is a degree-9 polynomial in
/// (mantissa − 1), and the power of two's part is added in two pieces so that
/// no precision is lost. Relative error below 1.2e-7 (one unit in the last
/// place) for positive normal arguments (``LogarithmTests``); `logf` rounds
/// correctly in nearly every case.
public enum Logarithm {
    /// ln x; `x` must be a positive, finite, normal number.
    @inlinable @inline(__always)
    public static func natural(_ x: Float) -> Float {
        let bits = x.bitPattern
        // x = m · 2^e with m in [0.5, 1); the exponent's bits become a float
        // by placing them under 2^23's.
        var e = Float(bitPattern: (bits >> 23) | 0x4b00_0000) - (8_388_608 + 126)
        var m = Float(bitPattern: (bits & 0x007f_ffff) | 0x3f00_0000)
        // Mantissa into [√½, √2): below √½ it is doubled and the exponent lowered.
        let small = m < 0.707_106_78
        e = small ? e - 1 : e
        m = (small ? m + m : m) - 1
        let z = m * m
        var p: Float = 7.037_683_629_2e-2
        p = p * m - 1.151_461_031_0e-1
        p = p * m + 1.167_699_874_0e-1
        p = p * m - 1.242_014_084_6e-1
        p = p * m + 1.424_932_278_7e-1
        p = p * m - 1.666_805_766_5e-1
        p = p * m + 2.000_071_476_5e-1
        p = p * m - 2.499_999_399_3e-1
        p = p * m + 3.333_333_117_4e-1
        var y = p * m * z
        y += e * -2.121_944_40e-4
        y -= 0.5 * z
        return m + y + e * 0.693_359_375
    }
}
