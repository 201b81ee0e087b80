package dev.knot.adapter.embedded;

import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.ports.model.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Every collection of an open store, one Chronicle Map file each. */
record StoreCollections(
        RecordCollection<User> users,
        RecordCollection<Group> groups,
        RecordCollection<Template> templates,
        RecordCollection<TemplateVar> templateVars,
        RecordCollection<Space> spaces,
        RecordCollection<Volume> volumes,
        RecordCollection<Token> tokens,
        RecordCollection<Session> sessions,
        RecordCollection<AgentState> agentStates,
        List<RecordFile> files) {
    /** The file names, which are also the operator-visible layout of the directory (docs/storage-embedded.md). */
    static final List<String> FILE_NAMES = List.of("users.cmap", "groups.cmap", "templates.cmap",
            "template-vars.cmap", "spaces.cmap", "volumes.cmap", "tokens.cmap", "sessions.cmap", "agent-states.cmap");

    StoreCollections {
        files = List.copyOf(files);
    }

    /** Opens every file; if one fails, closes those already open and rethrows. */
    static StoreCollections open(Path directory, boolean recover) {
        Opener opener = new Opener(directory, recover);
        // Laid out for a small team; Chronicle adds tiers as a file fills, up to maxBloat (100x) this size. Larger
        // initial layouts cost disk and start-up time: Chronicle writes out every tier it is given.
        try {
            return new StoreCollections(
                    opener.open("user", "users.cmap", new FileSizing(1024, 2_000, 100), new UserCodec(),
                            User::id, ChronicleUserRepository.INDEXES),
                    opener.open("group", "groups.cmap", new FileSizing(256, 500, 100), new GroupCodec(),
                            Group::id, List.of()),
                    opener.open("template", "templates.cmap", new FileSizing(8 * 1024, 1_000, 100),
                            new TemplateCodec(), Template::id, List.of()),
                    opener.open("template variable", "template-vars.cmap", new FileSizing(1024, 1_000, 100),
                            new TemplateVarCodec(), TemplateVar::id, List.of()),
                    opener.open("space", "spaces.cmap", new FileSizing(1024, 5_000, 100), new SpaceCodec(),
                            Space::id, ChronicleSpaceRepository.INDEXES),
                    opener.open("volume", "volumes.cmap", new FileSizing(1024, 500, 100), new VolumeCodec(),
                            Volume::id, List.of()),
                    opener.open("token", "tokens.cmap", new FileSizing(512, 5_000, 100), new TokenCodec(),
                            Token::id, ChronicleTokenRepository.INDEXES),
                    opener.open("session", "sessions.cmap", new FileSizing(512, 10_000, 100), new SessionCodec(),
                            Session::id, ChronicleSessionStore.INDEXES),
                    opener.open("agent state", "agent-states.cmap", new FileSizing(1024, 2_000, 100),
                            new AgentStateCodec(), AgentState::spaceId, List.of()),
                    opener.opened);
        } catch (RuntimeException e) {
            opener.opened.forEach(RecordFile::close);
            throw e;
        }
    }

    void close() {
        files.forEach(RecordFile::close);
    }

    private static final class Opener {
        private final Path directory;
        private final boolean recover;
        private final List<RecordFile> opened = new ArrayList<>();

        Opener(Path directory, boolean recover) {
            this.directory = directory;
            this.recover = recover;
        }

        <T> RecordCollection<T> open(String recordName, String fileName, FileSizing sizing, RecordCodec<T> codec,
                Function<T, Id<?>> idOf, List<Index<T>> indexes) {
            RecordFile file = RecordFile.open(directory.resolve(fileName), sizing, recover);
            opened.add(file);
            return new RecordCollection<>(recordName, file, codec, record -> idOf.apply(record).value(), indexes);
        }
    }
}
