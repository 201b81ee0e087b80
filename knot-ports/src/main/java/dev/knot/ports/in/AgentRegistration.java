package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

/**
 * What a registering agent is given. Both tokens are secrets that exist only here: the server keeps a hash of
 * {@code accessToken} and can derive {@code serverToken} again, but stores neither.
 *
 * @param accessToken the agent's bearer towards the server (state reports)
 * @param serverToken the bearer the server presents to the agent (terminal, proxies, key updates)
 * @param sshPublicKey the space owner's key, for the agent's authorized_keys ("" if none)
 * @param githubUsername whose GitHub keys the agent adds ("" if none)
 */
public record AgentRegistration(String accessToken, String serverToken, String sshPublicKey, String githubUsername) {
    public AgentRegistration {
        requireNonNull(accessToken, "accessToken is null");
        requireNonNull(serverToken, "serverToken is null");
        requireNonNull(sshPublicKey, "sshPublicKey is null");
        requireNonNull(githubUsername, "githubUsername is null");
    }

    @Override
    public String toString() {
        return "AgentRegistration[githubUsername=" + githubUsername + "]";
    }
}
