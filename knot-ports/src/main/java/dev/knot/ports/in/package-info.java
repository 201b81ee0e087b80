/** Driving ports: the use cases adapters (HTTP, CLI) call. Implemented by knot-domain. */
package dev.knot.ports.in;
