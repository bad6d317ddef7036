// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pigment",
    products: [
        .executable(name: "pigment", targets: ["pigment"]),
        .library(name: "PigmentCore", targets: ["PigmentCore"]),
        .library(name: "PigmentIO", targets: ["PigmentIO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // System libraries, found with pkg-config.
        .systemLibrary(
            name: "CLibPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"]), .brew(["libpng"])]
        ),
        .systemLibrary(
            name: "CLibJPEG",
            pkgConfig: "libjpeg",
            providers: [.apt(["libjpeg-dev"]), .brew(["jpeg-turbo"])]
        ),
        .systemLibrary(
            name: "CLibHEIF",
            pkgConfig: "libheif",
            providers: [.apt(["libheif-dev"]), .brew(["libheif"])]
        ),
        .systemLibrary(
            name: "CLCMS2",
            pkgConfig: "lcms2",
            providers: [.apt(["liblcms2-dev"]), .brew(["little-cms2"])]
        ),
        // glibc's allocator settings (<malloc.h>), for the command-line tool.
        .systemLibrary(name: "CMalloc"),
        // The CPU extensions a build for the host's CPU (scripts/build) relies on, checked at start.
        .target(name: "CHostCPU"),
        // Thin C shim: decode, EXIF orientation, errors (setjmp stays in C).
        .target(name: "CImageIO", dependencies: ["CLibPNG", "CLibJPEG", "CLibHEIF"]),
        // Pure computation: images, colour, decomposition, detection, metrics, phantoms.
        .target(name: "PigmentCore"),
        // I/O: decoding and encoding files, reports, phantom files.
        .target(name: "PigmentIO", dependencies: [
            "PigmentCore", "CImageIO", "CLCMS2",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The command-line tool.
        .executableTarget(
            name: "pigment",
            dependencies: [
                "PigmentCore", "PigmentIO", "CHostCPU", .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PigmentCoreTests", dependencies: ["PigmentCore"]),
        .testTarget(name: "PigmentIOTests", dependencies: ["PigmentIO", "PigmentCore", "CLCMS2", "CLibHEIF"]),
        .testTarget(name: "PigmentCLITests", dependencies: ["pigment", "PigmentIO", "PigmentCore", "CHostCPU"]),
    ]
)
