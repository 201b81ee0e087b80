import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The web app of WebPortIT's space, run as a raw_exec task with `java HeaderEchoApp.java <port>`: it answers every
 * request with its request line and every header it received, so the test sees exactly what reached the space.
 */
public class HeaderEchoApp {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/", exchange -> {
            StringBuilder text = new StringBuilder(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n");
            exchange.getRequestHeaders().forEach((name, values) ->
                    values.forEach(value -> text.append(name).append(": ").append(value).append("\n")));
            byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Set-Cookie", "app=kept; Path=/");
            exchange.getResponseHeaders().add("Set-Cookie", "tossed=1; Domain=knot.test; Path=/");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
