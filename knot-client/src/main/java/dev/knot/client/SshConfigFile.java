package dev.knot.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The knot block of ~/.ssh/config: one {@code Host knot.<space>} entry per running space with SSH, whose
 * ProxyCommand is `knot forward ssh <space>`, between the original's marker lines. Only the block is ever touched:
 * the rest of the file is kept byte for byte. The file is written with mode 0600 (ssh refuses a config others can
 * write; the original used 0700) and ~/.ssh is created with 0700.
 */
public final class SshConfigFile {
    static final String START = "#===KNOT-START===";
    static final String END = "#===KNOT-END===";
    /** A space name that is safe inside an ssh config line and a shell command; the server allows less than this. */
    static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path file;

    private SshConfigFile(Path file) {
        this.file = file;
    }

    /** ~/.ssh/config under {@code home}. */
    public static SshConfigFile inHome(Path home) {
        return new SshConfigFile(requireNonNull(home, "home is null").resolve(".ssh").resolve("config"));
    }

    public Path path() {
        return file;
    }

    /**
     * Puts a block for {@code spaces} where the earlier one was (at the end of the file if there was none); with no
     * spaces the block is removed.
     *
     * @param spaces names that match {@link #SAFE_NAME}
     * @return whether the file changed
     */
    public boolean update(List<String> spaces) {
        requireNonNull(spaces, "spaces is null");
        return rewrite(spaces.isEmpty() ? Optional.empty() : Optional.of(block(spaces)));
    }

    /** @return whether there was a block to remove */
    public boolean remove() {
        return rewrite(Optional.empty());
    }

    static String block(List<String> spaces) {
        StringBuilder block = new StringBuilder(START).append('\n');
        for (int i = 0; i < spaces.size(); i++) {
            String name = spaces.get(i);
            if (!SAFE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a space name for an ssh config: " + name);
            }
            if (i > 0) {
                block.append('\n');
            }
            block.append("Host knot.").append(name).append('\n')
                    .append("  HostName knot.").append(name).append('\n')
                    .append("  StrictHostKeyChecking=no\n")
                    .append("  LogLevel ERROR\n")
                    .append("  UserKnownHostsFile=/dev/null\n")
                    .append("  ProxyCommand knot forward ssh ").append(name).append('\n');
        }
        return block.append(END).append('\n').toString();
    }

    /**
     * {@code content} with every knot block taken out and {@code block} put where the first one was, or appended.
     * Works on ISO-8859-1 text, which maps each byte to one char and back, so bytes of any encoding survive.
     *
     * @throws ClientException when a start marker has no end marker after it
     */
    static String withBlock(String content, Optional<String> block) {
        StringBuilder result = new StringBuilder(content.length() + block.map(String::length).orElse(0) + 1);
        boolean inBlock = false;
        boolean placed = false;
        int lineNumber = 0;
        int startLine = 0;
        int position = 0;
        while (position < content.length()) {
            int newline = content.indexOf('\n', position);
            int next = newline < 0 ? content.length() : newline + 1;
            String line = content.substring(position, next);
            String marker = line.strip();
            lineNumber++;
            position = next;
            if (inBlock) {
                inBlock = !marker.equals(END);
            } else if (marker.equals(START)) {
                inBlock = true;
                startLine = lineNumber;
                if (!placed && block.isPresent()) {
                    result.append(block.get());
                    placed = true;
                }
            } else {
                result.append(line);
            }
        }
        if (inBlock) {
            throw new ClientException("line " + startLine + " starts a knot block (" + START + ") that no " + END
                    + " line ends; nothing was changed: fix the file by hand");
        }
        if (!placed && block.isPresent()) {
            if (result.length() > 0 && result.charAt(result.length() - 1) != '\n') {
                result.append('\n');
            }
            result.append(block.get());
        }
        return result.toString();
    }

    private boolean rewrite(Optional<String> block) {
        String content;
        try {
            content = new String(Files.readAllBytes(file), ISO_8859_1);
        } catch (NoSuchFileException missing) {
            content = "";
        } catch (IOException failure) {
            throw new ClientException("cannot read " + file + ": " + failure.getMessage(), failure);
        }
        String updated;
        try {
            updated = withBlock(content, block);
        } catch (ClientException unterminated) {
            throw new ClientException(file + ": " + unterminated.getMessage());
        }
        if (updated.equals(content)) {
            return false;
        }
        try {
            PrivateFiles.createPrivateDirectory(file.getParent());
            PrivateFiles.write(file, updated.getBytes(ISO_8859_1));
        } catch (IOException failure) {
            throw new ClientException("cannot write " + file + ": " + failure.getMessage(), failure);
        }
        return true;
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
