/**
 * Reading a request body into items: JSON (one event or an array), NDJSON and CSV, each item with
 * the line it stood on. A body that cannot be read as a whole is an {@link UnreadableBodyException}
 * (400); a single NDJSON line or CSV row that cannot be read becomes an item that carries its error
 * (422 with the other items' errors).
 */
package de.weserems.integration.ingest.body;
