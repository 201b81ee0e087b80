package dev.knot.client;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * A knot server and the one HTTP client that talks to it (REST calls and websockets). Certificates are verified
 * against the JVM's trusted roots unless {@code tlsSkipVerify}. Redirects are not followed, so a token is never sent
 * to another address than the one the user gave.
 */
public final class KnotServer {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ServerAddress address;
    private final HttpClient http;

    private KnotServer(ServerAddress address, HttpClient http) {
        this.address = address;
        this.http = http;
    }

    public static KnotServer at(ServerAddress address, boolean tlsSkipVerify) {
        requireNonNull(address, "address is null");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tlsSkipVerify) {
            builder.sslContext(trustingEveryCertificate());
        }
        return new KnotServer(address, builder.build());
    }

    public ServerAddress address() {
        return address;
    }

    HttpClient http() {
        return http;
    }

    private static SSLContext trustingEveryCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAnyCertificate()}, null);
            return context;
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("the JDK has no TLS", impossible);
        }
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
