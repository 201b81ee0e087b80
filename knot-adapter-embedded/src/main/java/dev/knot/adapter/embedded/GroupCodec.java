package dev.knot.adapter.embedded;

import dev.knot.ports.model.Group;

/** Stores a {@link Group}. */
final class GroupCodec implements RecordCodec<Group> {
    @Override
    public void write(Group group, RecordWriter writer) {
        writer.id(group.id()).string(group.name()).audit(group.audit());
    }

    @Override
    public Group read(RecordReader reader) {
        return new Group(reader.id(), reader.string(), reader.audit());
    }
}
