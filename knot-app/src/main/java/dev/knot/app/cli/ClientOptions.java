package dev.knot.app.cli;

import dev.knot.client.ClientFlags;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command that talks to a server takes (a picocli mixin). */
final class ClientOptions {
    @Option(
            names = {"-s", "--server"},
            paramLabel = "<url>",
            description = "The knot server (env KNOT_SERVER, config client.server). Without a scheme, https:// is used.")
    private String server;

    @Option(
            names = {"-t", "--token"},
            paramLabel = "<token>",
            description = "The API token (env KNOT_TOKEN, config client.token). Prefer the environment or the config"
                    + " file: other users of this machine can see command lines.")
    private String token;

    @Option(
            names = "--tls-skip-verify",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "<true|false>",
            description = "Do not verify the server's TLS certificate (env KNOT_TLS_SKIP_VERIFY, config"
                    + " tls_skip_verify). Certificates are verified unless this is chosen.")
    private Boolean tlsSkipVerify;

    ClientFlags flags() {
        return new ClientFlags(Optional.ofNullable(server), Optional.ofNullable(token),
                Optional.ofNullable(tlsSkipVerify));
    }
}
