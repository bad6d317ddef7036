import Foundation
import PigmentCore
import PigmentIO
import XCTest

/// The HTML report opened in a real headless browser (chromium): it renders,
/// it makes no network request, and user text is escaped.
final class HTMLReportTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pigment-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// A report for the PNG fixture pair whose before photo is named
    /// `<script>alert(1)</script>.png` (a folder `<script>alert(1)<` holding `script>.png`).
    func writeReport() throws -> (report: URL, hostileName: String) {
        let files = CLIRunner.pair("png")
        let hostile = folder.appendingPathComponent("<script>alert(1)<")
        try FileManager.default.createDirectory(at: hostile, withIntermediateDirectories: true)
        let before = hostile.appendingPathComponent("script>.png")
        try FileManager.default.copyItem(atPath: files[0], toPath: before.path)
        let report = folder.appendingPathComponent("report.html")
        let result = try CLIRunner.run(["compare", before.path, files[1], "--mask", files[2], "--report", report.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return (report, before.path)
    }

    func testUserTextIsEscaped() throws {
        let (report, name) = try writeReport()
        let html = try String(contentsOf: report, encoding: .utf8)
        XCTAssertTrue(name.hasSuffix("<script>alert(1)</script>.png"))
        XCTAssertFalse(html.contains("<script"), "no script element, and the file name is escaped")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.png"))
    }

    func testEveryImageIsEmbedded() throws {
        let html = try String(contentsOf: try writeReport().report, encoding: .utf8)
        let sources = html.components(separatedBy: "src=\"").dropFirst()
        XCTAssertEqual(sources.count, 6, "outlines ×2, change, melanin ×2, photos")
        XCTAssertTrue(sources.allSatisfy { $0.hasPrefix("data:image/") })
        XCTAssertFalse(html.contains("href=\"http"))
    }

    /// Opens `page` in headless chromium with every request routed through a
    /// local proxy; returns the screenshot and the page's requests.
    func render(_ page: URL) throws -> (screenshot: LinearImage, requests: [String]) {
        guard let chromium = Self.chromium else {
            throw XCTSkip("chromium is not installed: run scripts/install-deps --test (scripts/test does) to test the HTML report in a browser")
        }
        let listener = try LocalListener()
        let shot = folder.appendingPathComponent("shot-\(UUID().uuidString).png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--disable-default-apps", "--proxy-server=http://127.0.0.1:\(listener.port)",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                             "--window-size=1100,1600", "--screenshot=\(shot.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return (try ImageDecoder().decode(shot.path), listener.pageRequests)
    }

    func testReportRendersInABrowserWithoutNetworkRequests() throws {
        let (screenshot, requests) = try render(try writeReport().report)
        XCTAssertEqual(requests, [], "the report must not touch the network")
        let stats = Statistics.meanAndDeviation(screenshot.green.samples)!
        XCTAssertGreaterThan(stats.deviation, 0.05, "the screenshot is not blank")
    }

    func testTheNetworkCheckCatchesARequest() throws {
        // The control: a page that loads a remote image must be caught.
        let page = folder.appendingPathComponent("remote.html")
        try Data("<html><body><img src=\"http://pigment-test.invalid/x.png\"></body></html>".utf8).write(to: page)
        let requests = try render(page).requests
        XCTAssertEqual(requests, ["GET http://pigment-test.invalid/x.png HTTP/1.1"])
    }

    func testBatchIndexLinksEachPairsReport() throws {
        // One subject, three visits: the index has the subject, a chart and links.
        let root = folder.appendingPathComponent("tree/ann")
        let pair = CLIRunner.pair("png")
        for (visit, file) in [("v1", pair[0]), ("v2", pair[1]), ("v3", pair[1])] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(visit), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: file, toPath: root.appendingPathComponent("\(visit)/photo.png").path)
        }
        let out = folder.appendingPathComponent("out")
        let result = try CLIRunner.run(["batch", folder.appendingPathComponent("tree").path, "--out", out.path, "--report", "-q"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("<svg"))
        for id in ["ann--v2--baseline", "ann--v3--baseline", "ann--v3--previous"] {
            XCTAssertTrue(index.contains("href=\"reports/\(id).html\""), id)
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("reports/\(id).html").path), id)
        }
        if Self.chromium != nil {
            XCTAssertEqual(try render(out.appendingPathComponent("index.html")).requests, [])
        }
    }
}

/// An HTTP proxy on 127.0.0.1 that answers every request with 404 and
/// records the request lines, so a test sees what a browser asked for.
final class LocalListener: @unchecked Sendable {
    let socket: Int32
    let port: UInt16
    private let log = RequestLog()

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.socket = socket
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        guard bound == 0, listen(socket, 16) == 0 else { throw XCTSkip("cannot listen on 127.0.0.1") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        self.port = UInt16(bigEndian: address.sin_port)
        let log = self.log
        Thread.detachNewThread {
            while true {
                let connection = accept(socket, nil, nil)
                if connection < 0 { return }
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(connection, &buffer, buffer.count)
                let line = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).components(separatedBy: "\r\n").first ?? ""
                log.append(line)
                let reply = Array("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
                _ = write(connection, reply, reply.count)
                close(connection)
            }
        }
    }

    deinit { shutdown(socket, Int32(SHUT_RDWR)); close(socket) }

    /// Request lines received, less the browser's own housekeeping (update
    /// checks, clock and account services of Google hosts), which are not the page's.
    var pageRequests: [String] {
        log.lines.filter { line in
            let target = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
            let host = (URL(string: target)?.host ?? target.split(separator: ":").first.map(String.init) ?? target).lowercased()
            return !(host.hasSuffix("google.com") || host.hasSuffix("googleapis.com") || host.hasSuffix("gvt1.com"))
        }
    }
}

/// Request lines, appended from the proxy's thread.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) { lock.lock(); stored.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
}
