package dev.knot.adapter.http;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every route the server answers; anything else is 404 or 405. Declaring a route is staged, {@code
 * routes.get("/health").access(AccessRule.PUBLIC).onIoThread(handler)}, so a handler cannot be attached before an
 * access rule is given (it does not compile), and {@link Builder#build()} fails if a declaration was left
 * unfinished. The hosts of the spaces' web ports, when there are any, bypass the table: their requests go to one
 * handler of their own ({@link SpaceHosts}).
 */
final class RouteTable {
    private final List<Route> routes;
    private final Optional<SpaceHosts> spaceHosts;

    private RouteTable(List<Route> routes, Optional<SpaceHosts> spaceHosts) {
        this.routes = List.copyOf(routes);
        this.spaceHosts = spaceHosts;
    }

    static Builder builder(long defaultMaxBodyBytes) {
        return new Builder(defaultMaxBodyBytes);
    }

    List<Route> routes() {
        return routes;
    }

    Optional<SpaceHosts> spaceHosts() {
        return spaceHosts;
    }

    /**
     * The largest body any route (or a space host) accepts; Undertow's own ceiling, enforced before routing, is set
     * from it.
     */
    long largestBodyLimit() {
        long largestRoute = routes.stream().mapToLong(Route::maxBodyBytes).max().orElse(1);
        return Math.max(largestRoute, spaceHosts.map(SpaceHosts::maxBodyBytes).orElse(1L));
    }

    /**
     * Every request whose host is under {@code wildcardDomain} ({@code *.knot.example.com}) goes to {@code handler},
     * which authenticates it itself; nothing under that domain reaches the route table.
     */
    record SpaceHosts(String wildcardDomain, HttpHandler handler, long maxBodyBytes) {
        SpaceHosts {
            requireNonNull(wildcardDomain, "wildcardDomain is null");
            requireNonNull(handler, "handler is null");
            if (maxBodyBytes <= 0) {
                throw new IllegalArgumentException(format("maxBodyBytes must be positive, got %s", maxBodyBytes));
            }
        }
    }

    static final class Builder {
        private final long defaultMaxBodyBytes;
        private final Set<String> unfinished = new LinkedHashSet<>();
        private final Set<String> declared = new LinkedHashSet<>();
        private final List<Route> routes = new ArrayList<>();
        private SpaceHosts spaceHosts;

        private Builder(long defaultMaxBodyBytes) {
            if (defaultMaxBodyBytes <= 0) {
                throw new IllegalArgumentException(
                        format("defaultMaxBodyBytes must be positive, got %s", defaultMaxBodyBytes));
            }
            this.defaultMaxBodyBytes = defaultMaxBodyBytes;
        }

        /** A GET route; it answers HEAD too, unless HEAD is declared separately. */
        Declaration get(String pathTemplate) {
            return route(Methods.GET, pathTemplate);
        }

        Declaration post(String pathTemplate) {
            return route(Methods.POST, pathTemplate);
        }

        Declaration put(String pathTemplate) {
            return route(Methods.PUT, pathTemplate);
        }

        Declaration delete(String pathTemplate) {
            return route(Methods.DELETE, pathTemplate);
        }

        Declaration route(HttpString method, String pathTemplate) {
            requireNonNull(method, "method is null");
            requireNonNull(pathTemplate, "pathTemplate is null");
            if (!pathTemplate.startsWith("/")) {
                throw new IllegalArgumentException(format("path template must start with /, got %s", pathTemplate));
            }
            String name = method + " " + pathTemplate;
            if (!declared.add(name)) {
                throw new IllegalStateException(format("route %s is declared twice", name));
            }
            unfinished.add(name);
            return new Declaration(method, pathTemplate);
        }

        /** Sends the requests on the spaces' hosts to {@code hosts.handler()}; only one such handler may be given. */
        void spaceHosts(SpaceHosts hosts) {
            requireNonNull(hosts, "hosts is null");
            if (spaceHosts != null) {
                throw new IllegalStateException("the space hosts already have a handler");
            }
            spaceHosts = hosts;
        }

        RouteTable build() {
            if (!unfinished.isEmpty()) {
                throw new IllegalStateException(format(
                        "routes declared without an access rule and a handler: %s", String.join(", ", unfinished)));
            }
            List<Route> all = new ArrayList<>(routes);
            for (Route route : routes) {
                if (route.method().equals(Methods.GET) && !declared.contains(Methods.HEAD + " " + route.pathTemplate())) {
                    all.add(new Route(
                            Methods.HEAD,
                            route.pathTemplate(),
                            route.access(),
                            route.execution(),
                            route.maxBodyBytes(),
                            route.handler()));
                }
            }
            return new RouteTable(all, Optional.ofNullable(spaceHosts));
        }

        /** A route with a method and a path but no access rule yet; the only way on is {@link #access}. */
        final class Declaration {
            private final HttpString method;
            private final String pathTemplate;

            private Declaration(HttpString method, String pathTemplate) {
                this.method = method;
                this.pathTemplate = pathTemplate;
            }

            GuardedDeclaration access(AccessRule access) {
                requireNonNull(access, format("access rule of %s %s is null", method, pathTemplate));
                return new GuardedDeclaration(method, pathTemplate, access);
            }
        }

        /** A route with its access rule, waiting for its handler. */
        final class GuardedDeclaration {
            private final HttpString method;
            private final String pathTemplate;
            private final AccessRule access;
            private long maxBodyBytes = defaultMaxBodyBytes;

            private GuardedDeclaration(HttpString method, String pathTemplate, AccessRule access) {
                this.method = method;
                this.pathTemplate = pathTemplate;
                this.access = access;
            }

            /** Overrides the default body limit, e.g. for templates, which may be up to 10 MB. */
            GuardedDeclaration maxBodyBytes(long limit) {
                this.maxBodyBytes = limit;
                return this;
            }

            /** The handler never blocks: it runs on the I/O thread. */
            void onIoThread(HttpHandler handler) {
                register(Route.Execution.IO_THREAD, handler);
            }

            /** The handler calls ports or reads the body: it runs on a worker thread in blocking mode. */
            void onWorkerThread(HttpHandler handler) {
                register(Route.Execution.WORKER_THREAD, handler);
            }

            private void register(Route.Execution execution, HttpHandler handler) {
                String name = method + " " + pathTemplate;
                if (!unfinished.remove(name)) {
                    throw new IllegalStateException(format("route %s already has a handler", name));
                }
                routes.add(new Route(method, pathTemplate, access, execution, maxBodyBytes, handler));
            }
        }
    }
}
