package dev.knot.client;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The server, API token and TLS choice of one client command, each from the first place that has it: the command
 * line, then the environment (KNOT_SERVER, KNOT_TOKEN, KNOT_TLS_SKIP_VERIFY), then the config file (client.server,
 * client.token, tls_skip_verify). TLS certificates are verified unless one of them says otherwise.
 */
public final class ClientSettings {
    private final Optional<String> server;
    private final Optional<String> token;
    private final boolean tlsSkipVerify;
    private final ClientConfigFile file;

    private ClientSettings(Optional<String> server, Optional<String> token, boolean tlsSkipVerify,
            ClientConfigFile file) {
        this.server = server;
        this.token = token;
        this.tlsSkipVerify = tlsSkipVerify;
        this.file = file;
    }

    /**
     * @throws ClientException when a value that is needed is malformed (the file is read only if the command line and
     *     environment leave something open)
     */
    public static ClientSettings resolve(ClientFlags flags, ClientEnvironment environment, ClientConfigFile file) {
        requireNonNull(flags, "flags is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(file, "file is null");
        Optional<String> server = flags.server().filter(value -> !value.isBlank())
                .or(() -> environment.variable("KNOT_SERVER"));
        Optional<String> token = flags.token().filter(value -> !value.isBlank())
                .or(() -> environment.variable("KNOT_TOKEN"));
        Optional<Boolean> tlsSkipVerify = flags.tlsSkipVerify().or(() -> environment.variable("KNOT_TLS_SKIP_VERIFY")
                .map(value -> ClientConfigFile.parseFlag(value, "KNOT_TLS_SKIP_VERIFY")));
        if (server.isEmpty() || token.isEmpty() || tlsSkipVerify.isEmpty()) {
            ClientConfigValues saved = file.read();
            server = server.or(saved::server);
            token = token.or(saved::token);
            tlsSkipVerify = tlsSkipVerify.or(saved::tlsSkipVerify);
        }
        return new ClientSettings(server, token, tlsSkipVerify.orElse(false), file);
    }

    /** @throws ClientException when no server was given anywhere, or it is not a server address */
    public ServerAddress server() {
        return ServerAddress.parse(server.orElseThrow(() -> new ClientException(
                "no server: give --server, set KNOT_SERVER, or run `knot connect <server>` (it saves client.server in "
                        + file + ")")));
    }

    /** @throws ClientException when no token was given anywhere */
    public String token() {
        return token.orElseThrow(() -> new ClientException(
                "no API token: give --token, set KNOT_TOKEN, or run `knot connect <server>` (it saves client.token in "
                        + file + ")"));
    }

    public boolean tlsSkipVerify() {
        return tlsSkipVerify;
    }

    /** The server to talk to, with this TLS choice. */
    public KnotServer knotServer() {
        return KnotServer.at(server(), tlsSkipVerify);
    }

    @Override
    public String toString() {
        return "ClientSettings[server=" + server + ", token=" + (token.isPresent() ? "(set)" : "(none)")
                + ", tlsSkipVerify=" + tlsSkipVerify + ", file=" + file + "]";
    }
}
