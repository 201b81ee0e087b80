package dev.knot.app.backup;

import static java.util.Objects.requireNonNull;

/** A whole backup: its header and the records it carries. */
public record Backup(BackupHeader header, DurableRecords records) {
    public Backup {
        requireNonNull(header, "header is null");
        requireNonNull(records, "records is null");
    }
}
