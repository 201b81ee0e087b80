package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

/** A standalone volume's editable fields: its name and its YAML definition (exactly one volume to start it). */
public record VolumeCommand(String name, String definition) {
    public VolumeCommand {
        requireNonNull(name, "name is null");
        requireNonNull(definition, "definition is null");
    }

    @Override
    public String toString() {
        // A definition may be megabytes long and hold CSI secrets.
        return "VolumeCommand[name=" + name + "]";
    }
}
