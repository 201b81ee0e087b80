package dev.knot.client;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;

/**
 * Gets an API token for `knot connect`, in one of the original's two ways. With a password: log in, create a token
 * with the session, end the session. With the web page: the user creates the token in the browser and pastes it;
 * it is checked before anything is saved.
 */
public final class Connector {
    private final KnotServer server;
    private final KnotApi api;
    private final Prompter prompter;
    private final PrintWriter out;

    /** @param out where the user is told what happens (never the token) */
    public Connector(KnotServer server, Prompter prompter, PrintWriter out) {
        this.server = requireNonNull(server, "server is null");
        this.api = new KnotApi(server);
        this.prompter = requireNonNull(prompter, "prompter is null");
        this.out = requireNonNull(out, "out is null");
    }

    /**
     * @param email the account's email address; asked when empty (the original asked for a "username" and sent it as
     *     the email)
     * @param tokenName the new token's name, such as "knot client laptop"
     */
    public Connection withPassword(Optional<String> email, String tokenName) {
        requireNonNull(tokenName, "tokenName is null");
        String account = email.filter(value -> !value.isBlank()).orElseGet(() -> prompter.ask("Email: ")).strip();
        String password = prompter.askHidden("Password: ");
        String session = api.login(account, password);
        String token;
        try {
            token = api.createToken(session, tokenName);
        } finally {
            endSession(session);
        }
        return new Connection(token, api.whoami(token));
    }

    /**
     * Shows (and opens, if {@code browser} can) the server's page that creates a token named {@code tokenName}, then
     * asks for the token it shows.
     */
    public Connection withWebPage(String tokenName, BrowserOpener browser) {
        requireNonNull(tokenName, "tokenName is null");
        requireNonNull(browser, "browser is null");
        URI page = server.address().resolve("/api-tokens/create/" + ServerAddress.escapeSegment(tokenName));
        out.println("Create an API token on this page, then paste it here:");
        out.println("  " + page);
        out.flush();
        browser.open(page);
        String token = prompter.askHidden("Enter token: ").strip();
        if (token.isEmpty()) {
            throw new ClientException("no token was entered; nothing was saved");
        }
        RemoteUser user = api.whoami(token, "the server refused this token (401): check that it was pasted whole;"
                + " nothing was saved");
        return new Connection(token, user);
    }

    /** The session was only needed to create the token; a failure to end it is reported, not fatal. */
    private void endSession(String session) {
        try {
            api.logout(session);
        } catch (ClientException failure) {
            out.println("Warning: could not end the login session (it expires by itself): " + failure.getMessage());
            out.flush();
        }
    }
}
