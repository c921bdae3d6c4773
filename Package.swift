// swift-tools-version:6.0
import PackageDescription

/// A practice plugin: one library target under `Plugins/<Name>`, depending only on SteadyKit
/// (and SteadyLocalization, for `tr`, to translate its words).
func practice(_ name: String) -> Target {
    .target(name: name, dependencies: ["SteadyKit", "SteadyLocalization"], path: "Plugins/\(name)")
}

let practiceNames = [
    "MorningMindfulness", "EveningReflection", "SleepWindDown", "ReachOut", "SelfCompassion", "Wins", "SelfAssessment",
    "TriggerJournal", "Asking", "Boundaries", "TimeAlone",
]

let package = Package(
    name: "steady",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "steady", targets: ["steady"]),
        .library(name: "SteadyKit", targets: ["SteadyKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        // gettext lookups (tr/trn/trc), the locale set at start, and glibc locale time formats.
        .systemLibrary(name: "CLocale"),
        .target(name: "SteadyLocalization", dependencies: ["CLocale"]),
        .target(name: "SteadyKit", dependencies: ["SteadyLocalization"]),
        // The calendar (systemd OnCalendar expressions and timestamps): no dependency on SteadyKit.
        .target(name: "SteadyCalendar", dependencies: ["SteadyLocalization"]),
        .target(name: "SteadyJournal", dependencies: [
            "SteadyKit", "SteadyLocalization", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "SteadyBus", dependencies: ["CSystemd"]),
        .target(name: "SteadyService", dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")]),
        .target(name: "SteadyInstall", dependencies: ["SteadyKit", "SteadyLocalization"]),
        .target(name: "SteadyNotifications", dependencies: ["SteadyKit", "SteadyBus", "CSystemd"]),
        .target(name: "SteadyConfig", dependencies: ["SteadyKit", "SteadyCalendar", "SteadyExternal", "SteadyLocalization", "TOMLKit"]),
        .target(name: "SteadyControl", dependencies: ["SteadyKit"]),
        .target(name: "SteadyCheckIn", dependencies: [
            "SteadyKit", "SteadyCalendar", "SteadyJournal", "SteadyConfig", "SteadyLocalization", .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "SteadyTerminal", dependencies: ["SteadyKit", "SteadyLocalization"]),
        .target(name: "SteadyExternal", dependencies: ["SteadyKit", "SteadyLocalization"]),
        .target(
            name: "SteadyDaemon",
            dependencies: [
                "CSystemd", "SteadyKit", "SteadyCalendar", "SteadyJournal", "SteadyBus", "SteadyService", "SteadyNotifications", "SteadyConfig", "SteadyControl", "SteadyExternal",
                "SteadyCheckIn", "SteadyLocalization",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "SteadyInsights", dependencies: ["SteadyKit", "SteadyCalendar", "SteadyJournal", "SteadyLocalization"]),
    ] + practiceNames.map(practice) + [
        .target(name: "BuiltinPractices", dependencies: ["SteadyKit"] + practiceNames.map { .target(name: $0) },
                path: "Plugins/BuiltinPractices"),
        .executableTarget(
            name: "steady",
            dependencies: [
                "SteadyInsights",
                "SteadyKit", "SteadyCalendar", "SteadyJournal", "SteadyService", "SteadyInstall", "SteadyConfig", "SteadyControl", "SteadyDaemon", "SteadyCheckIn",
                "BuiltinPractices", "SelfAssessment", "Wins", "SteadyTerminal", "SteadyLocalization",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["EmbedManualPage"]),
        // Compiles docs/steady.1 into `steady` (ServiceManualPage.text) at build time.
        .plugin(name: "EmbedManualPage", capability: .buildTool(), path: "BuildTools/EmbedManualPage"),
        .executableTarget(
            name: "steady-bench",
            dependencies: [
                "SteadyKit", "SteadyJournal", "SteadyInsights",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(name: "SteadyTestSupport", dependencies: ["SteadyBus", "SteadyExternal", "CSystemd", "SteadyLocalization"],
                path: "Tests/SteadyTestSupport"),
        .testTarget(name: "SteadyKitTests", dependencies: ["SteadyKit", "SteadyTestSupport"]),
        .testTarget(name: "SteadyCalendarTests", dependencies: ["SteadyCalendar"]),
        .testTarget(name: "SteadyJournalTests", dependencies: ["SteadyJournal", "SteadyTestSupport"]),
        .testTarget(name: "SteadyConfigTests", dependencies: ["SteadyConfig", "BuiltinPractices", "SteadyTestSupport"]),
        .testTarget(name: "SteadyBusTests", dependencies: ["SteadyBus", "SteadyTestSupport"]),
        .testTarget(name: "SteadyServiceTests", dependencies: ["SteadyService", "SteadyTestSupport"]),
        .testTarget(name: "SteadyInstallTests", dependencies: ["SteadyInstall", "SteadyTestSupport"]),
        .testTarget(name: "SteadyNotificationsTests", dependencies: ["SteadyNotifications", "SteadyBus", "CSystemd", "SteadyTestSupport"]),
        .testTarget(name: "PracticeTests", dependencies: ["BuiltinPractices", "SteadyKit", "SteadyCalendar", "SteadyLocalization", "SteadyTestSupport"]),
        .testTarget(name: "SteadyLocalizationTests", dependencies: ["SteadyLocalization", "SteadyKit", "BuiltinPractices", "SteadyTestSupport"]),
        .testTarget(name: "SteadyTerminalTests", dependencies: ["SteadyTerminal", "SteadyKit", "SteadyTestSupport"]),
        .testTarget(name: "SteadyExternalTests", dependencies: ["SteadyExternal", "SteadyKit", "SteadyTestSupport"]),
        .testTarget(name: "SteadyDaemonTests",
                    dependencies: ["SteadyDaemon", "SteadyCheckIn", "SteadyConfig", "SteadyJournal", "SteadyKit", "SteadyCalendar", "BuiltinPractices", "SteadyTestSupport"]),
        .testTarget(name: "SteadyCheckInTests",
                    dependencies: ["SteadyCheckIn", "SteadyConfig", "SteadyJournal", "SteadyKit", "SteadyCalendar", "BuiltinPractices", "SteadyTestSupport"]),
        .testTarget(name: "SteadyInsightsTests", dependencies: ["SteadyInsights", "SteadyJournal", "SteadyKit", "SteadyTestSupport", "SteadyLocalization"],
                    exclude: ["Scripts"]),
        .testTarget(name: "EndToEndTests", dependencies: ["SteadyJournal", "SteadyKit", "SteadyTestSupport"]),
        // Nine real notification servers, each driven by the release binary (make test builds it).
        .testTarget(name: "ServerMatrixTests", dependencies: ["SteadyTestSupport", "SteadyExternal"], exclude: ["Scripts"]),
    ]
)
