package dev.knot.adapter.http;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the HTTP listener binds and what it accepts. Undertow has no request limits of its own, so every limit here
 * is applied to it explicitly; {@link #defaults} gives the safe values.
 *
 * @param host the address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port the TCP port; 0 picks a free one (tests)
 * @param publicUrl the URL users and agents reach this server at ({@code server.url}), e.g.
 *     {@code https://knot.example.com}
 * @param maxRequestBodyBytes the body limit of a route that does not declare its own; larger bodies get 413
 * @param maxHeaderBytes the limit on the request line plus all headers; larger requests are refused and the
 *     connection is closed
 * @param maxHeaders the most headers one request may carry
 * @param requestParseTimeout how long a client may take to send the request line and headers (slowloris)
 * @param idleTimeout how long a connection may sit with no bytes moving, between or during requests; long-lived
 *     streams such as terminal websockets must ping more often than this
 * @param drainTimeout on shutdown, how long in-flight requests may take to finish before the listener stops
 * @param ioThreads the non-blocking I/O threads
 * @param workerThreads the threads that run routes which call blocking ports
 * @param trustedProxies the addresses ({@code 10.0.0.5}) and networks ({@code 10.0.0.0/8}) of reverse proxies whose
 *     {@code X-Forwarded-For} is believed ({@code server.trusted_proxies}); empty: the socket peer is the client
 * @param tls plain HTTP or HTTPS, on the same address either way
 * @param wildcardDomain {@code server.wildcard_domain}, e.g. {@code *.knot.example.com}, kept lower-case and without
 *     the final dot or port it may have (hosts are matched by name): the spaces' web ports are served on the hosts
 *     under it; empty: no web ports
 */
public record HttpConfig(
        String host,
        int port,
        URI publicUrl,
        long maxRequestBodyBytes,
        int maxHeaderBytes,
        int maxHeaders,
        Duration requestParseTimeout,
        Duration idleTimeout,
        Duration drainTimeout,
        int ioThreads,
        int workerThreads,
        List<String> trustedProxies,
        HttpTlsConfig tls,
        Optional<String> wildcardDomain) {

    /** nginx's {@code client_max_body_size}; routes that take templates declare a larger limit of their own. */
    static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;

    static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    static final int DEFAULT_MAX_HEADERS = 100;
    /** The Go server's {@code ReadHeaderTimeout}. */
    static final Duration DEFAULT_REQUEST_PARSE_TIMEOUT = Duration.ofSeconds(10);
    /** The Go server's {@code IdleTimeout}. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);
    static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern WILDCARD_DOMAIN =
            Pattern.compile("(\\*(\\.[a-z0-9]([a-z0-9_-]*[a-z0-9])?)+)\\.?(:[0-9]{1,5})?");

    public HttpConfig {
        requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(format("port must be 0..65535, got %s", port));
        }
        requireNonNull(publicUrl, "publicUrl is null");
        if (!"http".equals(publicUrl.getScheme()) && !"https".equals(publicUrl.getScheme())
                || publicUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    format("publicUrl must be an absolute http or https URL with a host, got %s", publicUrl));
        }
        positive("maxRequestBodyBytes", maxRequestBodyBytes);
        positive("maxHeaderBytes", maxHeaderBytes);
        positive("maxHeaders", maxHeaders);
        milliseconds("requestParseTimeout", requestParseTimeout);
        milliseconds("idleTimeout", idleTimeout);
        milliseconds("drainTimeout", drainTimeout);
        positive("ioThreads", ioThreads);
        positive("workerThreads", workerThreads);
        trustedProxies = List.copyOf(requireNonNull(trustedProxies, "trustedProxies is null"));
        // Parsed here so that a typo stops the server at start rather than silently trusting nobody.
        TrustedProxies.parse(trustedProxies);
        requireNonNull(tls, "tls is null");
        wildcardDomain = requireNonNull(wildcardDomain, "wildcardDomain is null").map(HttpConfig::wildcard);
    }

    /** This config, believing {@code X-Forwarded-For} from the given proxy addresses and CIDR networks. */
    public HttpConfig withTrustedProxies(List<String> cidrsOrAddresses) {
        return new HttpConfig(host, port, publicUrl, maxRequestBodyBytes, maxHeaderBytes, maxHeaders,
                requestParseTimeout, idleTimeout, drainTimeout, ioThreads, workerThreads, cidrsOrAddresses, tls,
                wildcardDomain);
    }

    /** This config, serving plain HTTP or HTTPS as {@code tls} says. */
    public HttpConfig withTls(HttpTlsConfig tls) {
        return new HttpConfig(host, port, publicUrl, maxRequestBodyBytes, maxHeaderBytes, maxHeaders,
                requestParseTimeout, idleTimeout, drainTimeout, ioThreads, workerThreads, trustedProxies, tls,
                wildcardDomain);
    }

    /** This config, serving the spaces' web ports on the hosts under {@code domain} ({@code *.knot.example.com}). */
    public HttpConfig withWildcardDomain(Optional<String> domain) {
        return new HttpConfig(host, port, publicUrl, maxRequestBodyBytes, maxHeaderBytes, maxHeaders,
                requestParseTimeout, idleTimeout, drainTimeout, ioThreads, workerThreads, trustedProxies, tls, domain);
    }

    /** The safe defaults for everything but where to listen; plain HTTP until {@link #withTls} says otherwise. */
    public static HttpConfig defaults(String host, int port, URI publicUrl) {
        int processors = Runtime.getRuntime().availableProcessors();
        int ioThreads = Math.max(2, processors);
        return new HttpConfig(
                host,
                port,
                publicUrl,
                DEFAULT_MAX_REQUEST_BODY_BYTES,
                DEFAULT_MAX_HEADER_BYTES,
                DEFAULT_MAX_HEADERS,
                DEFAULT_REQUEST_PARSE_TIMEOUT,
                DEFAULT_IDLE_TIMEOUT,
                DEFAULT_DRAIN_TIMEOUT,
                ioThreads,
                // Undertow's own default ratio: worker threads mostly wait on stores and Nomad.
                ioThreads * 8,
                List.of(),
                HttpTlsConfig.plain(),
                Optional.empty());
    }

    private static String wildcard(String domain) {
        Matcher matcher = WILDCARD_DOMAIN.matcher(domain.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    format("wildcardDomain must look like *.knot.example.com, got \"%s\"", domain));
        }
        return matcher.group(1);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(format("%s must be positive, got %s", name, value));
        }
    }

    /** Undertow takes every timeout as a positive int of milliseconds. */
    private static void milliseconds(String name, Duration value) {
        requireNonNull(value, name + " is null");
        if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(
                    format("%s must be between 1 ms and %s ms, got %s", name, Integer.MAX_VALUE, value));
        }
    }
}
