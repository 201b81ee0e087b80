package dev.knot.testkit.fake;

import dev.knot.ports.out.AgentClient;
import dev.knot.testkit.contract.AgentClientContract;
import java.util.List;

class RecordingAgentClientTest extends AgentClientContract {
    private static final String LISTENING = "10.0.0.7:3000";
    private final RecordingAgentClient client = new RecordingAgentClient();

    @Override
    protected AgentClient client() {
        return client;
    }

    @Override
    protected String listeningAgentAddress() {
        return LISTENING;
    }

    @Override
    protected String deadAgentAddress() {
        return "10.0.0.8:3000";
    }

    @Override
    protected List<KeysDelivery> delivered() {
        return client.deliveredTo(LISTENING);
    }
}
