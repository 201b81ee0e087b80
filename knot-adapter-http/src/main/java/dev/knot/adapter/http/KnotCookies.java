package dev.knot.adapter.http;

import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * knot's own cookies, the session and the web-port pass, in requests and responses that cross the proxy to a space.
 * Names are compared without case and without the {@code __Host-}/{@code __Secure-} prefixes, so that no spelling of
 * them slips past. Cookie headers are handled as raw {@code name=value} pairs, as the proxy forwards them.
 */
final class KnotCookies {
    private static final String HOST_PREFIX = "__host-";
    private static final String SECURE_PREFIX = "__secure-";

    private KnotCookies() {}

    static boolean isKnots(String cookieName) {
        String name = cookieName.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith(HOST_PREFIX)) {
            name = name.substring(HOST_PREFIX.length());
        } else if (name.startsWith(SECURE_PREFIX)) {
            name = name.substring(SECURE_PREFIX.length());
        }
        return name.equalsIgnoreCase(Credentials.SESSION_COOKIE) || name.equalsIgnoreCase(WebPortPassCookie.NAME);
    }

    /** The values of every cookie named exactly {@code name} in the request's {@code Cookie} headers, in order. */
    static List<String> values(HeaderMap requestHeaders, String name) {
        List<String> values = new ArrayList<>();
        for (String pair : pairs(requestHeaders)) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                values.add(pair.substring(equals + 1).trim());
            }
        }
        return values;
    }

    /** Takes knot's cookies out of the request; the others stay, in one {@code Cookie} header. */
    static void removeFromRequest(HeaderMap requestHeaders) {
        List<String> kept = new ArrayList<>();
        for (String pair : pairs(requestHeaders)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (!isKnots(name)) {
                kept.add(pair);
            }
        }
        requestHeaders.remove(Headers.COOKIE);
        if (!kept.isEmpty()) {
            requestHeaders.put(Headers.COOKIE, String.join("; ", kept));
        }
    }

    /**
     * Takes out of a space app's response every {@code Set-Cookie} that names one of knot's cookies or has a
     * {@code Domain} attribute: a domain cookie could reach the parent domain, and so knot and every other space
     * (cookie tossing). Host-only cookies stay.
     */
    static void removeFromResponse(HeaderMap responseHeaders) {
        HeaderValues setCookies = responseHeaders.get(Headers.SET_COOKIE);
        if (setCookies == null) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String setCookie : setCookies) {
            if (isHostOnlyAppCookie(setCookie)) {
                kept.add(setCookie);
            }
        }
        responseHeaders.remove(Headers.SET_COOKIE);
        responseHeaders.addAll(Headers.SET_COOKIE, kept);
    }

    private static boolean isHostOnlyAppCookie(String setCookie) {
        String[] parts = setCookie.split(";");
        int equals = parts[0].indexOf('=');
        if (equals <= 0 || isKnots(parts[0].substring(0, equals))) {
            return false;
        }
        for (int index = 1; index < parts.length; index++) {
            String attribute = parts[index].trim();
            int end = attribute.indexOf('=');
            String attributeName = end < 0 ? attribute : attribute.substring(0, end);
            if (attributeName.trim().equalsIgnoreCase("domain")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> pairs(HeaderMap requestHeaders) {
        List<String> pairs = new ArrayList<>();
        HeaderValues headers = requestHeaders.get(Headers.COOKIE);
        if (headers != null) {
            for (String header : headers) {
                for (String pair : header.split(";")) {
                    if (!pair.isBlank()) {
                        pairs.add(pair.trim());
                    }
                }
            }
        }
        return pairs;
    }
}
