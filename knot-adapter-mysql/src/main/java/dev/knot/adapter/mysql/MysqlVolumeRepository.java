package dev.knot.adapter.mysql;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Volume;
import dev.knot.ports.out.VolumeRepository;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Standalone CSI volumes in the volumes table. */
final class MysqlVolumeRepository implements VolumeRepository {
    private static final String SELECT_ALL = """
            SELECT volume_id, name, definition, location, active,
                   created_user_id, created_at, updated_user_id, updated_at
            FROM volumes""";
    private static final KeyedTable.Statements STATEMENTS = new KeyedTable.Statements(
            SELECT_ALL,
            SELECT_ALL + " WHERE volume_id = ?",
            """
            UPDATE volumes SET name = ?, definition = ?, location = ?, active = ?,
                   created_user_id = ?, created_at = ?, updated_user_id = ?, updated_at = ?
            WHERE volume_id = ?""",
            """
            INSERT INTO volumes (name, definition, location, active,
                   created_user_id, created_at, updated_user_id, updated_at, volume_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            "DELETE FROM volumes WHERE volume_id = ?");

    private final KeyedTable<Volume> table;

    @Inject
    MysqlVolumeRepository(MysqlDatabase database) {
        this.table = new KeyedTable<>(
                new Sql(database, UniqueKeys.primaryKey("a volume with this id already exists")),
                STATEMENTS,
                MysqlVolumeRepository::volume,
                volume -> new Object[] {
                    volume.name(),
                    volume.definition(),
                    volume.location(),
                    volume.active(),
                    volume.audit().createdBy(),
                    volume.audit().createdAt(),
                    volume.audit().updatedBy(),
                    volume.audit().updatedAt(),
                    volume.id()
                });
    }

    @Override
    public void save(Volume volume) {
        table.save(volume);
    }

    @Override
    public Optional<Volume> findById(Id<Volume> id) {
        return table.findById(id);
    }

    @Override
    public List<Volume> findAll() {
        return table.findAll();
    }

    @Override
    public boolean delete(Id<Volume> id) {
        return table.delete(id);
    }

    private static Volume volume(ResultSet row) throws SQLException {
        return new Volume(
                Columns.id(row, "volume_id"),
                row.getString("name"),
                row.getString("definition"),
                row.getString("location"),
                row.getBoolean("active"),
                Columns.audit(row));
    }
}
