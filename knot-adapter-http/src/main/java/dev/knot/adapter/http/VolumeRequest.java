package dev.knot.adapter.http;

import static java.util.Objects.requireNonNullElse;

import dev.knot.ports.in.VolumeCommand;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Volume;

/** The body of {@code POST /volumes} and {@code PUT /volumes/{volume_id}}; on update a missing field is kept. */
record VolumeRequest(String name, String definition) {

    VolumeCommand toCreateCommand() {
        if (name == null) {
            throw KnotException.invalid("name: is required");
        }
        return new VolumeCommand(name, requireNonNullElse(definition, ""));
    }

    VolumeCommand toUpdateCommand(Volume current) {
        return new VolumeCommand(requireNonNullElse(name, current.name()),
                requireNonNullElse(definition, current.definition()));
    }

    @Override
    public String toString() {
        // A definition may be megabytes long and hold CSI secrets.
        return "VolumeRequest[name=" + name + "]";
    }
}
