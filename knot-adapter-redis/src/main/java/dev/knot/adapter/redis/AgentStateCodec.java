package dev.knot.adapter.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import java.util.Map;
import java.util.TreeMap;

/** Port maps are stored as objects keyed by port number. */
final class AgentStateCodec implements RecordCodec<AgentState> {
    @Override
    public String noun() {
        return "agent state";
    }

    @Override
    public ObjectNode write(AgentState state) {
        ObjectNode node = Json.object();
        node.put("space_id", state.spaceId().value());
        node.put("agent_version", state.agentVersion());
        node.put("access_token_hash", state.accessTokenHash());
        node.put("address", state.address());
        node.put("has_code_server", state.hasCodeServer());
        node.put("ssh_port", state.sshPort());
        node.put("vnc_http_port", state.vncHttpPort());
        node.put("has_terminal", state.hasTerminal());
        node.set("tcp_ports", ports(state.tcpPorts()));
        node.set("http_ports", ports(state.httpPorts()));
        node.put("expires_after", state.expiresAt().toString());
        return node;
    }

    @Override
    public AgentState read(StoredObject stored) {
        Id<Space> spaceId = stored.id("space_id");
        return new AgentState(spaceId, stored.text("agent_version"), stored.text("access_token_hash"),
                stored.text("address"), stored.bool("has_code_server"), stored.integer("ssh_port"),
                stored.integer("vnc_http_port"), stored.bool("has_terminal"), stored.textsByPort("tcp_ports"),
                stored.textsByPort("http_ports"), stored.instant("expires_after"));
    }

    private static ObjectNode ports(Map<Integer, String> ports) {
        ObjectNode node = Json.object();
        new TreeMap<>(ports).forEach((number, name) -> node.put(String.valueOf(number), name));
        return node;
    }
}
