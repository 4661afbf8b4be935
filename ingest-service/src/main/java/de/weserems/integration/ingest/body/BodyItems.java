package de.weserems.integration.ingest.body;

import java.io.IOException;

/**
 * The items of a request body, read one at a time as the body arrives, so that a caller holds no more
 * of it than it keeps of each item and can stop reading whenever it has seen enough.
 */
public interface BodyItems {

    /**
     * The next item, {@code null} after the last.
     *
     * @param detailed whether an item that cannot be read must say exactly why. Finding out costs the JSON
     *                 parser an exception; without it an unreadable NDJSON line is only known to be one, so a
     *                 body of many broken lines is read at the cost of a valid one
     * @throws UnreadableBodyException the body as a whole cannot be read (400), also when it holds no item
     * @throws BodyTooLargeException   the body is longer than the limit it was opened with (413)
     * @throws IOException             reading the request failed
     */
    BodyItem next(boolean detailed) throws UnreadableBodyException, BodyTooLargeException, IOException;
}
