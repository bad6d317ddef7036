import Foundation
import PigmentCore
import PigmentIO
import XCTest

/// `pigment batch` and `pigment merge` end to end, on a generated tree of
/// subjects and visits (phantoms with known truth).
final class BatchCommandTests: XCTestCase {
    nonisolated(unsafe) static var tree: URL!
    var work: URL!

    /// Four subjects with three visits each (before, faded, cleared; the last
    /// one photographed from a moved camera), and one subject whose middle
    /// visit is a corrupt file.
    override class func setUp() {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pigment-batch-\(UUID().uuidString)")
        let fm = FileManager.default
        for subject in 1...4 {
            let phantoms = root.appendingPathComponent(".phantoms/\(subject)")
            for (name, extra) in [("fade", [String]()), ("clear", ["--shift", "12,8", "--rotate", "3"])] {
                _ = try? CLIRunner.run(["phantom", phantoms.appendingPathComponent(name).path, "--seed", "\(500 + subject)",
                                        "--treatment", name, "--size", "512x384"] + extra)
            }
            let visits = ["v1": "fade/before.jpg", "v2": "fade/after.jpg", "v3": "clear/after.jpg"]
            for (visit, source) in visits {
                let folder = root.appendingPathComponent("subject-\(subject)/\(visit)")
                try? fm.createDirectory(at: folder, withIntermediateDirectories: true)
                try? fm.copyItem(at: phantoms.appendingPathComponent(source), to: folder.appendingPathComponent("photo.jpg"))
            }
            try? fm.copyItem(at: phantoms.appendingPathComponent("fade/mask.png"),
                             to: root.appendingPathComponent("subject-\(subject)/v1/mask.png"))
            // v1 → v2 is exactly the fade phantom pair: its truth rides along.
            try? fm.copyItem(at: phantoms.appendingPathComponent("fade/truth.json"),
                             to: root.appendingPathComponent("subject-\(subject)/v2/truth.json"))
        }
        let broken = root.appendingPathComponent("subject-5")
        for visit in ["v1", "v2", "v3"] {
            try? fm.createDirectory(at: broken.appendingPathComponent(visit), withIntermediateDirectories: true)
        }
        try? fm.copyItem(at: root.appendingPathComponent("subject-1/v1/photo.jpg"), to: broken.appendingPathComponent("v1/photo.jpg"))
        try? Data("not a jpeg".utf8).write(to: broken.appendingPathComponent("v2/photo.jpg"))
        try? fm.copyItem(at: root.appendingPathComponent("subject-1/v2/photo.jpg"), to: broken.appendingPathComponent("v3/photo.jpg"))
        try? fm.removeItem(at: root.appendingPathComponent(".phantoms"))
        tree = root
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: tree) }

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("pigment-batch-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    func rows(_ folder: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: folder.appendingPathComponent("results.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func batch(_ out: URL, _ extra: [String] = []) throws -> CLIRunner.Result {
        try CLIRunner.run(["batch", Self.tree.path, "--out", out.path] + extra)
    }

    /// 4 subjects × (2 baseline + 1 previous) + the broken subject's 3.
    let expectedPairs = 15

    func testEveryPairIsScoredAndACorruptPhotoFailsOnlyItsRows() throws {
        let out = work.appendingPathComponent("all")
        let result = try batch(out)
        XCTAssertEqual(result.status, 1, result.stderr)
        let all = try rows(out)
        XCTAssertEqual(all.count, expectedPairs)
        let failed = all.filter { $0["status"] as? String == "failed" }.compactMap { $0["id"] as? String }.sorted()
        XCTAssertEqual(failed, ["subject-5/v2/baseline", "subject-5/v3/previous"])
        XCTAssertTrue(result.stderr.contains("subject-5/v2/baseline"), result.stderr)
        XCTAssertTrue(result.stderr.contains("2 of 15 pairs failed"), result.stderr)
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        XCTAssertTrue(summary.hasPrefix("subject,visit,baseline_visit,status,pigmented_area_pct,pigmented_area_pp,contrast,contrast_pct"))
        XCTAssertEqual(summary.split(separator: "\n").filter { $0.hasPrefix("subject-2,") }.count, 3, "v1, v2, v3")
        let csv = try String(contentsOf: out.appendingPathComponent("results.csv"), encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\n").count, expectedPairs + 1)
    }

    func testRowsAreWithinTheTruthOfTheirPhantoms() throws {
        let out = work.appendingPathComponent("truth")
        _ = try batch(out, ["--quiet"])
        let text = try String(contentsOf: out.appendingPathComponent("results.jsonl"), encoding: .utf8)
        let rows = text.split(separator: "\n").compactMap { BatchRow(jsonLine: $0) }
        for subject in 1...4 {
            let row = try XCTUnwrap(rows.first { $0.id == "subject-\(subject)/v2/baseline" })
            let report = try XCTUnwrap(row.report)
            let truth = try PhantomFiles.readTruth(Self.tree.appendingPathComponent("subject-\(subject)/v2/truth.json").path)
            XCTAssertEqual(TruthTolerance.violations(before: report.before.measurement, after: report.after.measurement,
                                                     truth: truth, alignment: report.alignment.affine), [], row.id)
        }
    }

    func testARowEqualsPigmentCompareOnTheSamePair() throws {
        let out = work.appendingPathComponent("one")
        _ = try batch(out)
        let row = try XCTUnwrap(try rows(out).first { $0["id"] as? String == "subject-2/v3/baseline" })
        let report = try XCTUnwrap(row["report"] as? [String: Any])
        let folder = Self.tree.appendingPathComponent("subject-2")
        let compare = try CLIRunner.run(["compare", folder.appendingPathComponent("v1/photo.jpg").path,
                                         folder.appendingPathComponent("v3/photo.jpg").path,
                                         "--mask", folder.appendingPathComponent("v1/mask.png").path, "--format", "json"])
        XCTAssertEqual(compare.status, 0, compare.stderr)
        let direct = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
        for key in ["change", "alignment"] {
            XCTAssertEqual(report[key] as? NSDictionary, direct[key] as? NSDictionary, key)
        }
        XCTAssertEqual((report["after"] as? [String: Any])?["contrast"] as? Double,
                       (direct["after"] as? [String: Any])?["contrast"] as? Double)
    }

    func testAKilledRunResumesToEveryPairExactlyOnce() throws {
        let out = work.appendingPathComponent("killed")
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["batch", Self.tree.path, "--out", out.path, "--jobs", "1", "--quiet"]
        try process.run()
        let jsonl = out.appendingPathComponent("results.jsonl")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if let text = try? String(contentsOf: jsonl, encoding: .utf8), text.split(separator: "\n").count >= 3 { break }
            usleep(5_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let before = (try? rows(out).count) ?? 0
        XCTAssertLessThan(before, expectedPairs, "the run was killed before it finished")

        let resumed = try batch(out, ["--resume"])
        XCTAssertEqual(resumed.status, 1, resumed.stderr)
        let ids = try rows(out).compactMap { $0["id"] as? String }
        XCTAssertEqual(ids.count, expectedPairs)
        XCTAssertEqual(Set(ids).count, expectedPairs, "no pair twice")
        XCTAssertTrue(resumed.stderr.contains("resuming:"), resumed.stderr)
    }

    func testShardsMergedEqualTheUnshardedRun() throws {
        let whole = work.appendingPathComponent("whole")
        _ = try batch(whole)
        var shards: [String] = []
        for k in 1...3 {
            let shard = work.appendingPathComponent("shard\(k)")
            _ = try batch(shard, ["--shard", "\(k)/3", "--quiet"])
            shards.append(shard.path)
        }
        let merged = work.appendingPathComponent("merged")
        let result = try CLIRunner.run(["merge"] + shards + ["--out", merged.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        func byId(_ folder: URL) throws -> [String: NSDictionary] {
            Dictionary(uniqueKeysWithValues: try rows(folder).map { ($0["id"] as! String, $0 as NSDictionary) })
        }
        XCTAssertEqual(try byId(merged), try byId(whole))

        let partial = try CLIRunner.run(["merge", shards[0], shards[1], "--out", work.appendingPathComponent("partial").path])
        XCTAssertEqual(partial.status, 1)
        XCTAssertTrue(partial.stderr.contains("missing: "), partial.stderr)
    }

    func testShardAutoReadsTheSlurmArrayVariables() throws {
        let out = work.appendingPathComponent("slurm")
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["batch", Self.tree.path, "--out", out.path, "--shard", "auto", "--quiet"]
        process.environment = ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "0"]
        try process.run()
        process.waitUntilExit()
        let plan = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as? [String: Any])
        XCTAssertEqual((plan["shard"] as? [String: Int])?["index"], 3)
        XCTAssertEqual((plan["shard"] as? [String: Int])?["count"], 3)
    }

    func testProgressIsOneLinePerPairWhenNotATerminal() throws {
        let result = try batch(work.appendingPathComponent("lines"), ["--jobs", "2"])
        let progress = result.stderr.split(separator: "\n").filter { $0.contains("/\(expectedPairs) ") }
        XCTAssertEqual(progress.count, expectedPairs, result.stderr)
    }

    func testProgressIsABarOnATerminal() throws {
        // util-linux `script` runs the batch on a pseudo-terminal.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("/usr/bin/script (util-linux) is missing: cannot give the batch a terminal")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = "'\(CLIRunner.binary.path)' batch '\(Self.tree.path)' --out '\(work.appendingPathComponent("tty").path)' --jobs 2"
        process.arguments = ["-qec", command, "/dev/null"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let frames = output.components(separatedBy: "\r").filter { $0.hasPrefix("[") }
        XCTAssertGreaterThanOrEqual(frames.count, expectedPairs, output)
        XCTAssertTrue(frames.last?.hasPrefix("[##############################] \(expectedPairs)/\(expectedPairs)") ?? false, output)
        XCTAssertTrue(output.contains("pairs/s") && output.contains("ETA") && output.contains("failures 2"), output)
    }

    func testRootAndManifestTogetherAreAUsageError() throws {
        let result = try CLIRunner.run(["batch", Self.tree.path, "--manifest", "x.csv", "--out", work.path])
        XCTAssertEqual(result.status, 2)
    }

    func testManifestRowsAreScored() throws {
        let manifest = work.appendingPathComponent("pairs.csv")
        let s = Self.tree.appendingPathComponent("subject-3").path
        try Data("subject,visit,before,after,mask\nthree,late,\(s)/v1/photo.jpg,\(s)/v3/photo.jpg,\(s)/v1/mask.png\n".utf8).write(to: manifest)
        let out = work.appendingPathComponent("manifest-out")
        let result = try CLIRunner.run(["batch", "--manifest", manifest.path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try rows(out).map { $0["id"] as? String }, ["three/late/pair"])
    }
}
