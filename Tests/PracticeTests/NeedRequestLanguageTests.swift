import SteadyKit
import SteadyTestSupport
import Testing

/// `steady ask` rewords a request by English grammar only while the words are English; in
/// German the frame is German and the request stays in the person's own words.
@Suite struct NeedRequestLanguageTests {
    @Test func inGerman_theFrameIsGerman_andTheRequestStaysInTheirOwnWords() throws {
        let messages = try Catalogues.inLocale("de_DE.UTF-8") {
            [NeedRequest.message(to: " Sam ", feeling: "einsam", request: "ruf mich heute Abend an."),
             NeedRequest.message(feeling: "Unruhig", request: "kannst du mich heute anrufen?"),
             NeedRequest.message(feeling: "müde", request: "I need you to call me")]
        }
        #expect(messages == [
            "Sam, ich fühle mich in letzter Zeit einsam. Was mir helfen würde: ruf mich heute Abend an.",
            "Ich fühle mich in letzter Zeit unruhig. Kannst du mich heute anrufen?",
            // No English grammar on words in German: they are kept as written.
            "Ich fühle mich in letzter Zeit müde. Was mir helfen würde: I need you to call me.",
        ])
    }

    @Test func inEnglish_theRequestIsReworded_intoOneCalmQuestion() throws {
        try Catalogues.bound()
        #expect(NeedRequest.message(to: " Sam ", feeling: "Lonely", request: "I need you to call me") == "Sam, I've been feeling lonely lately. Could you call me?")
        #expect(NeedRequest.message(feeling: "tired", request: "I'd like some time to myself.") == "I've been feeling tired lately. Would it be all right with you if I had some time to myself?")
    }
}
