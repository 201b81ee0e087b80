package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whole-row operations of a table whose records are saved by id: what the simple repositories share. The
 * repository owns the SQL; this owns running it.
 *
 * @param <T> the record a row holds
 */
final class KeyedTable<T> {
    private final Sql sql;
    private final Statements statements;
    private final SqlFunction<ResultSet, T> rowMapper;
    private final Function<T, Object[]> parameters;

    /**
     * @param parameters the record's values in the order of both the update and the insert, id last
     */
    KeyedTable(Sql sql, Statements statements, SqlFunction<ResultSet, T> rowMapper, Function<T, Object[]> parameters) {
        this.sql = requireNonNull(sql, "sql is null");
        this.statements = requireNonNull(statements, "statements is null");
        this.rowMapper = requireNonNull(rowMapper, "rowMapper is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    void save(T record) {
        sql.save(statements.update(), statements.insert(), parameters.apply(requireNonNull(record, "record is null")));
    }

    Optional<T> findById(Id<T> id) {
        return sql.optional(statements.selectById(), rowMapper, requireNonNull(id, "id is null"));
    }

    List<T> findAll() {
        return sql.list(statements.selectAll(), rowMapper);
    }

    boolean delete(Id<T> id) {
        return sql.update(statements.deleteById(), requireNonNull(id, "id is null")) > 0;
    }

    /**
     * The table's statements. {@code update} and {@code insert} take the same parameters in the same order, the
     * id last; {@code selectById} and {@code deleteById} take the id.
     */
    record Statements(String selectAll, String selectById, String update, String insert, String deleteById) {
        Statements {
            requireNonNull(selectAll, "selectAll is null");
            requireNonNull(selectById, "selectById is null");
            requireNonNull(update, "update is null");
            requireNonNull(insert, "insert is null");
            requireNonNull(deleteById, "deleteById is null");
        }
    }
}
