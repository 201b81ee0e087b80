/**
 * The HTTP adapter: an Undertow listener, plain HTTP or HTTPS, whose routes all come from one table, each with an
 * explicit access rule, and one error mapper that turns every failure into the same JSON shape. Only {@link
 * dev.knot.adapter.http.HttpConfig}, {@link dev.knot.adapter.http.HttpTlsConfig} and {@link
 * dev.knot.adapter.http.HttpServerModule} are public.
 */
package dev.knot.adapter.http;
