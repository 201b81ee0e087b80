package dev.knot.app.wiring;

import static java.lang.String.format;

import dev.knot.app.config.Secret;
import dev.knot.app.config.StorageConfig;
import dev.knot.domain.crypto.RandomText;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that encrypts secrets at rest (protected template variables, service passwords): {@code server.encrypt}
 * when set. A single server on the embedded store runs without one: it generates a key once and keeps it beside its
 * data (mode 0600), so that `knot server` works with no configuration. Servers on MySQL or Redis may be several
 * sharing one database, so they must be given the same key explicitly.
 */
final class ServerKey {
    static final String KEY_FILE = "server.key";
    private static final Logger LOG = LoggerFactory.getLogger(ServerKey.class);
    private static final int GENERATED_KEY_LENGTH = 32;

    private ServerKey() {}

    static String resolve(Secret configured, StorageConfig storage) {
        if (!configured.isEmpty()) {
            return configured.value();
        }
        return switch (storage.type()) {
            case EMBEDDED -> generatedKey(storage.embedded().directory().resolve(KEY_FILE));
            case MYSQL, REDIS -> throw new KnotException(ErrorCode.INVALID_ARGUMENT, format(
                    "server.encrypt is required with %s storage (every server sharing the database needs the same"
                            + " key): run `knot genkey` and put the key in server.encrypt",
                    storage.type()));
        };
    }

    private static String generatedKey(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return read(keyFile);
            }
            // The store's directory holds hashes and this key: only its owner may list it (as the store itself does).
            Files.createDirectories(keyFile.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            try {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException anotherServerWasFirst) {
                return read(keyFile);
            }
            Files.writeString(keyFile, RandomText.alphanumeric(GENERATED_KEY_LENGTH) + "\n", StandardCharsets.US_ASCII);
            LOG.warn("server.encrypt is not set: generated an encryption key in {} — keep it with the data (and back it"
                    + " up), or set server.encrypt", keyFile);
            return read(keyFile);
        } catch (IOException failure) {
            throw new KnotException(ErrorCode.INVALID_ARGUMENT,
                    format("server.encrypt is not set and the key file %s cannot be used: %s", keyFile, failure), failure);
        }
    }

    private static String read(Path keyFile) throws IOException {
        String key = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
        if (key.length() != GENERATED_KEY_LENGTH) {
            throw new KnotException(ErrorCode.INVALID_ARGUMENT, format(
                    "the key file %s is damaged (expected %d characters): restore it from a backup, or set"
                            + " server.encrypt", keyFile, GENERATED_KEY_LENGTH));
        }
        return key;
    }
}
