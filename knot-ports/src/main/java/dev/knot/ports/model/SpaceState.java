package dev.knot.ports.model;

/** Where a space is in its life. Transitions are the domain's business; stores keep whichever state they are given. */
public enum SpaceState {
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING,
    DELETING,
    /** Nomad refused or lost the job; the space keeps Nomad's message. */
    FAILED
}
