package dev.knot.adapter.redis;

import dev.knot.ports.model.Shell;

/** Shells are stored by their lowercase name, as the original stores them. */
final class Shells {
    private Shells() {}

    static Shell read(StoredObject stored, String field) {
        String name = stored.text(field);
        return Shell.fromValue(name).orElseThrow(() -> stored.unreadable("field " + field + " holds an unknown shell " + name));
    }
}
