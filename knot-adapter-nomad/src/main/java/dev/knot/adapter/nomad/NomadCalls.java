package dev.knot.adapter.nomad;

import static java.util.Objects.requireNonNull;

import com.hashicorp.nomad.javasdk.ErrorResponseException;
import com.hashicorp.nomad.javasdk.NomadApiClient;
import com.hashicorp.nomad.javasdk.NomadException;
import com.hashicorp.nomad.javasdk.QueryOptions;
import com.hashicorp.nomad.javasdk.WriteOptions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.apache.http.HttpEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.client.utils.URIBuilder;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.util.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call to Nomad, through the SDK or as a plain request for what the SDK lacks, and sorts the outcome:
 * an answer, a {@link NomadRejection} (an error status, for the caller to judge), or a KnotException when Nomad
 * could not be reached or answered nonsense. Nothing of the SDK or httpclient gets past this class and the two
 * schedulers.
 */
final class NomadCalls {
    private static final Logger LOG = LoggerFactory.getLogger(NomadCalls.class);

    private final NomadConnection connection;
    private final NomadFailures failures;

    @Inject
    NomadCalls(NomadConnection connection) {
        this.connection = requireNonNull(connection, "connection is null");
        this.failures = new NomadFailures(connection.config());
    }

    NomadFailures failures() {
        return failures;
    }

    /** A call through the SDK, which turns every status but 200 into an ErrorResponseException. */
    <T> T sdk(NomadOperation operation, SdkCall<T> call) throws NomadRejection {
        try {
            T answer = call.call(connection.sdk());
            LOG.debug("Nomad: {} succeeded", operation.description());
            return answer;
        } catch (ErrorResponseException rejection) {
            LOG.debug("Nomad: {} answered {}", operation.description(), rejection.getServerErrorCode());
            throw new NomadRejection(rejection.getServerErrorCode(),
                    String.valueOf(rejection.getServerErrorMessage()));
        } catch (IOException unreachable) {
            throw failures.unreachable(unreachable);
        } catch (NomadException unreadable) {
            throw failures.unreadable(operation, unreadable);
        }
    }

    /**
     * A plain request: {@code method path?namespace=…} with an optional JSON body; the answer's body when Nomad
     * says 2xx.
     */
    String send(NomadOperation operation, String method, String path, String namespace, String jsonBody)
            throws NomadRejection {
        RequestBuilder request = RequestBuilder.create(method).setUri(uri(path, namespace));
        if (jsonBody != null) {
            request.setEntity(new StringEntity(jsonBody, ContentType.APPLICATION_JSON));
        }
        try (CloseableHttpResponse response = connection.httpClient().execute(request.build())) {
            int status = response.getStatusLine().getStatusCode();
            HttpEntity entity = response.getEntity();
            String body = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
            LOG.debug("Nomad: {} {} answered {}", method, path, status);
            if (status < 200 || status > 299) {
                throw new NomadRejection(status, body);
            }
            return body;
        } catch (IOException unreachable) {
            throw failures.unreachable(unreachable);
        }
    }

    <T> QueryOptions<T> query(String namespace) {
        return new QueryOptions<T>().setNamespace(namespace);
    }

    WriteOptions write(String namespace) {
        // A null region falls back to the configured one (the SDK's own rule).
        return new WriteOptions(null).setNamespace(namespace);
    }

    private URI uri(String path, String namespace) {
        NomadConfig config = connection.config();
        URIBuilder builder = new URIBuilder(config.address()).setPath(path).setParameter("namespace", namespace);
        if (!config.region().isEmpty()) {
            builder.setParameter("region", config.region());
        }
        try {
            return builder.build();
        } catch (URISyntaxException impossible) {
            throw new IllegalArgumentException("not a Nomad API path: " + path, impossible);
        }
    }

    /** One SDK call. */
    @FunctionalInterface
    interface SdkCall<T> {
        T call(NomadApiClient sdk) throws IOException, NomadException;
    }
}
