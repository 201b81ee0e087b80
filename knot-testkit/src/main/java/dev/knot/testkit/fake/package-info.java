/**
 * In-memory implementations of the driven ports, for the domain's unit tests. Each is thread-safe, follows its
 * port's Javadoc, and passes that port's contract (see the tests of this module). Nothing survives the JVM.
 */
package dev.knot.testkit.fake;
