/**
 * The domain vocabulary: immutable records, validated on construction, shared by the domain and every adapter.
 * Nothing here depends on anything outside the JDK.
 */
package dev.knot.ports.model;
