import XCTest
import PigmentCore

final class AlignmentTests: XCTestCase {
    func run(_ seed: UInt64, _ motion: CameraMotion, after: Nuisance = .none, treatment: Treatment = .mixed,
             model: AlignmentModel = .similarity, size: (Int, Int) = (512, 384)) -> (rms: Double, quality: Double) {
        let spec = PhantomSpec(seed: seed, width: size.0, height: size.1, treatment: treatment, after: after, afterMotion: motion)
        let g = PhantomGenerator(spec: spec)
        let before = g.render(.before), afterImage = g.render(.after)
        let start = Date()
        guard let result = Registration(model: model)!.register(before: before, after: afterImage) else {
            print("seed \(seed): failed"); return (.infinity, 0)
        }
        let truth = motion.transform(beforeWidth: size.0, beforeHeight: size.1)
        var points: [(x: Double, y: Double)] = []
        for y in stride(from: 0, to: size.1, by: 4) { for x in stride(from: 0, to: size.0, by: 4) where g.mask[x, y] { points.append((Double(x) + 0.5, Double(y) + 0.5)) } }
        let rms = result.transform.rmsDistance(to: truth, over: points)
        print(String(format: "seed %d: rms %.3f px quality %.3f scale %.4f rot %.3f (%.2fs)", seed, rms, result.quality, result.transform.scale, result.transform.rotationDegrees, Date().timeIntervalSince(start)))
        return (rms, result.quality)
    }

    func testExperiment() {
        for seed: UInt64 in 25...28 {
            _ = run(seed, CameraMotion(dx: 77, dy: -58, rotationDegrees: 15, zoom: 1.15))
            _ = run(seed, CameraMotion(dx: -77, dy: 58, rotationDegrees: -15, zoom: 0.85))
            _ = run(seed, CameraMotion(dx: -77, dy: -58, rotationDegrees: 15, zoom: 0.85), model: .affine)
        }
        for (s1, s2): (UInt64, UInt64) in [(27, 28), (29, 30), (21, 22)] {
            let a = PhantomGenerator(spec: PhantomSpec(seed: s1)).render(.before)
            let b = PhantomGenerator(spec: PhantomSpec(seed: s2, afterMotion: CameraMotion(dx: 30, rotationDegrees: 5))).render(.after)
            let r = Registration()!.register(before: a, after: b)
            print("unrelated:", r?.quality as Any)
        }
        for seed: UInt64 in [] {
            _ = run(seed, CameraMotion(dx: 50, dy: -30))
            _ = run(seed, CameraMotion(dx: -20, dy: 25, rotationDegrees: 12, zoom: 1.1))
            _ = run(seed, CameraMotion(dx: 60, dy: 40, rotationDegrees: -14, zoom: 0.87), after: Nuisance(exposure: 0.8, whiteBalance: RGB(1.1, 1, 0.85), gradient: 0.5, redness: 0.35))
            _ = run(seed, CameraMotion(dx: 10, dy: 5, rotationDegrees: 5, zoom: 0.9, width: 384, height: 512))
        }
        // unrelated
        let a = PhantomGenerator(spec: PhantomSpec(seed: 25)).render(.before)
        let b = PhantomGenerator(spec: PhantomSpec(seed: 26)).render(.after)
        let r = Registration()!.register(before: a, after: b)
        print("unrelated:", r?.quality as Any, r?.transform as Any)
    }
}
