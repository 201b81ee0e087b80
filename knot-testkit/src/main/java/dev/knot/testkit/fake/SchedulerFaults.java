package dev.knot.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failures the fake schedulers inject, as the port Javadoc says real ones report them: SCHEDULER_UNAVAILABLE for an
 * unreachable scheduler or a 5xx, PERMISSION_DENIED for a revoked token, INVALID_ARGUMENT for a rejected job.
 * A failure is either an outage (every call fails until {@link #recover}) or queued for the next calls of one
 * operation; a queued failure may strike after the call took effect, as a time-out after Nomad accepted a job does.
 * Thread-safe.
 */
public final class SchedulerFaults {
    /** The scheduler calls a failure can be aimed at. */
    public enum Operation { PARSE, SUBMIT, STATUS, REMOVE, CREATE_VOLUME, DELETE_VOLUME }

    /** When a queued failure strikes: before the call changed anything, or after it took effect. */
    public enum Timing { BEFORE, AFTER }

    private record Fault(ErrorCode code, Timing timing) {}

    private final Map<Operation, Deque<Fault>> queued = new EnumMap<>(Operation.class);
    private ErrorCode outage;

    /** Every call fails with {@code code} until {@link #recover}. */
    public synchronized void outage(ErrorCode code) {
        outage = requireNonNull(code, "code is null");
    }

    /** The next call of {@code operation} fails with {@code code}, at {@code timing}. */
    public synchronized void failNext(Operation operation, ErrorCode code, Timing timing) {
        queued.computeIfAbsent(requireNonNull(operation, "operation is null"), key -> new ArrayDeque<>())
                .add(new Fault(requireNonNull(code, "code is null"), requireNonNull(timing, "timing is null")));
    }

    public void failNext(Operation operation, ErrorCode code) {
        failNext(operation, code, Timing.BEFORE);
    }

    /** Ends an outage and drops every queued failure. */
    public synchronized void recover() {
        outage = null;
        queued.clear();
    }

    /** Throws the failure due before the call, if any; else tells whether one is due after it. */
    synchronized Optional<KnotException> before(Operation operation) {
        if (outage != null) {
            throw failure(outage, operation);
        }
        Deque<Fault> faults = queued.get(operation);
        if (faults == null || faults.isEmpty()) {
            return Optional.empty();
        }
        Fault fault = faults.poll();
        if (fault.timing() == Timing.BEFORE) {
            throw failure(fault.code(), operation);
        }
        return Optional.of(failure(fault.code(), operation));
    }

    private static KnotException failure(ErrorCode code, Operation operation) {
        String message = switch (code) {
            case SCHEDULER_UNAVAILABLE -> "Nomad is unavailable (injected fault in " + operation + ")";
            case PERMISSION_DENIED -> "Nomad refused: Permission denied (injected fault in " + operation + ")";
            case INVALID_ARGUMENT -> "Nomad rejected the request (injected fault in " + operation + ")";
            default -> "Nomad failed: " + code + " (injected fault in " + operation + ")";
        };
        return new KnotException(code, message);
    }
}
