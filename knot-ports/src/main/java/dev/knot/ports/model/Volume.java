package dev.knot.ports.model;


/**
 * A standalone CSI volume (not tied to a space), defined in YAML.
 *
 * @param location where it was started; "" when it is not running
 */
public record Volume(Id<Volume> id, String name, String definition, String location, boolean active, Audit audit) {
    public Volume {
        Checks.notNull("volume_id", id);
        Checks.length("name", name, 1, 64);
        Checks.length("definition", definition, 0, Template.MAXIMUM_TEXT_LENGTH);
        Checks.length("location", location, 0, 64);
        Checks.notNull("audit", audit);
    }
}
