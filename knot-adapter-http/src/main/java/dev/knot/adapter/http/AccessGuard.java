package dev.knot.adapter.http;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.Authenticated;
import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.Space;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs a route's handler only once its access rule is met, and attaches the {@link Caller} for it. The rule is the
 * first, cheap gate; the domain checks every permission again, so a mistake here cannot grant anything the domain
 * refuses.
 */
final class AccessGuard implements HttpHandler {
    /** The original's one 401 message, whatever was wrong with the credentials. */
    static final String UNAUTHENTICATED_MESSAGE = "Authentication token is not valid";

    private static final AttachmentKey<AgentState> AUTHENTICATED_AGENT = AttachmentKey.create(AgentState.class);

    private final AccessRule rule;
    private final HttpHandler next;
    private final AccessControl control;

    AccessGuard(AccessRule rule, HttpHandler next, AccessControl control) {
        this.rule = requireNonNull(rule, "rule is null");
        this.next = requireNonNull(next, "next is null");
        this.control = requireNonNull(control, "control is null");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Credentials.refuseInQuery(exchange);
        if (rule instanceof AccessRule.Public) {
            next.handleRequest(exchange);
            return;
        }
        if (rule instanceof AccessRule.Agent) {
            authenticateAgent(exchange);
            next.handleRequest(exchange);
            return;
        }
        if (rule instanceof AccessRule.Browser && !exchange.getRequestHeaders().contains(Headers.AUTHORIZATION)) {
            admitBrowser(exchange);
            return;
        }
        if (control.setup().required()) {
            // Until the first admin exists, creating it is the only thing that works, and it needs no credential.
            if (rule instanceof AccessRule.FirstAdminOrPermission) {
                next.handleRequest(exchange);
                return;
            }
            throw Credentials.unauthenticated();
        }
        Credentials.Presented credential = Credentials.find(exchange).orElseThrow(Credentials::unauthenticated);
        if (credential.fromCookie()) {
            // Only sessions live in cookies; checked before the lookup so a forged write does not even refresh one.
            if (!control.auth().isSessionSecret(credential.secret())) {
                throw Credentials.unauthenticated();
            }
            if (!SameOriginPolicy.isSafe(exchange.getRequestMethod()) || rule instanceof AccessRule.Websocket) {
                control.origins().requireSameOrigin(exchange);
            }
        }
        Authenticated authenticated = authenticate(credential);
        requirePermission(authenticated);
        new Caller(authenticated.user(), authenticated.session()).attachTo(exchange);
        next.handleRequest(exchange);
    }

    /**
     * A browser on a page: its session cookie, else the login page, which also tells how to create the first admin
     * while there is none. The origin is checked before the session is looked up, as for any cookie write.
     */
    private void admitBrowser(HttpServerExchange exchange) throws Exception {
        BrowserPageRequests.mark(exchange);
        Optional<String> session = Credentials.sessionCookie(exchange);
        if (session.isPresent() && !SameOriginPolicy.isSafe(exchange.getRequestMethod())) {
            control.origins().requireSameOrigin(exchange);
        }
        Optional<Authenticated> authenticated = control.setup().required()
                ? Optional.empty()
                : BrowserSessions.current(exchange, control.auth());
        if (authenticated.isEmpty()) {
            Redirects.seeOther(exchange, LoginPages.loginPath(exchange));
            return;
        }
        new Caller(authenticated.get().user(), authenticated.get().session()).attachTo(exchange);
        next.handleRequest(exchange);
    }

    /**
     * Only a bearer in the header: an agent has no cookie, and a user's cookie must not reach agent routes. Every
     * refusal, a malformed header included, gets the one agent message.
     */
    private void authenticateAgent(HttpServerExchange exchange) {
        try {
            Credentials.Presented credential = Credentials.find(exchange)
                    .filter(presented -> !presented.fromCookie())
                    .orElseThrow(AccessGuard::agentUnauthenticated);
            Id<Space> spaceId = ApiPaths.id(exchange, AccessRule.AGENT_SPACE_PARAMETER);
            AgentState agent = control.agents().authenticate(spaceId, credential.secret());
            exchange.putAttachment(AUTHENTICATED_AGENT, agent);
        } catch (KnotException failure) {
            if (failure.code() == ErrorCode.UNAUTHENTICATED) {
                throw agentUnauthenticated();
            }
            throw failure;
        }
    }

    /** The agent that the AGENT rule let through. */
    static AgentState authenticatedAgent(HttpServerExchange exchange) {
        return requireNonNull(exchange.getAttachment(AUTHENTICATED_AGENT), "no agent was authenticated");
    }

    private static KnotException agentUnauthenticated() {
        return new KnotException(ErrorCode.UNAUTHENTICATED, "agent token is not valid");
    }

    private Authenticated authenticate(Credentials.Presented credential) {
        try {
            return control.auth().authenticate(credential.secret());
        } catch (KnotException failure) {
            if (failure.code() == ErrorCode.UNAUTHENTICATED) {
                throw Credentials.unauthenticated();
            }
            // The store being down is not the caller's fault: 503, not a logout.
            throw failure;
        }
    }

    private void requirePermission(Authenticated authenticated) {
        Permission needed;
        if (rule instanceof AccessRule.RequiresPermission requires) {
            needed = requires.permission();
        } else if (rule instanceof AccessRule.FirstAdminOrPermission requires) {
            needed = requires.permission();
        } else {
            return;
        }
        if (!authenticated.user().hasPermission(needed)) {
            throw new KnotException(ErrorCode.PERMISSION_DENIED, format("No permission to %s",
                    needed.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
    }
}
