package dev.knot.app.backup;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.ports.model.Volume;
import dev.knot.ports.out.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a backup of a store's durable records, and restores one into an empty store. Works on the ports only, so
 * any store can be backed up and any other restored from the file.
 */
public final class BackupService {
    /** What the header's key check encrypts, and the associated data it is bound to. */
    private static final String KEY_CHECK_TEXT = "knot backup key check";
    private static final String KEY_CHECK_CONTEXT = "knot-backup";

    private final Clock clock;
    private final String knotVersion;

    public BackupService(Clock clock, String knotVersion) {
        this.clock = requireNonNull(clock, "clock is null");
        this.knotVersion = requireNonNull(knotVersion, "knotVersion is null");
    }

    /** Every durable record of {@code store} now, with a header for them. */
    public Backup take(DurableStore store) {
        DurableRecords records = DurableRecords.readFrom(store);
        BackupHeader header = new BackupHeader(BackupHeader.FORMAT_VERSION, knotVersion, clock.now(),
                records.counts(), store.cipher().encrypt(KEY_CHECK_TEXT, KEY_CHECK_CONTEXT));
        return new Backup(header, records);
    }

    /**
     * Writes every record of {@code backup} into {@code store}, which must hold nothing but (at most) the Manual
     * template, and must run under the server.encrypt key the backup was made with.
     *
     * @throws KnotException INVALID_ARGUMENT, before writing anything, when the store is not empty or its key
     *     differs; STORE_UNAVAILABLE or another code when a write fails part way, saying how far it got
     */
    public void restore(Backup backup, DurableStore store) {
        requireEmpty(store);
        requireSameKey(backup.header(), store);
        List<String> written = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            List<?> records = backup.records().ofKind(kind);
            try {
                records.forEach(record -> write(store, kind, record));
            } catch (KnotException failure) {
                throw new KnotException(failure.code(), format("writing the %s failed (%s); %s. The store now holds"
                                + " part of the backup: empty it (or use a new one) before restoring again",
                        kind.pluralDisplayName(), failure.getMessage(),
                        written.isEmpty() ? "nothing was written before" : "already written: " + written),
                        failure);
            }
            written.add(kind.pluralDisplayName());
        }
    }

    private static void write(DurableStore store, RecordKind kind, Object record) {
        switch (kind) {
            case GROUP -> store.groups().save((Group) record);
            case USER -> store.users().create((User) record);
            // The target made its own Manual template when it opened; the backup's replaces it.
            case TEMPLATE -> store.templates().save((Template) record);
            case TEMPLATE_VAR -> store.templateVars().save((TemplateVar) record);
            case VOLUME -> store.volumes().save((Volume) record);
            case SPACE -> store.spaces().create((Space) record);
            case TOKEN -> store.tokens().save((Token) record);
        }
    }

    private static void requireEmpty(DurableStore store) {
        DurableRecords present = DurableRecords.readFrom(store);
        List<Template> ownTemplates = present.templates().stream().filter(template -> !template.isManual()).toList();
        DurableRecords withoutManual = new DurableRecords(present.groups(), present.users(), ownTemplates,
                present.templateVars(), present.volumes(), present.spaces(), present.tokens());
        if (withoutManual.total() > 0) {
            throw KnotException.invalid("the store is not empty (" + withoutManual.describeCounts() + "): a backup is"
                    + " restored only into an empty store; nothing was written");
        }
    }

    private static void requireSameKey(BackupHeader header, DurableStore store) {
        try {
            store.cipher().decrypt(header.keyCheck(), KEY_CHECK_CONTEXT);
        } catch (KnotException unreadable) {
            if (unreadable.code() != ErrorCode.SECRET_UNREADABLE) {
                throw unreadable;
            }
            throw KnotException.invalid("the backup was made under another server.encrypt key than this"
                    + " configuration's: its service passwords and protected template variables would be unreadable."
                    + " Set server.encrypt to the key of the server that made the backup (an embedded store without"
                    + " server.encrypt keeps its key in <store>/server.key) and run restore again; nothing was"
                    + " written");
        }
    }
}
