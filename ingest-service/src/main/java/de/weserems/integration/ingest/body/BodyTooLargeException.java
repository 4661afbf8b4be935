package de.weserems.integration.ingest.body;

/** The body is longer than the limit it was read with (answered with 413); it was not read further. */
public class BodyTooLargeException extends Exception {

    public BodyTooLargeException() {
        super("The body is larger than the limit", null, false, false);
    }
}
