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

/**
 * `knot admin restore <file>`: a backup into an empty store, which may be of another kind than the one backed up
 * (embedded to MySQL, MySQL to Redis, ...). The whole file is checked before the store is even opened.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Write the records of a backup made by `knot admin backup` into the configured store, which must be"
                    + " empty. The whole file is checked first; nothing is written if any line is wrong.",
            "The configuration must have the server.encrypt key of the server that made the backup. See"
                    + " docs/backup.md."
        })
final class AdminRestoreCommand implements Callable<Integer> {
    @ParentCommand
    private AdminCommand admin;

    @Parameters(paramLabel = "<file>", description = "The backup to restore.")
    private Path file;

    @Override
    public Integer call() {
        Path source = admin.fromWorkingDirectory(file);
        BackupService backups = new BackupService(Instant::now, KnotVersion.get());
        return admin.withConfig(config -> {
            Backup backup = new BackupFile().read(source);
            return admin.store().withDurableStore(config, store -> {
                backups.restore(backup, store);
                return String.join(System.lineSeparator(),
                        "Restored " + backup.records().total() + " records from " + source + " (made "
                                + backup.header().createdAt() + " by knot " + backup.header().knotVersion() + "): "
                                + backup.records().describeCounts() + ".",
                        "Sessions are not in a backup: everyone logs in again. Running spaces' agents report again"
                                + " by themselves.");
            });
        });
    }
}
