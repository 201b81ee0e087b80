/**
 * knot's rules, as plain Java over the ports in knot-ports: no framework, no I/O of its own, usable as a library.
 * Services are built with plain constructors; knot-app wires them.
 */
package dev.knot.domain;
