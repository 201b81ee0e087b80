package dev.knot.adapter.mysql;

import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.out.GroupRepository;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Groups in the `groups` table (quoted: GROUPS is a reserved word from MySQL 8.0.2). */
final class MysqlGroupRepository implements GroupRepository {
    private static final String SELECT_ALL = """
            SELECT group_id, name, created_user_id, created_at, updated_user_id, updated_at
            FROM `groups`""";
    private static final KeyedTable.Statements STATEMENTS = new KeyedTable.Statements(
            SELECT_ALL,
            SELECT_ALL + " WHERE group_id = ?",
            """
            UPDATE `groups` SET name = ?, created_user_id = ?, created_at = ?, updated_user_id = ?, updated_at = ?
            WHERE group_id = ?""",
            """
            INSERT INTO `groups` (name, created_user_id, created_at, updated_user_id, updated_at, group_id)
            VALUES (?, ?, ?, ?, ?, ?)""",
            "DELETE FROM `groups` WHERE group_id = ?");

    private final KeyedTable<Group> table;

    @Inject
    MysqlGroupRepository(MysqlDatabase database) {
        this.table = new KeyedTable<>(
                new Sql(database, UniqueKeys.primaryKey("a group with this id already exists")),
                STATEMENTS,
                MysqlGroupRepository::group,
                group -> new Object[] {
                    group.name(),
                    group.audit().createdBy(),
                    group.audit().createdAt(),
                    group.audit().updatedBy(),
                    group.audit().updatedAt(),
                    group.id()
                });
    }

    @Override
    public void save(Group group) {
        table.save(group);
    }

    @Override
    public Optional<Group> findById(Id<Group> id) {
        return table.findById(id);
    }

    @Override
    public List<Group> findAll() {
        return table.findAll();
    }

    @Override
    public boolean delete(Id<Group> id) {
        return table.delete(id);
    }

    private static Group group(ResultSet row) throws SQLException {
        return new Group(Columns.id(row, "group_id"), row.getString("name"), Columns.audit(row));
    }
}
