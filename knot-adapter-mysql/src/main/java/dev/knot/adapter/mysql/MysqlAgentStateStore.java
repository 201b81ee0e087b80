package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Agents' reports in the agentstate table, one row per space, replaced by each report. Reads and deletes only see
 * rows whose expiry is after the clock's now; expired rows wait for the database's periodic purge.
 */
final class MysqlAgentStateStore implements AgentStateStore {
    static final String DELETE_EXPIRED = "DELETE FROM agentstate WHERE expires_at <= ?";
    private static final String SELECT_LIVE = """
            SELECT space_id, agent_version, access_token_hash, address, has_code_server, ssh_port, vnc_http_port,
                   has_terminal, tcp_ports, http_ports, expires_at
            FROM agentstate
            WHERE space_id = ? AND expires_at > ?""";
    private static final String UPDATE = """
            UPDATE agentstate SET agent_version = ?, access_token_hash = ?, address = ?, has_code_server = ?,
                   ssh_port = ?, vnc_http_port = ?, has_terminal = ?, tcp_ports = ?, http_ports = ?, expires_at = ?
            WHERE space_id = ?""";
    private static final String INSERT = """
            INSERT INTO agentstate (agent_version, access_token_hash, address, has_code_server, ssh_port,
                   vnc_http_port, has_terminal, tcp_ports, http_ports, expires_at, space_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String DELETE_LIVE = "DELETE FROM agentstate WHERE space_id = ? AND expires_at > ?";

    private final Sql sql;
    private final Clock clock;

    @Inject
    MysqlAgentStateStore(MysqlDatabase database, Clock clock) {
        this.sql = new Sql(database, UniqueKeys.primaryKey("an agent state for this space already exists"));
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void save(AgentState state) {
        requireNonNull(state, "state is null");
        Object[] values = {
            state.agentVersion(),
            state.accessTokenHash(),
            state.address(),
            state.hasCodeServer(),
            state.sshPort(),
            state.vncHttpPort(),
            state.hasTerminal(),
            JsonColumns.portsToJson(state.tcpPorts()),
            JsonColumns.portsToJson(state.httpPorts()),
            state.expiresAt(),
            state.spaceId()
        };
        sql.save(UPDATE, INSERT, values);
    }

    @Override
    public Optional<AgentState> find(Id<Space> spaceId) {
        return sql.optional(SELECT_LIVE, MysqlAgentStateStore::agentState, requireNonNull(spaceId, "spaceId is null"),
                clock.now());
    }

    @Override
    public boolean delete(Id<Space> spaceId) {
        return sql.update(DELETE_LIVE, requireNonNull(spaceId, "spaceId is null"), clock.now()) > 0;
    }

    private static AgentState agentState(ResultSet row) throws SQLException {
        return new AgentState(
                Columns.id(row, "space_id"),
                row.getString("agent_version"),
                row.getString("access_token_hash"),
                row.getString("address"),
                row.getBoolean("has_code_server"),
                row.getInt("ssh_port"),
                row.getInt("vnc_http_port"),
                row.getBoolean("has_terminal"),
                JsonColumns.portsFromJson(row.getString("tcp_ports")),
                JsonColumns.portsFromJson(row.getString("http_ports")),
                Columns.instant(row, "expires_at"));
    }
}
