/**
 * The HTTP adapter's driven side: calls the server makes to agents. Kept apart from the listener's routes, which
 * only drive the domain and never reach past it into driven ports.
 */
package dev.knot.adapter.http.outbound;
