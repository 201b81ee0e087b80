package dev.knot.ports.model;


/** A CSI volume created in Nomad for a space: its id and the namespace it lives in. */
public record CsiVolumeRef(String id, String namespace) {
    public CsiVolumeRef {
        Checks.notNull("volume id", id);
        Checks.notNull("volume namespace", namespace);
    }
}
