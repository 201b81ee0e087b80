package dev.knot.testkit.contract;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.model.AgentState;
import dev.knot.ports.out.AgentClient;
import dev.knot.testkit.fixture.AgentStateFixtures;
import dev.knot.testkit.fixture.SpaceFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AgentClient}: keys reach the agent at the endpoint's address with the endpoint's bearer,
 * and an agent that cannot be reached neither throws at the caller nor stops deliveries to others.
 */
public abstract class AgentClientContract extends PortContract {
    protected AgentClientContract() {
        super(AgentClient.class);
    }

    /** What an agent received on its update-authorized-keys route. */
    public record KeysDelivery(String bearer, String sshPublicKey, String githubUsername) {}

    protected abstract AgentClient client();

    /** host:port of an agent that records what it receives. */
    protected abstract String listeningAgentAddress();

    /** host:port where no agent listens. */
    protected abstract String deadAgentAddress();

    /** What the agent at {@link #listeningAgentAddress} has received so far. */
    protected abstract List<KeysDelivery> delivered();

    @Test
    public void keysReachTheAgentWithTheEndpointsBearer() {
        client().updateAuthorizedKeys(endpoint(listeningAgentAddress(), "knot_as_bearer-one"),
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7 alice@laptop", "octocat");

        await().atMost(10, SECONDS).until(() -> !delivered().isEmpty());
        assertThat(delivered()).containsExactly(new KeysDelivery(
                "knot_as_bearer-one", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7 alice@laptop", "octocat"));
    }

    @Test
    public void emptyKeysAreDeliveredSoTheAgentRemovesItsBlock() {
        client().updateAuthorizedKeys(endpoint(listeningAgentAddress(), "knot_as_bearer-two"), "", "");

        await().atMost(10, SECONDS).until(() -> !delivered().isEmpty());
        assertThat(delivered()).containsExactly(new KeysDelivery("knot_as_bearer-two", "", ""));
    }

    @Test
    public void anUnreachableAgentDoesNotStopTheNextDelivery() {
        client().updateAuthorizedKeys(endpoint(deadAgentAddress(), "knot_as_bearer-three"), "ssh-ed25519 AAAA", "");
        client().updateAuthorizedKeys(endpoint(listeningAgentAddress(), "knot_as_bearer-four"), "ssh-ed25519 B", "");

        await().atMost(10, SECONDS).until(() -> !delivered().isEmpty());
        assertThat(delivered()).containsExactly(new KeysDelivery("knot_as_bearer-four", "ssh-ed25519 B", ""));
    }

    protected static AgentEndpoint endpoint(String address, String bearer) {
        AgentState agent = AgentStateFixtures.anAgentState().withAddress(address).withSshPort(22).build();
        return new AgentEndpoint(SpaceFixtures.aSpace().withId(agent.spaceId()).build(), agent, bearer);
    }
}
