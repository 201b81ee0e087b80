package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.CsiVolumeRef;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.ports.out.SpaceRepository;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Spaces in the spaces table, their names in space_names: ordinal 0 is the name, then the alternative names in
 * order. One UNIQUE index over (user, lowercase name) covers names and alternative names alike, so a clash is
 * decided by the database; a space and its names are written in one transaction, so a rejected write leaves
 * nothing behind. Reads join the two tables, one row per name, in a single statement.
 */
final class MysqlSpaceRepository implements SpaceRepository {
    private static final String SELECT = """
            SELECT s.space_id, s.user_id, s.template_id, s.agent_url, s.shell, s.location, s.template_hash,
                   s.nomad_namespace, s.nomad_job_id, s.volume_data, s.volume_sizes, s.state, s.state_message,
                   s.created_at, s.updated_at, n.name
            FROM spaces s JOIN space_names n ON n.space_id = s.space_id
            """;
    private static final String IN_ORDER = " ORDER BY s.space_id, n.ordinal";
    private static final String SELECT_ALL = SELECT + IN_ORDER;
    private static final String SELECT_BY_ID = SELECT + "WHERE s.space_id = ?" + IN_ORDER;
    /** Locks the space's row and its names until the transaction ends: other writers of it wait. */
    private static final String SELECT_BY_ID_FOR_UPDATE = SELECT_BY_ID + " FOR UPDATE";
    private static final String SELECT_BY_USER = SELECT + "WHERE s.user_id = ?" + IN_ORDER;
    private static final String SELECT_BY_TEMPLATE = SELECT + "WHERE s.template_id = ?" + IN_ORDER;
    private static final String SELECT_BY_NAME = SELECT
            + "WHERE s.space_id = (SELECT space_id FROM space_names WHERE user_id = ? AND name_key = LOWER(?))"
            + IN_ORDER;
    private static final String INSERT = """
            INSERT INTO spaces (user_id, template_id, agent_url, shell, location, template_hash, nomad_namespace,
                   nomad_job_id, volume_data, volume_sizes, state, state_message, created_at, updated_at, space_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE spaces SET user_id = ?, template_id = ?, agent_url = ?, shell = ?, location = ?, template_hash = ?,
                   nomad_namespace = ?, nomad_job_id = ?, volume_data = ?, volume_sizes = ?, state = ?,
                   state_message = ?, created_at = ?, updated_at = ?
            WHERE space_id = ?""";
    /** Followed by one "(?, ?, ?, ?)" per name. */
    private static final String INSERT_NAMES = "INSERT INTO space_names (space_id, ordinal, user_id, name) VALUES ";
    private static final String NAME_ROW = "(?, ?, ?, ?)";
    private static final String DELETE_NAMES = "DELETE FROM space_names WHERE space_id = ?";
    /** Its names go with it: space_names references spaces ON DELETE CASCADE. */
    private static final String DELETE = "DELETE FROM spaces WHERE space_id = ?";
    private static final UniqueKeys UNIQUE_KEYS = new UniqueKeys(Map.of(
            UniqueKeys.PRIMARY, "a space with this id already exists",
            "space_names_name_unique", "the user already has a space with this name"));

    /** MySQL names locks per server, up to 64 characters: this prefix and a user id fit. */
    private static final String QUOTA_LOCK_PREFIX = "knot-space-quota-";
    private static final int QUOTA_LOCK_WAIT_SECONDS = 10;

    private final Sql sql;

    @Inject
    MysqlSpaceRepository(MysqlDatabase database) {
        this.sql = new Sql(database, UNIQUE_KEYS);
    }

    @Override
    public void create(Space space) {
        requireNonNull(space, "space is null");
        sql.inTransaction(connection -> {
            connection.update(INSERT, values(space));
            insertNames(connection, space);
            return null;
        });
    }

    /**
     * Under a named lock per owner (GET_LOCK, shared by every server on the database; no user row is needed, so
     * it holds for owners the users table does not know): other quota-checked creates for the owner wait, so the
     * spaces the check reads are all there are when the insert commits.
     */
    @Override
    public boolean createWithinQuota(Space space, Predicate<List<Space>> withinQuota) {
        requireNonNull(space, "space is null");
        requireNonNull(withinQuota, "withinQuota is null");
        return sql.inTransactionHoldingLock(QUOTA_LOCK_PREFIX + space.userId(), QUOTA_LOCK_WAIT_SECONDS,
                connection -> {
                    List<Space> existing = connection.query(SELECT_BY_USER, MysqlSpaceRepository::spaces,
                            space.userId());
                    if (!withinQuota.test(existing)) {
                        return false;
                    }
                    connection.update(INSERT, values(space));
                    insertNames(connection, space);
                    return true;
                });
    }

    @Override
    public void update(Space space) {
        requireNonNull(space, "space is null");
        sql.inTransaction(connection -> {
            rewrite(connection, space);
            return null;
        });
    }

    /**
     * One transaction: a locking read of the space, which makes every other writer of it, on any server, wait
     * for the commit; the comparison, in Java, of every field; and the write. A transaction that waited reads the
     * row as the other one committed it (a locking read sees the latest version), so it finds it changed.
     */
    @Override
    public boolean replaceIfUnchanged(Space expected, Space replacement) {
        SpaceRepository.requireSameSpace(expected, replacement);
        Optional<Space> unchanged = Optional.of(asStored(expected));
        return sql.inTransaction(connection -> {
            Optional<Space> stored = atMostOne(connection.query(SELECT_BY_ID_FOR_UPDATE, MysqlSpaceRepository::spaces,
                    expected.id()));
            if (!stored.equals(unchanged)) {
                return false;
            }
            rewrite(connection, replacement);
            return true;
        });
    }

    @Override
    public Optional<Space> findById(Id<Space> id) {
        return atMostOne(select(SELECT_BY_ID, requireNonNull(id, "id is null")));
    }

    @Override
    public Optional<Space> findByName(Id<User> userId, String name) {
        return atMostOne(select(SELECT_BY_NAME, requireNonNull(userId, "userId is null"),
                requireNonNull(name, "name is null")));
    }

    @Override
    public List<Space> findByUser(Id<User> userId) {
        return select(SELECT_BY_USER, requireNonNull(userId, "userId is null"));
    }

    @Override
    public List<Space> findByTemplate(Id<Template> templateId) {
        return select(SELECT_BY_TEMPLATE, requireNonNull(templateId, "templateId is null"));
    }

    @Override
    public List<Space> findAll() {
        return select(SELECT_ALL);
    }

    @Override
    public boolean delete(Id<Space> id) {
        return sql.update(DELETE, requireNonNull(id, "id is null")) > 0;
    }

    private List<Space> select(String query, Object... parameters) {
        return sql.withConnection(connection -> connection.query(query, MysqlSpaceRepository::spaces, parameters));
    }

    private static Optional<Space> atMostOne(List<Space> spaces) {
        return spaces.stream().findFirst();
    }

    /** Replaces the space's row and its names, in the caller's transaction. */
    private static void rewrite(SqlConnection connection, Space space) throws SQLException {
        if (connection.update(UPDATE, values(space)) == 0) {
            throw KnotException.notFound("there is no space with id " + space.id());
        }
        connection.update(DELETE_NAMES, space.id());
        insertNames(connection, space);
    }

    /** The space as reading it back gives it: instants to the microsecond. */
    private static Space asStored(Space space) {
        return new Space(space.id(), space.userId(), space.templateId(), space.name(), space.altNames(),
                space.agentUrl(), space.shell(), space.location(), space.templateHash(), space.nomadNamespace(),
                space.nomadJobId(), space.volumeData(), space.volumeSizes(), space.state(), space.stateMessage(),
                Columns.asStored(space.createdAt()), Columns.asStored(space.updatedAt()));
    }

    private static void insertNames(SqlConnection connection, Space space) throws SQLException {
        List<String> names = space.allNames();
        Object[] values = new Object[names.size() * 4];
        for (int ordinal = 0; ordinal < names.size(); ordinal++) {
            values[ordinal * 4] = space.id();
            values[ordinal * 4 + 1] = ordinal;
            values[ordinal * 4 + 2] = space.userId();
            values[ordinal * 4 + 3] = names.get(ordinal);
        }
        connection.update(INSERT_NAMES + String.join(", ", Collections.nCopies(names.size(), NAME_ROW)), values);
    }

    /** The space's values in the order of both INSERT and UPDATE, the id last. */
    private static Object[] values(Space space) {
        return new Object[] {
            space.userId(),
            space.templateId(),
            space.agentUrl(),
            space.shell().value(),
            space.location(),
            space.templateHash(),
            space.nomadNamespace(),
            space.nomadJobId(),
            JsonColumns.volumeDataToJson(space.volumeData()),
            JsonColumns.volumeSizesToJson(space.volumeSizes()),
            space.state().name(),
            space.stateMessage(),
            space.createdAt(),
            space.updatedAt(),
            space.id()
        };
    }

    /** Folds the rows, one per name and ordered by space then ordinal, into spaces. */
    private static List<Space> spaces(ResultSet rows) throws SQLException {
        List<Space> spaces = new ArrayList<>();
        String currentId = null;
        Function<List<String>, Space> current = null;
        List<String> names = new ArrayList<>();
        while (rows.next()) {
            String spaceId = rows.getString("space_id");
            if (!spaceId.equals(currentId)) {
                if (current != null) {
                    spaces.add(current.apply(names));
                }
                currentId = spaceId;
                current = spaceNamed(rows);
                names = new ArrayList<>();
            }
            names.add(rows.getString("name"));
        }
        if (current != null) {
            spaces.add(current.apply(names));
        }
        return spaces;
    }

    /** Reads the space's columns from its first row; its names, in order, come from all of its rows. */
    private static Function<List<String>, Space> spaceNamed(ResultSet row) throws SQLException {
        Id<Space> id = Columns.id(row, "space_id");
        Id<User> userId = Columns.id(row, "user_id");
        Id<Template> templateId = Columns.id(row, "template_id");
        String agentUrl = row.getString("agent_url");
        Shell shell = Columns.shell(row, "shell");
        String location = row.getString("location");
        String templateHash = row.getString("template_hash");
        String nomadNamespace = row.getString("nomad_namespace");
        String nomadJobId = row.getString("nomad_job_id");
        Map<String, CsiVolumeRef> volumeData = JsonColumns.volumeDataFromJson(row.getString("volume_data"));
        Map<String, Long> volumeSizes = JsonColumns.volumeSizesFromJson(row.getString("volume_sizes"));
        SpaceState state = state(row.getString("state"));
        String stateMessage = row.getString("state_message");
        Instant createdAt = Columns.instant(row, "created_at");
        Instant updatedAt = Columns.instant(row, "updated_at");
        return names -> new Space(id, userId, templateId, names.get(0), names.subList(1, names.size()), agentUrl,
                shell, location, templateHash, nomadNamespace, nomadJobId, volumeData, volumeSizes, state,
                stateMessage, createdAt, updatedAt);
    }

    private static SpaceState state(String value) {
        try {
            return SpaceState.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw Columns.corrupt("unknown space state " + value);
        }
    }
}
