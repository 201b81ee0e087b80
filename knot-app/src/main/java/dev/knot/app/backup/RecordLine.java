package dev.knot.app.backup;

/** The "record" object of one backup line, as read: its id, and the model record it stands for. */
interface RecordLine {
    String id();

    /** @throws dev.knot.ports.model.KnotException INVALID_ARGUMENT naming the field the model refuses */
    Object toModel();
}
