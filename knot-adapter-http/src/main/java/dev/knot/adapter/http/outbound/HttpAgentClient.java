package dev.knot.adapter.http.outbound;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.out.AgentClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to agents over their HTTP API (reference §4.4), sent asynchronously so that no request of a user waits on
 * an agent. Agents listen on plain HTTP inside the cluster; the bearer goes in the header and never into a log.
 */
final class HttpAgentClient implements AgentClient {
    private static final Logger LOG = LoggerFactory.getLogger(HttpAgentClient.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    HttpAgentClient() {
        // No redirects: an agent that answers 3xx must not send the bearer somewhere else.
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void updateAuthorizedKeys(AgentEndpoint agent, String sshPublicKey, String githubUsername) {
        requireNonNull(agent, "agent is null");
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of(
                    "key", requireNonNull(sshPublicKey, "sshPublicKey is null"),
                    "github_username", requireNonNull(githubUsername, "githubUsername is null")));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a map of two strings is always JSON", impossible);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + agent.address() + "/update-authorized-keys"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + agent.bearer())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                LOG.warn("could not send SSH keys to the agent of space {} at {}: {}", agent.space().id(),
                        agent.address(), failure.toString());
            } else if (response.statusCode() != 200) {
                LOG.warn("the agent of space {} at {} refused SSH keys: HTTP {}", agent.space().id(), agent.address(),
                        response.statusCode());
            } else {
                LOG.debug("sent SSH keys to the agent of space {}", agent.space().id());
            }
        });
    }
}
