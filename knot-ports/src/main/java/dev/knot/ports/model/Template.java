package dev.knot.ports.model;


import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * A recipe for spaces: a Nomad job (HCL with {@code ${{ … }}} variables) and the CSI volumes it needs (YAML).
 *
 * @param job at most 10 MB; "manual" for the Manual template, whose spaces run an agent installed by hand
 * @param volumes YAML, "" when the template needs no volumes
 * @param groups empty = offered to everyone; else only to members of these groups (and template managers)
 */
public record Template(
        Id<Template> id, String name, String description, String job, String volumes, Set<Id<Group>> groups,
        Audit audit) {
    public static final Id<Template> MANUAL_ID = Id.of("00000000-0000-0000-0000-000000000000");
    public static final int MAXIMUM_TEXT_LENGTH = 10 * 1024 * 1024;

    public Template {
        Checks.notNull("template_id", id);
        Checks.length("name", name, 1, 255);
        Checks.length("description", description, 0, MAXIMUM_TEXT_LENGTH);
        Checks.length("job", job, 1, MAXIMUM_TEXT_LENGTH);
        Checks.length("volumes", volumes, 0, MAXIMUM_TEXT_LENGTH);
        groups = Set.copyOf(Checks.notNull("groups", groups));
        Checks.notNull("audit", audit);
    }

    public boolean isManual() {
        return MANUAL_ID.equals(id);
    }

    /**
     * The original's hash, md5hex(job + volumes): a space deployed with another hash has an update available.
     * MD5 is fine here: it detects change, it guards nothing.
     */
    public String hash() {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest((job + volumes).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK provides MD5", impossible);
        }
    }
}
