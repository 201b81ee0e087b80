package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * What the server answers to a registration. {@code accessToken} is the agent's bearer towards the server (state
 * reports); {@code serverToken} is the bearer the server presents to the agent. Both are secret: toString leaves
 * them out.
 */
record Registration(String accessToken, String serverToken, URI serverUrl, String sshKey, String githubUsername) {
    Registration {
        requireNonNull(accessToken, "accessToken is null");
        requireNonNull(serverToken, "serverToken is null");
        requireNonNull(serverUrl, "serverUrl is null");
        requireNonNull(sshKey, "sshKey is null");
        requireNonNull(githubUsername, "githubUsername is null");
        if (accessToken.isEmpty()) {
            throw new IllegalArgumentException("accessToken is empty");
        }
        if (serverToken.isEmpty()) {
            throw new IllegalArgumentException("serverToken is empty");
        }
    }

    @Override
    public String toString() {
        return "Registration[serverUrl=" + serverUrl + ", githubUsername=" + githubUsername + "]";
    }
}
