package dev.knot.ports.in;

import dev.knot.ports.model.Space;
import dev.knot.ports.model.User;

/**
 * Web ports of spaces on the wildcard domain ({@code <username>--<space>--<port>.<domain>}): who may reach them, and
 * the passes that let a browser in without sending knot's own credentials to the space's host.
 *
 * <p>The flow: a browser without a pass on a space's host is sent to the main origin, which, for a logged-in user
 * allowed to use the space, issues a one-time code bound to that host; the space's host exchanges it for a pass (a
 * cookie scoped to that one host). A pass is tied to the session it came from: logging out, or deactivating the
 * user, ends it.
 */
public interface WebPortUseCases {
    /**
     * Where the request for {@code host} goes, if {@code actor} owns the space (or manages spaces), its agent is
     * connected and serves that port (or VNC, or code-server).
     *
     * @throws dev.knot.ports.model.KnotException NOT_FOUND in every other case, without saying which
     */
    WebPortTarget resolve(User actor, WebPortHost host);

    /**
     * The host that serves {@code space}'s code-server on {@code wildcardDomain}: named after the space's owner,
     * whoever asks. It checks no access: the caller has checked that its user may use the space.
     *
     * @throws dev.knot.ports.model.KnotException NOT_FOUND when the owner is gone
     */
    WebPortHost codeServerHost(Space space, String wildcardDomain);

    /**
     * A one-time code for {@code host}, for a caller logged in with a session who may {@link #resolve} it.
     *
     * @param next the path (with query) on the space's host to return to; anything but a local path ("/…", not
     *     "//…") becomes "/"
     *
     * @throws dev.knot.ports.model.KnotException NOT_FOUND as for resolve; UNAUTHENTICATED when the caller has no
     *     session (an API token cannot make a browser pass)
     */
    String issueCode(Authenticated caller, WebPortHost host, String next);

    /**
     * Exchanges a code, once, on the host it was issued for.
     *
     * @throws dev.knot.ports.model.KnotException UNAUTHENTICATED for an unknown, used, expired or foreign code
     */
    WebPortPass redeem(String code, WebPortHost host);

    /**
     * The user behind a pass presented on {@code host}.
     *
     * @throws dev.knot.ports.model.KnotException UNAUTHENTICATED when the pass is forged, expired, for another host,
     *     or its session or user is no longer valid
     */
    User authenticate(String pass, WebPortHost host);
}
