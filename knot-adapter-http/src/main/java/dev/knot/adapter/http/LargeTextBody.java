package dev.knot.adapter.http;

/**
 * The body limit of a route whose body carries one large text field: a template's job, a variable's value. The
 * field may use its whole maximum; the other fields, the JSON around them and some escaping share a fixed
 * allowance. A larger body is a 413 before it is read. So a template's job, volumes and description together are
 * bounded, where the original bounded each on its own after reading a body of any size.
 */
final class LargeTextBody {
    static final long ALLOWANCE_BYTES = 1024 * 1024;

    private LargeTextBody() {}

    static long limitFor(int maximumFieldLength) {
        return maximumFieldLength + ALLOWANCE_BYTES;
    }
}
