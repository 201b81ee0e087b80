package dev.knot.app.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the known key an unknown one was probably meant to be (a typo such as "lsiten"). */
final class ClosestKey {
    private ClosestKey() {}

    static Optional<String> among(String unknown, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(unknown, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // A typo changes a few letters; beyond a third of the word it is a different word.
        int tolerance = Math.max(2, unknown.length() / 3);
        return bestDistance <= tolerance ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Optimal string alignment distance: Levenshtein plus swapping two neighbours, the commonest typo. */
    static int distance(String first, String second) {
        int[][] cost = new int[first.length() + 1][second.length() + 1];
        for (int i = 0; i <= first.length(); i++) {
            cost[i][0] = i;
        }
        for (int j = 0; j <= second.length(); j++) {
            cost[0][j] = j;
        }
        for (int i = 1; i <= first.length(); i++) {
            for (int j = 1; j <= second.length(); j++) {
                int substitution = first.charAt(i - 1) == second.charAt(j - 1) ? 0 : 1;
                int best = Math.min(
                        Math.min(cost[i - 1][j] + 1, cost[i][j - 1] + 1), cost[i - 1][j - 1] + substitution);
                if (i > 1
                        && j > 1
                        && first.charAt(i - 1) == second.charAt(j - 2)
                        && first.charAt(i - 2) == second.charAt(j - 1)) {
                    best = Math.min(best, cost[i - 2][j - 2] + 1);
                }
                cost[i][j] = best;
            }
        }
        return cost[first.length()][second.length()];
    }
}
