/**
 * Driven ports: what the domain needs from the outside world (stores, caches, crypto, time, ids, Nomad).
 * Each has one contract test suite in knot-testkit that every adapter and every fake passes. Implementations
 * are thread-safe, and report technology failures as {@link dev.knot.ports.model.KnotException} with
 * {@link dev.knot.ports.model.ErrorCode#STORE_UNAVAILABLE} (or the matching code), never as a technology exception.
 */
package dev.knot.ports.out;
