import SteadyLocalization

/// The self-assessment behind `steady assess`: a few statements per area, each rated 1–5
/// for how often it is so, and a gentle summary of where old patterns show up.
///
/// Pure data for `steady assess`: walk `form` (one scale field per statement), turn the
/// response into an `Assessment.Result` with `result(from:)`, and compare with an earlier
/// result using `Comparison(earlier:later:)`. A result stores only the ratings; every score is
/// derived from them.
///
/// Scoring: every rating is turned into a *pattern score* from 1 to 5, where higher means
/// the anxious pattern shows more. For statements describing a pattern that is the rating
/// itself; for statements describing a resource (feeling secure, being able to self-soothe)
/// it is reversed, `6 − rating`. A pattern score of 3 or more marks a tendency, for a single
/// statement and for an area's mean.
public enum Assessment {
    /// Whether agreeing with a statement means the pattern shows more or less.
    public enum Direction: String, Sendable, Hashable, Codable {
        /// Describes an anxious pattern: a high rating means it shows up often.
        case pattern
        /// Describes a secure resource: a high rating means it is there for you.
        case resource
    }

    /// One statement to rate.
    public struct Statement: Sendable, Hashable, Identifiable {
        /// Stable key, stored in results: never reuse one for a different meaning.
        public let id: String
        public let text: String
        public let direction: Direction

        /// The pattern score (1–5, higher = the pattern shows more) for a 1–5 rating.
        public func patternScore(for rating: Int) -> Int {
            direction == .pattern ? rating : 6 - rating
        }
    }

    /// A group of statements about one part of life.
    public struct Area: Sendable, Hashable, Identifiable {
        public let id: String
        public let title: String
        /// Whether the area's statements describe patterns or resources.
        public let direction: Direction
        public let statements: [Statement]

        init(_ id: String, _ title: String, _ direction: Direction, _ statements: [(String, String)]) {
            self.id = id
            self.title = title
            self.direction = direction
            self.statements = statements.map { Statement(id: "\(id).\($0.0)", text: $0.1, direction: direction) }
        }
    }

    /// The rating scale: 1 never … 5 always.
    public static var scale: Scale { .frequency }

    /// A pattern score at or above this marks a tendency.
    public static let tendencyThreshold = 3

    /// The areas, in the order they are asked.
    public static var areas: [Area] { [
        Area("emotional", tr("Emotional responses"), .pattern, [
            ("doubt-care", tr("I wonder whether the people close to me still care about me.")),
            ("distance-personal", tr("When someone important seems far away or busy, I take it as being about me.")),
            ("reassurance", tr("I need to hear, again and again, that my relationships are all right.")),
            ("mood-follows", tr("How others treat me on a given day decides how I feel that day.")),
        ]),
        Area("communication", tr("Communication and conflict"), .pattern, [
            ("hinting", tr("I hint at what I need and hope the other person works it out.")),
            ("flooded", tr("In a disagreement my feelings rush in and clear thinking goes.")),
            ("over-apologising", tr("I over-explain, or apologise for things that were not mine to carry.")),
            ("fix-at-once", tr("After an argument I feel I have to mend it at once, before we understand it.")),
        ]),
        Area("behaviour", tr("Behaviour in relationships"), .pattern, [
            ("checking", tr("I keep checking my phone for replies from people who matter to me.")),
            ("follow-ups", tr("When a reply is slower than I hoped, I send another message or call.")),
            ("others-first", tr("My choices follow what others want more than what I want.")),
            ("giving-not-receiving", tr("Looking after others feels easier than letting them look after me.")),
        ]),
        Area("security", tr("Security and trust"), .resource, [
            ("steady", tr("I feel steady and confident in my closest relationships.")),
            ("trust-unseen", tr("I trust that people care about me even when they are not showing it.")),
            ("alone-time", tr("I can spend time on my own without worrying about my relationships.")),
            ("loveable", tr("I feel loveable without having to earn it.")),
        ]),
        Area("regulation", tr("Calming and coping"), .resource, [
            ("self-soothe", tr("When a relationship feels shaky, I can calm myself and keep some perspective.")),
            ("tools", tr("I have ways of settling worry that work for me.")),
            ("uncertainty", tr("I can live with not knowing, and with things being imperfect.")),
            ("stay-myself", tr("I stay myself when things between us shift.")),
        ]),
        Area("support", tr("Support and independence"), .resource, [
            ("several-people", tr("I have more than one person I can turn to.")),
            ("own-life", tr("I have friendships and interests of my own, apart from any partner.")),
            ("known", tr("There are people who know the real me.")),
            ("ask-and-manage", tr("I can ask for help, and I can also manage on my own.")),
        ]),
        Area("self-compassion", tr("Self-compassion and worth"), .resource, [
            ("kind-voice", tr("I speak to myself kindly, most of all when things are hard.")),
            ("valid-needs", tr("I treat my own needs as real and worth meeting.")),
            ("deserve", tr("I feel I deserve good things and happiness.")),
            ("strengths-flaws", tr("I can enjoy my strengths and be gentle with my flaws.")),
        ]),
    ] }

    /// Every statement, in order.
    public static var statements: [Statement] { areas.flatMap(\.statements) }

    /// The questionnaire as a form: one 1–5 field per statement, its hint naming the area.
    public static var form: Form { Form(
        id: "self-assessment",
        title: tr("Monthly self-assessment"),
        intro: tr("Rate each sentence from 1 (never) to 5 (always), as things are lately. This is for noticing, not for grading yourself."),
        fields: areas.flatMap { area in
            area.statements.map { FormField(key: $0.id, question: $0.text, hint: area.title, request: .scale(scale)) }
        }) }

    /// The result of a completed form.
    public static func result(from response: FormResponse) throws(FormError) -> Result {
        let checked = try form.response(from: response.values)
        var ratings: [String: Int] = [:]
        for statement in statements {
            ratings[statement.id] = checked.number(statement.id)
        }
        return Result(ratings: ratings)
    }

    // MARK: - Results

    /// One completed assessment: the ratings, and everything derived from them.
    public struct Result: Sendable, Hashable, Codable {
        /// Statement id → rating 1–5. Statements left out are not scored.
        public var ratings: [String: Int]

        public init(ratings: [String: Int]) { self.ratings = ratings }

        /// The score of every area with at least one rated statement, in order.
        public var areas: [AreaScore] {
            Assessment.areas.compactMap { area in
                let scored: [(Statement, Int)] = area.statements.compactMap { statement in
                    guard let rating = ratings[statement.id], Assessment.scale.range.contains(rating) else { return nil }
                    return (statement, statement.patternScore(for: rating))
                }
                guard !scored.isEmpty else { return nil }
                let mean = Double(scored.reduce(0) { $0 + $1.1 }) / Double(scored.count)
                return AreaScore(
                    area: area, meanPatternScore: mean,
                    tendencies: scored.filter { $0.1 >= Assessment.tendencyThreshold }.map(\.0.id))
            }
        }

        /// The score of one area, if any of its statements were rated.
        public func score(of areaID: String) -> AreaScore? { areas.first { $0.area.id == areaID } }
    }

    /// How one area came out.
    public struct AreaScore: Sendable, Hashable {
        public let area: Area
        /// Mean pattern score of the rated statements, 1–5 (higher: the pattern shows more).
        public let meanPatternScore: Double
        /// Ids of the statements whose pattern score reached the threshold.
        public let tendencies: [String]

        /// Whether the area as a whole leans towards the anxious pattern (mean of 3 or more).
        public var marksTendency: Bool { meanPatternScore >= Double(Assessment.tendencyThreshold) }

        /// One kind sentence for the area.
        public var summary: String {
            switch (area.direction, marksTendency) {
            // TRANSLATORS: %1$@ is an area of the self-assessment, e.g. "Communication and conflict".
            case (.pattern, true): tr("%1$@: this pattern shows up for you fairly often lately.", area.title)
            case (.pattern, false): tr("%1$@: this pattern shows up only now and then.", area.title)
            case (.resource, true): tr("%1$@: an area that could use some extra care.", area.title)
            case (.resource, false): tr("%1$@: something you can already lean on.", area.title)
            }
        }
    }

    // MARK: - Comparison

    /// How each area moved between two assessments.
    public struct Comparison: Sendable, Hashable {
        /// Which way an area moved.
        public enum Movement: String, Sendable, Hashable {
            /// The pattern shows less (or the resource is stronger).
            case eased
            /// Within half a point.
            case aboutTheSame
            /// The pattern shows more (or the resource is weaker).
            case rose
        }

        /// One area in both assessments.
        public struct AreaChange: Sendable, Hashable {
            public let area: Area
            public let before: Double
            public let after: Double
            /// `after - before` in pattern score: negative when the pattern eased.
            public var change: Double { after - before }

            public var movement: Movement {
                abs(change) < Comparison.sameWithin ? .aboutTheSame : change < 0 ? .eased : .rose
            }

            /// One kind sentence about the change.
            public var summary: String {
                let resource = area.direction == .resource
                switch movement {
                case .eased:
                    return resource ? tr("%1$@: feels stronger than last time.", area.title) : tr("%1$@: shows up less than last time.", area.title)
                case .aboutTheSame: return tr("%1$@: about the same as last time.", area.title)
                case .rose:
                    return resource
                        ? tr("%1$@: feels a little harder to reach than last time; that happens in busy or stressful stretches.", area.title)
                        : tr("%1$@: a bit more present than last time; that happens in busy or stressful stretches.", area.title)
                }
            }
        }

        /// Changes smaller than this (in mean pattern score) count as "about the same".
        public static let sameWithin = 0.5

        /// Areas scored in both assessments, in order.
        public let changes: [AreaChange]

        public init(earlier: Result, later: Result) {
            let before = Dictionary(uniqueKeysWithValues: earlier.areas.map { ($0.area.id, $0.meanPatternScore) })
            changes = later.areas.compactMap { score in
                before[score.area.id].map { AreaChange(area: score.area, before: $0, after: score.meanPatternScore) }
            }
        }
    }
}
