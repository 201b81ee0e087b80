package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.in.IssuedSecret;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Token;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import io.undertow.util.StatusCodes;

/**
 * The page {@code knot connect --use-web-auth} sends the user to: {@code /api-tokens/create/<token name>} creates an
 * API token of that name for the browser's user and shows it once, to paste into the CLI.
 *
 * <p>The original created the token on the GET itself. Here the GET only asks, and the token is made by the form's
 * POST, which must state knot's origin: otherwise any site could make a logged-in browser create tokens (an image
 * tag would do), and a prefetch or a link preview would create one nobody sees.
 */
final class TokenPages implements RouteGroup {
    static final String CREATE = "/api-tokens/create/{token_name}";

    private final AuthUseCases auth;

    TokenPages(AuthUseCases auth) {
        this.auth = requireNonNull(auth, "auth is null");
    }

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.get(CREATE).access(AccessRule.BROWSER).onWorkerThread(this::confirm);
        routes.post(CREATE).access(AccessRule.BROWSER).onWorkerThread(this::create);
    }

    private void confirm(HttpServerExchange exchange) {
        String name = tokenName(exchange);
        // No action: the form posts back to this very address, its token name encoded as the browser has it.
        HtmlPage.send(exchange, StatusCodes.OK, "Create API token " + name,
                "<p>This creates an API token named <strong>" + Html.escape(name) + "</strong> for "
                        + Html.escape(Caller.of(exchange).user().username()) + ". Anyone holding it can use knot "
                        + "as you until it expires or is deleted.</p>"
                        + "<form method=\"post\"><button type=\"submit\">Create API token</button></form>");
    }

    private void create(HttpServerExchange exchange) {
        String name = tokenName(exchange);
        IssuedSecret<Token> issued;
        try {
            issued = auth.createToken(Caller.of(exchange).user(), name);
        } catch (KnotException refused) {
            if (refused.code() != ErrorCode.INVALID_ARGUMENT) {
                throw refused;
            }
            HtmlPage.send(exchange, StatusCodes.BAD_REQUEST, "API token not created",
                    HtmlPage.message("The token name is not valid: " + refused.getMessage()));
            return;
        }
        HtmlPage.send(exchange, StatusCodes.CREATED, "API token created",
                "<p>Your API token <strong>" + Html.escape(name) + "</strong>:</p>"
                        + "<p><code>" + Html.escape(issued.secret()) + "</code></p>"
                        + HtmlPage.paragraph("Copy it and paste it at knot connect's \"Enter token:\" prompt. "
                                + "It is shown only this once: knot keeps only its hash.")
                        + HtmlPage.paragraph("Ends with " + issued.record().suffix() + "; delete it any time with "
                                + "DELETE /api/v1/tokens/" + issued.record().id().value() + "."));
    }

    /** The path's token name, decoded. */
    private static String tokenName(HttpServerExchange exchange) {
        return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("token_name");
    }
}
