package dev.knot.domain.crypto;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Tokens that carry their own payload and prove a server holding {@code server.encrypt} wrote it:
 * {@code <prefix><base64url(payload)>.<base64url(HMAC-SHA256(purpose key, payload))>}. Nothing is stored, so there
 * is nothing to steal from a store, and every server sharing the key accepts them. The payload is signed, not
 * encrypted: whoever holds a token can read it, so it must hold no secret. Expiry and single use are the caller's.
 */
public final class SignedTokens {
    /** Far above any token knot makes; a longer one is refused before any decoding or MAC work. */
    static final int MAXIMUM_LENGTH = 8192;
    private static final char SEPARATOR = '.';
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final PurposeMac mac;
    private final String prefix;

    /**
     * @param serverKey {@code server.encrypt}
     * @param purpose what the tokens are for; tokens made for one purpose are refused for every other
     * @param prefix what the tokens start with, so a leaked one says what it is
     */
    public SignedTokens(String serverKey, String purpose, String prefix) {
        this.mac = new PurposeMac(serverKey, purpose);
        this.prefix = requireNonNull(prefix, "prefix is null");
    }

    public String sign(String payload) {
        byte[] bytes = requireNonNull(payload, "payload is null").getBytes(StandardCharsets.UTF_8);
        return prefix + ENCODER.encodeToString(bytes) + SEPARATOR + ENCODER.encodeToString(mac.of(bytes));
    }

    /**
     * @return the payload of a token this class signed with the same key and purpose; empty for anything else
     *     (malformed, another encoding of the same bytes, a wrong or truncated MAC, null)
     */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > MAXIMUM_LENGTH || !token.startsWith(prefix)) {
            return Optional.empty();
        }
        String body = token.substring(prefix.length());
        int separator = body.indexOf(SEPARATOR);
        if (separator < 0) {
            return Optional.empty();
        }
        Optional<byte[]> payload = canonicalDecode(body.substring(0, separator));
        Optional<byte[]> presentedMac = canonicalDecode(body.substring(separator + 1));
        if (payload.isEmpty() || presentedMac.isEmpty() || !mac.matches(payload.get(), presentedMac.get())) {
            return Optional.empty();
        }
        return Optional.of(new String(payload.get(), StandardCharsets.UTF_8));
    }

    /** Only the one encoding {@link #sign} writes: no padding, no stray bits, so each token has one spelling. */
    private static Optional<byte[]> canonicalDecode(String text) {
        try {
            byte[] bytes = DECODER.decode(text);
            return ENCODER.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "SignedTokens[prefix=" + prefix + "]";
    }
}
