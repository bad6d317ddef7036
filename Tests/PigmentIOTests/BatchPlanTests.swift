import Foundation
import PigmentIO
import XCTest

/// How a batch finds its pairs, splits them into shards and keeps its output.
final class BatchPlanTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws { root = try FixturePaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func touch(_ path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: url)
    }

    func testEachVisitIsComparedWithTheFirstAndThePreviousVisit() throws {
        for visit in ["2026-01-10", "2026-02-14", "2026-03-20"] { try touch("ann/\(visit)/photo.jpg") }
        try touch("ann/2026-01-10/mask.png")
        let plan = try BatchPlan.discover(root: root.path)
        XCTAssertEqual(plan.pairs.map(\.id), ["ann/2026-02-14/baseline", "ann/2026-03-20/baseline", "ann/2026-03-20/previous"])
        XCTAssertEqual(plan.pairs[1].beforeVisit, "2026-01-10")
        XCTAssertEqual(plan.pairs[2].beforeVisit, "2026-02-14")
        XCTAssertTrue(plan.pairs[0].mask?.hasSuffix("ann/2026-01-10/mask.png") ?? false, "the before visit's mask")
        XCTAssertNil(plan.pairs[2].mask)
        XCTAssertEqual(plan.problems, [])
    }

    func testAVisitWithoutOnePhotoIsAProblemNotAnAbort() throws {
        try touch("bob/v1/photo.jpg")
        try touch("bob/v2/notes.txt")
        try touch("bob/v3/a.jpg")
        try touch("bob/v3/b.png")
        let plan = try BatchPlan.discover(root: root.path)
        XCTAssertEqual(plan.problems.map(\.visit), ["v2", "v3"])
        XCTAssertTrue(plan.problems[1].message.contains("2 photos"))
        XCTAssertEqual(plan.pairs, [])
    }

    func testAFolderWithBeforeAndAfterIsASinglePair() throws {
        try touch("cy/laser/before.jpg")
        try touch("cy/laser/after.png")
        try touch("dee/before.jpg")
        try touch("dee/after.jpg")
        let plan = try BatchPlan.discover(root: root.path)
        XCTAssertEqual(plan.pairs.map(\.id), ["cy/laser/pair", "dee/-/pair"])
    }

    func testManifestPathsAreRelativeToTheManifest() throws {
        try touch("photos/a.jpg")
        let manifest = root.appendingPathComponent("list.csv")
        try Data("subject,visit,before,after,mask\nann,\"week 4, left\",photos/a.jpg,/abs/b.jpg,\n".utf8).write(to: manifest)
        let plan = try BatchPlan.manifest(manifest.path)
        XCTAssertEqual(plan.pairs.count, 1)
        XCTAssertEqual(plan.pairs[0].visit, "week 4, left")
        XCTAssertEqual(plan.pairs[0].before, root.appendingPathComponent("photos/a.jpg").standardizedFileURL.path)
        XCTAssertEqual(plan.pairs[0].after, "/abs/b.jpg")
        XCTAssertNil(plan.pairs[0].mask)
    }

    func testManifestWithoutTheColumnsIsRefused() throws {
        let manifest = root.appendingPathComponent("list.csv")
        try Data("name,first,second\nann,a.jpg,b.jpg\n".utf8).write(to: manifest)
        XCTAssertThrowsError(try BatchPlan.manifest(manifest.path)) { error in
            XCTAssertTrue("\(error)".contains("subject,visit,before,after,mask"), "\(error)")
        }
    }

    func testShardsSplitThePairsExactlyOnce() throws {
        let ids = (0..<300).map { "subject-\($0 % 37)/visit-\($0)/baseline" }
        var owners = [String: Int]()
        for k in 1...3 {
            for id in ids where Shard(index: k, count: 3).contains(id) { owners[id, default: 0] += 1 }
        }
        XCTAssertEqual(owners.count, ids.count)
        XCTAssertTrue(owners.values.allSatisfy { $0 == 1 })
        let sizes = (1...3).map { k in ids.filter { Shard(index: k, count: 3).contains($0) }.count }
        XCTAssertTrue(sizes.allSatisfy { $0 > 60 }, "\(sizes)")
    }

    func testShardAutoReadsSlurmAndKubernetesVariables() throws {
        XCTAssertEqual(try Shard(environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0"]),
                       Shard(index: 2, count: 4))
        XCTAssertEqual(try Shard(environment: ["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1"]),
                       Shard(index: 4, count: 4))
        XCTAssertEqual(try Shard(environment: ["JOB_COMPLETION_INDEX": "0", "JOB_COMPLETIONS": "3"]), Shard(index: 1, count: 3))
        XCTAssertThrowsError(try Shard(environment: ["JOB_COMPLETION_INDEX": "2"]))
        XCTAssertThrowsError(try Shard(environment: [:]))
        XCTAssertThrowsError(try Shard(parsing: "4/3"))
        XCTAssertThrowsError(try Shard(parsing: "0/3"))
    }

    func testResumeKeepsRowsOfTheSameInputsAndDropsTornAndStaleLines() throws {
        let pair = { (visit: String) in
            BatchPair(subject: "s", visit: visit, beforeVisit: "v0", reference: .baseline, before: "a", after: "b", mask: nil)
        }
        let folder = root.appendingPathComponent("out").path
        do {
            let output = try BatchOutput(folder: folder, resume: false, expected: [:])
            try output.append(BatchRow(pair: pair("v1"), key: "k1", status: .failed, error: "x", report: nil))
            try output.append(BatchRow(pair: pair("v2"), key: "old", status: .failed, error: "x", report: nil))
        }
        let jsonl = URL(fileURLWithPath: folder).appendingPathComponent("results.jsonl")
        let handle = try FileHandle(forWritingTo: jsonl)
        handle.seekToEndOfFile()
        handle.write(Data("{\"id\":\"s/v3/base".utf8))  // a torn last line
        try handle.close()
        let resumed = try BatchOutput(folder: folder, resume: true,
                                      expected: ["s/v1/baseline": "k1", "s/v2/baseline": "new", "s/v3/baseline": "k3"])
        XCTAssertEqual(resumed.rows.map(\.id), ["s/v1/baseline"])
        let lines = try String(contentsOf: jsonl, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let csv = try String(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent("results.csv"), encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\n").count, 2, "header and the kept row")
    }
}
