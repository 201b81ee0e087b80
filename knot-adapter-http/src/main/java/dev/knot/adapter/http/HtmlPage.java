package dev.knot.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * knot's few server-rendered pages (login, API token): one skeleton, no script. Every value put into a page goes
 * through {@link Html#escape}; the body given here is already HTML.
 */
final class HtmlPage {
    private static final String STYLE = "body{font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}"
            + "label,input,button{display:block;margin:.5rem 0}input{width:100%}"
            + ".message{color:#a00}code{word-break:break-all;font-size:1.1rem}";
    /**
     * No script, no plugin, no framing; only the one inline style, by its hash; forms post to knot only. The
     * policy is what keeps a token page that an escaping mistake let markup into from running or sending anything.
     */
    private static final String POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final HttpString CONTENT_SECURITY_POLICY = new HttpString("Content-Security-Policy");
    private static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");

    private HtmlPage() {}

    /**
     * Answers {@code status} with the page. The standard {@code no-referrer} is relaxed to {@code same-origin}: a
     * browser sends {@code Origin: null} with a form posted from a {@code no-referrer} page, and the login and token
     * forms must state knot's origin to pass the CSRF check. Other sites still receive no referrer.
     */
    static void send(HttpServerExchange exchange, int status, String title, String bodyHtml) {
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title) + " - knot</title><style>" + STYLE + "</style></head>\n<body>"
                + "<h1>" + Html.escape(title) + "</h1>\n" + bodyHtml + "\n</body></html>\n";
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        // The token page shows a secret: neither the browser's cache nor its back button may keep it.
        headers.put(Headers.CACHE_CONTROL, "no-store");
        headers.put(CONTENT_SECURITY_POLICY, POLICY);
        headers.put(REFERRER_POLICY, "same-origin");
        exchange.setStatusCode(status);
        exchange.getResponseSender().send(ByteBuffer.wrap(page.getBytes(UTF_8)));
    }

    /** A paragraph of text, escaped, marked as the page's message. */
    static String message(String text) {
        return "<p class=\"message\" role=\"alert\">" + Html.escape(text) + "</p>";
    }

    static String paragraph(String text) {
        return "<p>" + Html.escape(text) + "</p>";
    }

    /** The CSP hash source of an inline style or script. */
    static String sha256(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
