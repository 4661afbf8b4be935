package de.weserems.integration.ingest.body;

/** The body as a whole cannot be read as events (answered with 400). The message says why, in plain words. */
public class UnreadableBodyException extends Exception {

    public UnreadableBodyException(String message) {
        super(message, null, false, false);
    }
}
