/** What knot-app needs to run adapters: their lifecycle. */
package dev.knot.ports.runtime;
