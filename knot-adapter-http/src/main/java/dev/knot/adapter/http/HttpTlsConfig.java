package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether the listener speaks HTTPS, and with which certificate. HTTPS is served on the listen address itself; there
 * is never a second, plain listener beside it.
 */
public sealed interface HttpTlsConfig {

    /** Plain HTTP: TLS is terminated in front of knot, or not at all. */
    static HttpTlsConfig plain() {
        return new Plain();
    }

    /** HTTPS with the operator's certificate chain and private key, both PEM files, read once at start. */
    static HttpTlsConfig pemFiles(Path certificateChainFile, Path privateKeyFile) {
        return new PemFiles(certificateChainFile, privateKeyFile);
    }

    /** HTTPS with a certificate made at start, for the given names; it lives only as long as the process. */
    static HttpTlsConfig selfSigned(List<String> dnsNames, List<InetAddress> ipAddresses) {
        return new SelfSigned(dnsNames, ipAddresses);
    }

    /** Whether this listener speaks HTTPS. */
    default boolean isHttps() {
        return !(this instanceof Plain);
    }

    /** {@code http} or {@code https}. */
    default String scheme() {
        return isHttps() ? "https" : "http";
    }

    /** Plain HTTP. */
    record Plain() implements HttpTlsConfig {}

    /**
     * The operator's certificate and key.
     *
     * @param certificateChainFile PEM {@code CERTIFICATE} blocks, the server's own certificate first, then the
     *     intermediates; other blocks are skipped, so a file holding the key too works
     * @param privateKeyFile an unencrypted PEM key: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY})
     *     or SEC1 ({@code EC PRIVATE KEY}); it must belong to the first certificate
     */
    record PemFiles(Path certificateChainFile, Path privateKeyFile) implements HttpTlsConfig {
        public PemFiles {
            requireNonNull(certificateChainFile, "certificateChainFile is null");
            requireNonNull(privateKeyFile, "privateKeyFile is null");
        }
    }

    /**
     * A certificate signed by its own key, made at start.
     *
     * @param dnsNames the DNS subject alternative names, in order; the first is also the common name
     * @param ipAddresses the IP address subject alternative names
     */
    record SelfSigned(List<String> dnsNames, List<InetAddress> ipAddresses) implements HttpTlsConfig {
        public SelfSigned {
            dnsNames = List.copyOf(requireNonNull(dnsNames, "dnsNames is null"));
            ipAddresses = List.copyOf(requireNonNull(ipAddresses, "ipAddresses is null"));
            if (dnsNames.isEmpty()) {
                throw new IllegalArgumentException("a self-signed certificate needs at least one DNS name");
            }
            for (String name : dnsNames) {
                // A certificate holds DNS names as IA5String: ASCII, and no name has spaces or control characters.
                if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c < 127)) {
                    throw new IllegalArgumentException(
                            "a DNS name of the self-signed certificate must be printable ASCII, got \"" + name + "\"");
                }
            }
        }
    }
}
