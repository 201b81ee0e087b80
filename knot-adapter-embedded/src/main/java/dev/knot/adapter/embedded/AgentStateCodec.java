package dev.knot.adapter.embedded;

import dev.knot.ports.model.AgentState;
import java.util.HashMap;
import java.util.Map;

/** Stores an {@link AgentState}. */
final class AgentStateCodec implements RecordCodec<AgentState> {
    @Override
    public void write(AgentState state, RecordWriter writer) {
        writer.id(state.spaceId())
                .string(state.agentVersion())
                .string(state.accessTokenHash())
                .string(state.address())
                .bool(state.hasCodeServer())
                .integer(state.sshPort())
                .integer(state.vncHttpPort())
                .bool(state.hasTerminal());
        writePorts(state.tcpPorts(), writer);
        writePorts(state.httpPorts(), writer);
        writer.instant(state.expiresAt());
    }

    @Override
    public AgentState read(RecordReader reader) {
        return new AgentState(reader.id(), reader.string(), reader.string(), reader.string(), reader.bool(),
                reader.integer(), reader.integer(), reader.bool(), readPorts(reader), readPorts(reader),
                reader.instant());
    }

    private static void writePorts(Map<Integer, String> ports, RecordWriter writer) {
        writer.integer(ports.size());
        ports.forEach((number, name) -> writer.integer(number).string(name));
    }

    private static Map<Integer, String> readPorts(RecordReader reader) {
        int count = reader.count();
        Map<Integer, String> ports = new HashMap<>();
        for (int index = 0; index < count; index++) {
            int number = reader.integer();
            ports.put(number, reader.string());
        }
        return ports;
    }
}
