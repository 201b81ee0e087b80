package dev.knot.app.backup;

import static java.lang.String.format;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.ports.model.Volume;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A backup on disk: JSON lines, UTF-8, the header first. Written to a temporary file beside the target (mode 0600
 * from its creation: it holds password hashes), flushed to disk, then renamed over the target, so the target is
 * always either the previous file or the complete new one. Read whole and checked before anything uses it.
 */
public final class BackupFile {
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final BackupCodec codec = new BackupCodec();

    /** @throws KnotException INVALID_ARGUMENT when the file cannot be written; the target is then unchanged */
    public void write(Path target, Backup backup) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = null;
        try {
            temporary = createTemporaryFile(directory, absolute.getFileName().toString());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                        UTF_8.newEncoder()));
                writeLines(writer, backup);
                writer.flush();
                channel.force(true);
            }
            moveIntoPlace(temporary, absolute);
            temporary = null;
            syncDirectory(directory);
        } catch (IOException failure) {
            throw new KnotException(ErrorCode.INVALID_ARGUMENT,
                    format("cannot write the backup %s: %s", absolute, describe(failure)), failure);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Reads and checks the whole file: every line a known kind and version that makes a valid record, no id twice,
     * as many records of each kind as the header says.
     *
     * @throws KnotException INVALID_ARGUMENT naming the file, and the line when one is at fault
     */
    public Backup read(Path source) {
        Path absolute = source.toAbsolutePath();
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(absolute, UTF_8)) {
            String headerText = reader.readLine();
            lineNumber = 1;
            if (headerText == null) {
                throw KnotException.invalid(format("%s is empty, not a knot backup", absolute));
            }
            BackupHeader header = atLine(absolute, lineNumber, () -> codec.parseHeader(headerText));
            RecordsBeingRead records = new RecordsBeingRead();
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                lineNumber++;
                String lineText = text;
                BackupCodec.ParsedRecord parsed = atLine(absolute, lineNumber, () -> codec.parseRecord(lineText));
                if (!records.add(parsed)) {
                    throw KnotException.invalid(format("%s line %d: a second %s with the id of an earlier one",
                            absolute, lineNumber, parsed.kind().fileName()));
                }
            }
            DurableRecords read = records.toRecords();
            requireCountsMatch(absolute, header, read);
            return new Backup(header, read);
        } catch (NoSuchFileException missing) {
            throw KnotException.invalid(format("there is no file %s", absolute));
        } catch (CharacterCodingException notUtf8) {
            throw KnotException.invalid(format("%s line %d: not UTF-8 text; the file is damaged or not a knot backup",
                    absolute, lineNumber + 1));
        } catch (IOException failure) {
            throw KnotException.invalid(format("cannot read %s: %s", absolute, describe(failure)));
        }
    }

    private void writeLines(BufferedWriter writer, Backup backup) throws IOException {
        writer.write(codec.headerLine(backup.header()));
        writer.newLine();
        for (RecordKind kind : RecordKind.values()) {
            for (Object record : backup.records().ofKind(kind)) {
                writer.write(codec.recordLine(kind, record));
                writer.write('\n');
            }
        }
    }

    private static Path createTemporaryFile(Path directory, String targetName) throws IOException {
        String prefix = "." + targetName + ".";
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(directory, prefix, ".tmp", OWNER_ONLY);
        }
        // No POSIX modes (Windows): the directory's access control list applies.
        return Files.createTempFile(directory, prefix, ".tmp");
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException unsupported) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, and then there is nothing to do. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // The file itself was forced before the rename; only the rename might not survive a power loss.
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // The write already failed and says so; a stray temporary file is the lesser problem.
        }
    }

    private static <T> T atLine(Path file, int lineNumber, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (KnotException invalid) {
            throw KnotException.invalid(format("%s line %d: %s", file, lineNumber, invalid.getMessage()));
        }
    }

    private static void requireCountsMatch(Path file, BackupHeader header, DurableRecords records) {
        for (RecordKind kind : RecordKind.values()) {
            int promised = header.count(kind);
            int found = records.ofKind(kind).size();
            if (promised != found) {
                throw KnotException.invalid(format("%s: the header promises %d %s but the file holds %d; it was cut"
                        + " short or changed after it was written", file, promised, kind.pluralDisplayName(), found));
            }
        }
    }

    private static String describe(IOException failure) {
        String message = failure.getMessage();
        String kind = failure.getClass().getSimpleName();
        return message == null ? kind : kind + " " + message;
    }

    /** The records met so far, by kind, and the ids seen, so that a duplicate is caught at its line. */
    private static final class RecordsBeingRead {
        private final Map<RecordKind, List<Object>> byKind = new EnumMap<>(RecordKind.class);
        private final Set<String> ids = new HashSet<>();

        boolean add(BackupCodec.ParsedRecord parsed) {
            if (!ids.add(parsed.kind().fileName() + "/" + parsed.id())) {
                return false;
            }
            byKind.computeIfAbsent(parsed.kind(), kind -> new ArrayList<>()).add(parsed.record());
            return true;
        }

        DurableRecords toRecords() {
            return new DurableRecords(of(RecordKind.GROUP, Group.class), of(RecordKind.USER, User.class),
                    of(RecordKind.TEMPLATE, Template.class), of(RecordKind.TEMPLATE_VAR, TemplateVar.class),
                    of(RecordKind.VOLUME, Volume.class), of(RecordKind.SPACE, Space.class),
                    of(RecordKind.TOKEN, Token.class));
        }

        private <T> List<T> of(RecordKind kind, Class<T> type) {
            return byKind.getOrDefault(kind, List.of()).stream().map(type::cast).toList();
        }
    }
}
