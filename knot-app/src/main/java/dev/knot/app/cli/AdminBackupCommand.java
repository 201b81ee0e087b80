package dev.knot.app.cli;

import dev.knot.app.KnotVersion;
import dev.knot.app.backup.Backup;
import dev.knot.app.backup.BackupFile;
import dev.knot.app.backup.BackupService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** `knot admin backup <file>`: every durable record of the configured store, to a file any store can restore. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Write every durable record of the configured store (users with their password hashes, groups,"
                    + " templates, template variables, volumes, spaces, API tokens) to <file>, one JSON document a"
                    + " line. Sessions and agents' reports are not included.",
            "The file is readable by its owner only. Secrets stay encrypted: restoring needs the same"
                    + " server.encrypt key. See docs/backup.md."
        })
final class AdminBackupCommand implements Callable<Integer> {
    @ParentCommand
    private AdminCommand admin;

    @Parameters(paramLabel = "<file>", description = "Where to write the backup; an existing file is replaced.")
    private Path file;

    @Override
    public Integer call() {
        Path target = admin.fromWorkingDirectory(file);
        BackupService backups = new BackupService(Instant::now, KnotVersion.get());
        return admin.withConfig(config -> admin.store().withDurableStore(config, store -> {
            Backup backup = backups.take(store);
            new BackupFile().write(target, backup);
            return String.join(System.lineSeparator(),
                    "Backed up " + backup.records().total() + " records to " + target + " ("
                            + backup.records().describeCounts() + ").",
                    "The file holds password hashes and encrypted secrets: keep it private (only its owner may read"
                            + " it).",
                    "Restoring it needs the same server.encrypt key as this server's.");
        }));
    }
}
