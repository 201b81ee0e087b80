package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/** What the server answers to a registration. The access token is secret: toString leaves it out. */
record Registration(String accessToken, URI serverUrl, String sshKey, String githubUsername) {
    Registration {
        requireNonNull(accessToken, "accessToken is null");
        requireNonNull(serverUrl, "serverUrl is null");
        requireNonNull(sshKey, "sshKey is null");
        requireNonNull(githubUsername, "githubUsername is null");
        if (accessToken.isEmpty()) {
            throw new IllegalArgumentException("accessToken is empty");
        }
    }

    @Override
    public String toString() {
        return "Registration[serverUrl=" + serverUrl + ", githubUsername=" + githubUsername + "]";
    }
}
