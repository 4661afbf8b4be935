/** The HTTP API for data providers: request parsing, the intake of a request, and RFC 9457 problem details. */
package de.weserems.integration.ingest.api;
