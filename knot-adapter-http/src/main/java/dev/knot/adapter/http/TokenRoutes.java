package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.in.IssuedSecret;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Token;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.List;

/**
 * The caller's API tokens. The secret is in the creation answer only; afterwards a token is known by its id, its
 * name and the last characters of its secret.
 */
final class TokenRoutes implements RouteGroup {
    private final AuthUseCases auth;
    private final JsonCodec json;

    TokenRoutes(AuthUseCases auth, JsonCodec json) {
        this.auth = requireNonNull(auth, "auth is null");
        this.json = requireNonNull(json, "json is null");
    }

    /** {@code {name}}. */
    record TokenRequest(String name) {
        TokenRequest {
            if (name == null) {
                throw KnotException.invalid("name: is required");
            }
        }
    }

    record TokenReply(String tokenId, String name, String expiresAt, String suffix) {}

    record TokenCreated(boolean status, String tokenId, String token) {
        @Override
        public String toString() {
            return "TokenCreated[token_id=" + tokenId + "]";
        }
    }

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.get(ApiPaths.V1 + "/tokens").access(AccessRule.AUTHENTICATED).onWorkerThread(this::list);
        routes.post(ApiPaths.V1 + "/tokens").access(AccessRule.AUTHENTICATED).onWorkerThread(this::create);
        routes.delete(ApiPaths.V1 + "/tokens/{token_id}").access(AccessRule.AUTHENTICATED).onWorkerThread(this::delete);
    }

    private void list(HttpServerExchange exchange) {
        List<TokenReply> tokens = auth.listTokens(Caller.of(exchange).user()).stream()
                .map(token -> new TokenReply(
                        token.id().value(), token.name(), UserReplies.time(token.expiresAt()), token.suffix()))
                .toList();
        json.send(exchange, StatusCodes.OK, tokens);
    }

    private void create(HttpServerExchange exchange) throws Exception {
        TokenRequest request = json.readBody(exchange, TokenRequest.class);
        IssuedSecret<Token> issued = auth.createToken(Caller.of(exchange).user(), request.name());
        json.send(exchange, StatusCodes.CREATED, new TokenCreated(true, issued.record().id().value(), issued.secret()));
    }

    private void delete(HttpServerExchange exchange) {
        auth.deleteToken(Caller.of(exchange).user(), ApiPaths.<Token>id(exchange, "token_id"));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }
}
