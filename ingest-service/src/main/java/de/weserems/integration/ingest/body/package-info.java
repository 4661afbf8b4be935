/**
 * Reading a request body into items as it arrives: JSON (one event or an array), NDJSON and CSV, each
 * item with the line it stood on, the body checked against its byte limit and UTF-8 on the way. A body
 * that cannot be read as a whole is an {@link de.weserems.integration.ingest.body.UnreadableBodyException}
 * (400), one over its byte limit a {@link de.weserems.integration.ingest.body.BodyTooLargeException} (413);
 * a single NDJSON line or CSV row that cannot be read, or an item too large to build, becomes an item that
 * carries its error (422 with the other items' errors).
 */
package de.weserems.integration.ingest.body;
