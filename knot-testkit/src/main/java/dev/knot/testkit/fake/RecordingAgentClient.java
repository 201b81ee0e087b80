package dev.knot.testkit.fake;

import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.out.AgentClient;
import dev.knot.testkit.contract.AgentClientContract.KeysDelivery;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link AgentClient} that delivers to no network: it records what each agent address would have received. */
public final class RecordingAgentClient implements AgentClient {
    private final Map<String, List<KeysDelivery>> byAddress = new ConcurrentHashMap<>();

    @Override
    public void updateAuthorizedKeys(AgentEndpoint agent, String sshPublicKey, String githubUsername) {
        byAddress.computeIfAbsent(agent.address(), address -> new CopyOnWriteArrayList<>())
                .add(new KeysDelivery(agent.bearer(), sshPublicKey, githubUsername));
    }

    /** What the agent at {@code address} received, oldest first. */
    public List<KeysDelivery> deliveredTo(String address) {
        return List.copyOf(byAddress.getOrDefault(address, List.of()));
    }

    /** Every address that received something. */
    public Set<String> addresses() {
        return Set.copyOf(byAddress.keySet());
    }
}
