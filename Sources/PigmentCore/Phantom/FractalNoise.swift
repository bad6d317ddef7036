/// Smooth random fields for skin texture: value noise on a lattice of a given
/// cell size, summed over octaves.
enum FractalNoise {
    /// One octave per (cell size in pixels, standard deviation of lattice values).
    static func field(width: Int, height: Int, octaves: [(cell: Double, amplitude: Double)],
                      random: inout SeededRandom) -> [Float] {
        var out = [Float](repeating: 0, count: width * height)
        for octave in octaves {
            let cell = max(1, octave.cell)
            let columns = Int(Double(width) / cell) + 3, rows = Int(Double(height) / cell) + 3
            let lattice = (0..<(columns * rows)).map { _ in Float(octave.amplitude * random.gaussian()) }
            for y in 0..<height {
                let gy = Double(y) / cell
                let j = Int(gy)
                let ty = Float(smooth(gy - Double(j)))
                for x in 0..<width {
                    let gx = Double(x) / cell
                    let i = Int(gx)
                    let tx = Float(smooth(gx - Double(i)))
                    let a = lattice[j * columns + i], b = lattice[j * columns + i + 1]
                    let c = lattice[(j + 1) * columns + i], d = lattice[(j + 1) * columns + i + 1]
                    out[y * width + x] += (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty
                }
            }
        }
        return out
    }

    private static func smooth(_ t: Double) -> Double { t * t * (3 - 2 * t) }
}
