/**
 * The HTTP adapter: an Undertow listener whose routes all come from one table, each with an explicit access rule,
 * and one error mapper that turns every failure into the same JSON shape. Only {@link
 * dev.knot.adapter.http.HttpConfig} and {@link dev.knot.adapter.http.HttpServerModule} are public.
 */
package dev.knot.adapter.http;
