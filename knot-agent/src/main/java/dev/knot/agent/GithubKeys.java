package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The public keys GitHub publishes for a user at https://github.com/{user}.keys (reference §6.5). */
final class GithubKeys {
    static final URI GITHUB = URI.create("https://github.com");
    private static final Logger LOG = LoggerFactory.getLogger(GithubKeys.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    // GitHub's own rule for user names; anything else never reaches the URL.
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    GithubKeys(URI base) {
        this.base = requireNonNull(base, "base is null");
    }

    /** The user's keys, one a line; empty when there are none or GitHub cannot be reached (the block keeps the rest). */
    String keysOf(String userName) {
        requireNonNull(userName, "userName is null");
        if (!USER_NAME.matcher(userName).matches()) {
            if (!userName.isEmpty()) {
                LOG.warn("not fetching GitHub keys for an invalid user name");
            }
            return "";
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/" + userName + ".keys")).timeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return response.body();
            }
            LOG.warn("GitHub answered {} for the keys of {}", response.statusCode(), userName);
        }
        catch (IOException unreachable) {
            LOG.warn("cannot fetch the GitHub keys of {}: {}", userName, unreachable.toString());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return "";
    }
}
