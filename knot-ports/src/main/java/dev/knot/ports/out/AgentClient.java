package dev.knot.ports.out;

import dev.knot.ports.in.AgentEndpoint;

/** Calls the server makes to agents on its own initiative (not relays of a user's connection). */
public interface AgentClient {
    /**
     * Sends the owner's SSH key and GitHub username to the agent, which rewrites its authorized_keys block.
     * Delivery is in the background and best effort: the adapter reports failures itself, and the agent receives
     * the keys again at its next registration.
     */
    void updateAuthorizedKeys(AgentEndpoint agent, String sshPublicKey, String githubUsername);
}
