package dev.knot.adapter.redis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.knot.ports.model.Id;
import java.util.Collection;

/** Sets of ids are stored as JSON arrays of their text, sorted so that equal sets store equal text. */
final class IdArrays {
    private IdArrays() {}

    static ArrayNode write(Collection<? extends Id<?>> ids) {
        ArrayNode array = Json.array();
        ids.stream().map(Id::value).sorted().forEach(array::add);
        return array;
    }
}
