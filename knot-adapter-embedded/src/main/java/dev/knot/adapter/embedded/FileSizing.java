package dev.knot.adapter.embedded;

/**
 * How a Chronicle Map file is sized up front. Chronicle allocates the file sparsely from these numbers and grows
 * it in extra tiers when they are exceeded (up to {@code maximumBloat} times), so they are generous guesses of a
 * large installation rather than limits.
 *
 * @param averageValueSize bytes of one stored part, on average (parts are at most {@link RecordFile#PART_SIZE})
 * @param entries how many parts the file is laid out for
 */
record FileSizing(int averageValueSize, long entries, double maximumBloat) {
    FileSizing {
        if (averageValueSize <= 0 || entries <= 0 || maximumBloat < 1) {
            throw new IllegalArgumentException("file sizing must be positive, got " + averageValueSize + ", "
                    + entries + ", " + maximumBloat);
        }
    }
}
