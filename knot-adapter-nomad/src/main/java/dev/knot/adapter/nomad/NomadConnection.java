package dev.knot.adapter.nomad;

import static java.util.Objects.requireNonNull;

import com.hashicorp.nomad.javasdk.NomadApiClient;
import com.hashicorp.nomad.javasdk.NomadApiConfiguration;
import dev.knot.ports.runtime.ManagedService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.config.SocketConfig;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.message.BasicHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client every Nomad call goes through, the SDK's and the raw ones alike, so timeouts, TLS and the
 * token are set in one place. The SDK's own client has no timeouts and silently repeats writes (nomad-api.md
 * §1.5); this one has both timeouts and never retries: a failed write is the domain's to repeat or not.
 */
final class NomadConnection implements ManagedService {
    private static final String TOKEN_HEADER = "X-Nomad-Token";
    private static final Logger LOG = LoggerFactory.getLogger(NomadConnection.class);
    /** Enough for status polls of many spaces at once; Nomad itself serves far more. */
    private static final int MAXIMUM_CONNECTIONS = 16;
    /** A pooled connection idle this long is checked before use, so a write is not lost on a closed socket. */
    private static final int VALIDATE_AFTER_INACTIVITY_MILLIS = 500;
    private static final long IDLE_CONNECTION_SECONDS = 30;

    private final NomadConfig config;
    private volatile CloseableHttpClient httpClient;
    private volatile NomadApiClient sdk;

    @Inject
    NomadConnection(NomadConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    public String name() {
        return "nomad client";
    }

    @Override
    public synchronized void start() {
        if (httpClient != null) {
            return;
        }
        CloseableHttpClient client = buildHttpClient(config);
        NomadApiConfiguration.Builder sdkConfig = new NomadApiConfiguration.Builder()
                .setAddress(config.address().toString());
        if (!config.region().isEmpty()) {
            sdkConfig.setRegion(config.region());
        }
        // No token here: the HTTP client adds it to every request, the SDK's and the raw ones.
        sdk = new NomadApiClient(sdkConfig.build(), client);
        httpClient = client;
        LOG.info("Nomad at {} (namespace {} for jobs without one)", config.address(), config.namespace());
    }

    @Override
    public synchronized void close() {
        CloseableHttpClient client = httpClient;
        httpClient = null;
        sdk = null;
        if (client != null) {
            try {
                client.close();
            } catch (IOException ignored) {
                // Closing only releases pooled sockets; there is nothing left to do on failure.
            }
        }
    }

    NomadConfig config() {
        return config;
    }

    NomadApiClient sdk() {
        NomadApiClient current = sdk;
        if (current == null) {
            throw new IllegalStateException("the Nomad client is not started");
        }
        return current;
    }

    CloseableHttpClient httpClient() {
        CloseableHttpClient current = httpClient;
        if (current == null) {
            throw new IllegalStateException("the Nomad client is not started");
        }
        return current;
    }

    static CloseableHttpClient buildHttpClient(NomadConfig config) {
        int connectMillis = Math.toIntExact(config.connectTimeout().toMillis());
        int readMillis = Math.toIntExact(config.readTimeout().toMillis());
        NomadTls tls = NomadTls.of(config);
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(
                RegistryBuilder.<ConnectionSocketFactory>create()
                        .register("http", PlainConnectionSocketFactory.getSocketFactory())
                        .register("https", new SSLConnectionSocketFactory(tls.context(), tls.hostnameVerifier()))
                        .build());
        connections.setMaxTotal(MAXIMUM_CONNECTIONS);
        connections.setDefaultMaxPerRoute(MAXIMUM_CONNECTIONS);
        connections.setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY_MILLIS);
        // The socket timeout also bounds the TLS handshake, which runs before any request config applies.
        connections.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(readMillis).build());
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout(connectMillis)
                .setSocketTimeout(readMillis)
                // Waiting for a pooled connection counts as part of connecting.
                .setConnectionRequestTimeout(connectMillis)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(timeouts)
                .disableAutomaticRetries()
                // A redirect would carry the token to wherever it points.
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("knot")
                .setDefaultHeaders(List.of(new BasicHeader(HttpHeaders.ACCEPT, "application/json")))
                .addInterceptorLast(tokenHeader(config.token()))
                .evictExpiredConnections()
                .evictIdleConnections(IDLE_CONNECTION_SECONDS, TimeUnit.SECONDS)
                .build();
    }

    /** Sets the token on every request, replacing any the SDK might add, so it is sent exactly once. */
    private static HttpRequestInterceptor tokenHeader(String token) {
        return (request, context) -> {
            if (!token.isEmpty()) {
                request.setHeader(TOKEN_HEADER, token);
            }
        };
    }
}
