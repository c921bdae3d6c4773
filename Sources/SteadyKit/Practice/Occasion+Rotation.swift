extension Occasion {
    /// One of `options`, changing once a day and the same all day: for practices that rotate
    /// gently through a few wordings. Deterministic, so a prompt rebuilt later reads the same.
    public func rotating<T>(_ options: [T]) -> T {
        options.cycling(at: dayNumber)
    }
}

extension Array {
    /// The element at `index` counted round and round the array (negative indexes count back).
    func cycling(at index: Int) -> Element {
        precondition(!isEmpty, "nothing to rotate through")
        return self[((index % count) + count) % count]
    }
}
