package dev.knot.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The registration in force. Until there is one, every bearer token is refused. */
final class CurrentRegistration {
    private final AtomicReference<Registration> current = new AtomicReference<>();

    Optional<Registration> get() {
        return Optional.ofNullable(current.get());
    }

    void set(Registration registration) {
        current.set(registration);
    }

    /**
     * True when {@code presentedToken} is the server token of the registration in force. Compares in constant
     * time, so response timing does not reveal how much of a guess was right.
     */
    boolean accepts(String presentedToken) {
        Registration registration = current.get();
        if (registration == null || presentedToken == null) {
            return false;
        }
        return MessageDigest.isEqual(
                registration.serverToken().getBytes(StandardCharsets.UTF_8),
                presentedToken.getBytes(StandardCharsets.UTF_8));
    }
}
