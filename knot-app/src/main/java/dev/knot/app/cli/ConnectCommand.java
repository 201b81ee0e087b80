package dev.knot.app.cli;

import static java.util.Objects.requireNonNull;

import dev.knot.app.config.ConfigEnvironment;
import dev.knot.client.BrowserOpener;
import dev.knot.client.ClientConfigFile;
import dev.knot.client.ClientFlags;
import dev.knot.client.Connection;
import dev.knot.client.Connector;
import dev.knot.client.KnotServer;
import dev.knot.client.Prompter;
import dev.knot.client.ServerAddress;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `knot connect <server>`: gets an API token and saves it with the server's address for the other client commands. */
@Command(
        name = "connect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Log in to a knot server and save its address and a new API token (client.server, client.token) in your"
                    + " config file: --config, else $KNOT_CONFIG, else ~/.knot.yml (created with mode 0600; other"
                    + " keys are kept, comments are not).",
            "Asks for your email and password (or, without a terminal, reads them as two lines of standard input),"
                    + " creates a token named \"knot client <host name>\" and ends the login session. With"
                    + " --use-web-auth, you create the token on the server's web page and paste it instead."
        })
final class ConnectCommand implements Callable<Integer> {
    private final ConfigEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<server>", description = "The server's URL; without a scheme, https:// is used.")
    private String server;

    @Option(names = "--use-web-auth", description = "Create the token in the browser and paste it, instead of giving"
            + " a password to this command.")
    private boolean useWebAuth;

    @Option(names = {"-u", "--email", "--username"}, paramLabel = "<email>",
            description = "The account's email address (asked for when not given).")
    private String email;

    @Option(names = "--tls-skip-verify", arity = "0..1", fallbackValue = "true", paramLabel = "<true|false>",
            description = "Do not verify the server's TLS certificate (env KNOT_TLS_SKIP_VERIFY, config"
                    + " tls_skip_verify). Certificates are verified unless this is chosen.")
    private Boolean tlsSkipVerify;

    ConnectCommand(ConfigEnvironment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        return ClientCommands.run(spec, () -> {
            PrintWriter out = spec.commandLine().getOut();
            ClientConfigFile file = ClientCommands.configFile(spec, environment);
            ServerAddress address = ServerAddress.parse(server);
            boolean skipVerify = ClientCommands.settings(spec, environment,
                    new ClientFlags(Optional.of(server), Optional.empty(), Optional.ofNullable(tlsSkipVerify)))
                    .tlsSkipVerify();
            Prompter prompter = Prompter.forProcess(System.console(), System.in, spec.commandLine().getErr());
            Connector connector = new Connector(KnotServer.at(address, skipVerify), prompter, out);
            String tokenName = "knot client " + environment.hostName().get();
            Connection connection = useWebAuth
                    ? connector.withWebPage(tokenName, BrowserOpener.system(environment.variable("PATH")))
                    : connector.withPassword(Optional.ofNullable(email), tokenName);
            file.saveConnection(address, connection.token());
            out.println("Connected to " + address + " as " + connection.user().username() + "; the server and the"
                    + " API token are saved in " + file.path());
            if (skipVerify) {
                out.println("TLS certificates were not verified. Later commands verify them unless given"
                        + " --tls-skip-verify, KNOT_TLS_SKIP_VERIFY=true or tls_skip_verify: true in the file.");
            }
            out.flush();
            return ExitCodes.OK;
        });
    }
}
