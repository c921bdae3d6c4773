import SteadyKit
import Testing

@Suite struct FormTests {
    let form = Form(
        id: "sample", title: "Sample", intro: "A sample form.",
        fields: [
            FormField(key: "what", question: "What happened?", request: .text(placeholder: "…")),
            FormField(key: "how-strong", question: "How strong?", request: .scale(.intensity)),
            FormField(key: "kind", question: "Kind?", request: .choices([Choice(key: "a", label: "A")]), isOptional: true),
        ])

    @Test func response_withEveryRequiredField_isAccepted() throws {
        let response = try form.response(from: ["what": .text("a late reply"), "how-strong": .number(6)])
        #expect(response.formID == "sample")
        #expect(response.text("what") == "a late reply")
        #expect(response.number("how-strong") == 6)
        #expect(response.choice("kind") == nil)
    }

    @Test func response_withoutARequiredField_namesIt() {
        #expect(throws: FormError.missing(field: "how-strong")) {
            try form.response(from: ["what": .text("a late reply")])
        }
    }

    @Test func response_withUnknownField_isRejected() {
        #expect(throws: FormError.unknownField("mood", form: "sample")) {
            try form.response(from: ["what": .text("x"), "how-strong": .number(2), "mood": .number(1)])
        }
    }

    @Test(arguments: [
        ("how-strong", AnswerValue.number(11)),
        ("how-strong", AnswerValue.text("7")),
        ("kind", AnswerValue.choice("b")),
        ("what", AnswerValue.text("   ")),
    ])
    func response_withValueThatDoesNotFit_saysWhatFits(key: String, value: AnswerValue) {
        var values: [String: AnswerValue] = ["what": .text("x"), "how-strong": .number(2)]
        values[key] = value
        #expect(throws: FormError.doesNotFit(field: key, expected: form[key]!.request.expectation)) {
            try form.response(from: values)
        }
    }

    @Test func parse_readsTypedReplies_andLeavesOutBlankOptionalOnes() throws {
        #expect(try form.parse("7", for: "how-strong") == .number(7))
        #expect(try form.parse("1", for: "kind") == .choice("a"))
        #expect(try form.parse("  ", for: "kind") == nil)
    }

    @Test func parse_ofBadReply_explainsWithTheAnswerError() {
        #expect(throws: FormError.invalid(field: "how-strong", .outsideScale("12", scale: .intensity))) {
            try form.parse("12", for: "how-strong")
        }
        #expect(throws: FormError.self) { try form.parse("", for: "what") }
    }

    @Test func errors_readAsSentences() {
        #expect(FormError.missing(field: "what").description == "'what' needs an answer before the form can be saved.")
    }
}
