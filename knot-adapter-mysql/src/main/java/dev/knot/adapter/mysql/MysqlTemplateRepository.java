package dev.knot.adapter.mysql;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Template;
import dev.knot.ports.out.TemplateRepository;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Templates in the templates table; the groups they are offered to are a JSON array of group ids. */
final class MysqlTemplateRepository implements TemplateRepository {
    private static final String SELECT_ALL = """
            SELECT template_id, name, description, job, volumes, `groups`,
                   created_user_id, created_at, updated_user_id, updated_at
            FROM templates""";
    private static final KeyedTable.Statements STATEMENTS = new KeyedTable.Statements(
            SELECT_ALL,
            SELECT_ALL + " WHERE template_id = ?",
            """
            UPDATE templates SET name = ?, description = ?, job = ?, volumes = ?, `groups` = ?,
                   created_user_id = ?, created_at = ?, updated_user_id = ?, updated_at = ?
            WHERE template_id = ?""",
            """
            INSERT INTO templates (name, description, job, volumes, `groups`,
                   created_user_id, created_at, updated_user_id, updated_at, template_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            "DELETE FROM templates WHERE template_id = ?");

    private final KeyedTable<Template> table;

    @Inject
    MysqlTemplateRepository(MysqlDatabase database) {
        this.table = new KeyedTable<>(
                new Sql(database, UniqueKeys.primaryKey("a template with this id already exists")),
                STATEMENTS,
                MysqlTemplateRepository::template,
                template -> new Object[] {
                    template.name(),
                    template.description(),
                    template.job(),
                    template.volumes(),
                    JsonColumns.idsToJson(template.groups()),
                    template.audit().createdBy(),
                    template.audit().createdAt(),
                    template.audit().updatedBy(),
                    template.audit().updatedAt(),
                    template.id()
                });
    }

    @Override
    public void save(Template template) {
        table.save(template);
    }

    @Override
    public Optional<Template> findById(Id<Template> id) {
        return table.findById(id);
    }

    @Override
    public List<Template> findAll() {
        return table.findAll();
    }

    @Override
    public boolean delete(Id<Template> id) {
        return table.delete(id);
    }

    private static Template template(ResultSet row) throws SQLException {
        return new Template(
                Columns.id(row, "template_id"),
                row.getString("name"),
                row.getString("description"),
                row.getString("job"),
                row.getString("volumes"),
                JsonColumns.idsFromJson(row.getString("groups")),
                Columns.audit(row));
    }
}
