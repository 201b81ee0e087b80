package dev.knot.ports.model;

/** The four permissions of knot v0.9; roles grant them. */
public enum Permission {
    MANAGE_USERS,
    MANAGE_TEMPLATES,
    MANAGE_SPACES,
    MANAGE_VOLUMES
}
