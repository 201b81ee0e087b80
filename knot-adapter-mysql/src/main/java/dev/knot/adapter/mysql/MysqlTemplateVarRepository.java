package dev.knot.adapter.mysql;

import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.TemplateVarValue;
import dev.knot.ports.out.TemplateVarRepository;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Template variables in the templatevars table. value holds the plain text, or for a protected variable the
 * ciphertext exactly as the SecretCipher made it; the protected flag says which.
 */
final class MysqlTemplateVarRepository implements TemplateVarRepository {
    private static final String SELECT_ALL = """
            SELECT templatevar_id, name, location, value, protected,
                   created_user_id, created_at, updated_user_id, updated_at
            FROM templatevars""";
    private static final KeyedTable.Statements STATEMENTS = new KeyedTable.Statements(
            SELECT_ALL,
            SELECT_ALL + " WHERE templatevar_id = ?",
            """
            UPDATE templatevars SET name = ?, location = ?, value = ?, protected = ?,
                   created_user_id = ?, created_at = ?, updated_user_id = ?, updated_at = ?
            WHERE templatevar_id = ?""",
            """
            INSERT INTO templatevars (name, location, value, protected,
                   created_user_id, created_at, updated_user_id, updated_at, templatevar_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            "DELETE FROM templatevars WHERE templatevar_id = ?");

    private final KeyedTable<TemplateVar> table;

    @Inject
    MysqlTemplateVarRepository(MysqlDatabase database) {
        this.table = new KeyedTable<>(
                new Sql(database, UniqueKeys.primaryKey("a template variable with this id already exists")),
                STATEMENTS,
                MysqlTemplateVarRepository::templateVar,
                variable -> new Object[] {
                    variable.name(),
                    variable.location(),
                    storedText(variable.value()),
                    variable.isProtected(),
                    variable.audit().createdBy(),
                    variable.audit().createdAt(),
                    variable.audit().updatedBy(),
                    variable.audit().updatedAt(),
                    variable.id()
                });
    }

    @Override
    public void save(TemplateVar variable) {
        table.save(variable);
    }

    @Override
    public Optional<TemplateVar> findById(Id<TemplateVar> id) {
        return table.findById(id);
    }

    @Override
    public List<TemplateVar> findAll() {
        return table.findAll();
    }

    @Override
    public boolean delete(Id<TemplateVar> id) {
        return table.delete(id);
    }

    private static String storedText(TemplateVarValue value) {
        if (value instanceof TemplateVarValue.Protected secret) {
            return secret.secret().ciphertext();
        }
        return ((TemplateVarValue.Plain) value).text();
    }

    private static TemplateVar templateVar(ResultSet row) throws SQLException {
        String text = row.getString("value");
        TemplateVarValue value = row.getBoolean("protected")
                ? new TemplateVarValue.Protected(new EncryptedValue(text))
                : new TemplateVarValue.Plain(text);
        return new TemplateVar(
                Columns.id(row, "templatevar_id"),
                row.getString("name"),
                row.getString("location"),
                value,
                Columns.audit(row));
    }
}
