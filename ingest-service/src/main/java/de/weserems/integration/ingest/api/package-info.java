/**
 * The HTTP API for data providers: authentication by API key, the intake of a request, and RFC 9457
 * problem details.
 */
package de.weserems.integration.ingest.api;
