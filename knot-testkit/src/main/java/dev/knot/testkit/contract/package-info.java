/**
 * One abstract contract test per driven port. An implementation's test extends the contract, supplies the
 * implementation through the factory method, and inherits every test; the in-memory fakes, the embedded store and
 * every later adapter pass the same suite. Concrete subclasses are named technology + port + Test or IT (for
 * example {@code ChronicleUserRepositoryTest}), and each contract checks that.
 */
package dev.knot.testkit.contract;
