package dev.knot.adapter.nomad;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach Nomad ({@code server.nomad.*}).
 *
 * @param address the HTTP API, e.g. {@code http://nomad.service.consul:4646}: http or https, a host, an optional
 *     port, nothing else (no path, query or user info)
 * @param token the ACL token sent as {@code X-Nomad-Token}, "" for none; never shown by {@link #toString()}
 * @param namespace where jobs go when their HCL names no namespace, and where job HCL is parsed
 * @param connectTimeout how long opening a connection may take
 * @param readTimeout how long Nomad may stay silent while answering one call
 * @param tlsCaFile PEM file with the CA certificate(s) to trust for https instead of the JVM's trust store
 * @param tlsSkipVerify accept any certificate and host name (test clusters only)
 * @param region the Nomad region to address, "" for the region of the server that answers
 */
public record NomadConfig(
        URI address,
        String token,
        String namespace,
        Duration connectTimeout,
        Duration readTimeout,
        Optional<Path> tlsCaFile,
        boolean tlsSkipVerify,
        String region) {
    public static final String DEFAULT_NAMESPACE = "default";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration MAXIMUM_TIMEOUT = Duration.ofMinutes(5);

    public NomadConfig {
        requireNonNull(address, "address is null");
        requireNonNull(token, "token is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(readTimeout, "readTimeout is null");
        requireNonNull(tlsCaFile, "tlsCaFile is null");
        requireNonNull(region, "region is null");
        address = checkAddress(address);
        // A line break would let the token end the header and start another one; the message must not echo it.
        if (token.indexOf('\r') >= 0 || token.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("server.nomad.token: must not contain line breaks");
        }
        token = token.strip();
        if (namespace.isBlank()) {
            throw new IllegalArgumentException("server.nomad.namespace: must not be blank");
        }
        checkTimeout("connect timeout", connectTimeout);
        checkTimeout("read timeout", readTimeout);
    }

    /** The original's two settings, with the default namespace, timeouts and TLS from the JVM's trust store. */
    public static NomadConfig of(URI address, String token) {
        return new NomadConfig(address, token, DEFAULT_NAMESPACE, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                Optional.empty(), false, "");
    }

    /** A copy that puts jobs without a namespace of their own into {@code newNamespace}. */
    public NomadConfig withNamespace(String newNamespace) {
        return new NomadConfig(address, token, newNamespace, connectTimeout, readTimeout, tlsCaFile, tlsSkipVerify,
                region);
    }

    /** A copy with other timeouts. */
    public NomadConfig withTimeouts(Duration newConnectTimeout, Duration newReadTimeout) {
        return new NomadConfig(address, token, namespace, newConnectTimeout, newReadTimeout, tlsCaFile,
                tlsSkipVerify, region);
    }

    /** A copy with other https settings. */
    public NomadConfig withTls(Optional<Path> newCaFile, boolean newSkipVerify) {
        return new NomadConfig(address, token, namespace, connectTimeout, readTimeout, newCaFile, newSkipVerify,
                region);
    }

    /** A copy that addresses another region. */
    public NomadConfig withRegion(String newRegion) {
        return new NomadConfig(address, token, namespace, connectTimeout, readTimeout, tlsCaFile, tlsSkipVerify,
                newRegion);
    }

    private static URI checkAddress(URI address) {
        String scheme = address.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException(
                    "server.nomad.addr: must start with http:// or https://, got " + address);
        }
        if (address.getHost() == null) {
            throw new IllegalArgumentException("server.nomad.addr: has no host name, got " + address);
        }
        if (address.getRawUserInfo() != null) {
            // Printing the address would print the credentials; the token has its own setting.
            throw new IllegalArgumentException("server.nomad.addr: must not hold user info (user:password@)");
        }
        String path = address.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || address.getRawQuery() != null
                || address.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "server.nomad.addr: must be scheme://host[:port] only (Nomad's API lives at /v1), got " + address);
        }
        return URI.create(scheme.toLowerCase() + "://" + address.getRawAuthority());
    }

    private static void checkTimeout(String name, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAXIMUM_TIMEOUT) > 0) {
            throw new IllegalArgumentException(
                    "server.nomad: the " + name + " must be above 0 and at most " + MAXIMUM_TIMEOUT + ", got "
                            + timeout);
        }
    }

    @Override
    public String toString() {
        return "NomadConfig[address=" + address + ", token=" + (token.isEmpty() ? "(empty)" : "(redacted)")
                + ", namespace=" + namespace + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", tlsCaFile=" + tlsCaFile.map(Path::toString).orElse("(JVM trust store)") + ", tlsSkipVerify="
                + tlsSkipVerify + ", region=" + (region.isEmpty() ? "(server's)" : region) + "]";
    }
}
