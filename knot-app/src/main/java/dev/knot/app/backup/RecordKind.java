package dev.knot.app.backup;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of record a backup holds, in the order a restore writes them. Each has its name in the file and the
 * version of its line's layout; a change to a layout gets a new version, and restore reads every version it knows.
 */
public enum RecordKind {
    GROUP("group", "groups"),
    USER("user", "users"),
    TEMPLATE("template", "templates"),
    TEMPLATE_VAR("template_var", "template variables"),
    VOLUME("volume", "volumes"),
    SPACE("space", "spaces"),
    TOKEN("token", "API tokens");

    /** The layout version of every kind's line in this release. */
    static final int CURRENT_VERSION = 1;

    private final String fileName;
    private final String pluralDisplayName;

    RecordKind(String fileName, String pluralDisplayName) {
        this.fileName = fileName;
        this.pluralDisplayName = pluralDisplayName;
    }

    /** How the kind is named in the file: a line's "kind" and a key of the header's "counts". */
    public String fileName() {
        return fileName;
    }

    /** For the operator: "template variables". */
    public String pluralDisplayName() {
        return pluralDisplayName;
    }

    static Optional<RecordKind> fromFileName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.fileName.equals(name)).findFirst();
    }
}
