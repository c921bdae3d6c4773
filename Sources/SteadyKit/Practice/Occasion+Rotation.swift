extension Occasion {
    /// One of `options`, changing once a day and the same all day: for practices that rotate
    /// gently through a few wordings. Deterministic, so a prompt rebuilt later reads the same.
    public func rotating<T>(_ options: [T]) -> T {
        precondition(!options.isEmpty, "nothing to rotate through")
        let count = options.count
        return options[((dayNumber % count) + count) % count]
    }
}
