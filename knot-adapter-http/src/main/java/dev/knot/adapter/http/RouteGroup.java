package dev.knot.adapter.http;

/**
 * A set of related routes (health, users, spaces, ...). Each group is bound into the module's route-group set and
 * adds its routes to the one table the server is built from.
 */
interface RouteGroup {
    void addTo(RouteTable.Builder routes);
}
