package de.weserems.integration.ingest.body;

/**
 * The body is over a limit it was read with (answered with 413); it was not read further.
 * {@link #unpacked()} tells the limit of the bytes as sent from that of what an {@code .xlsx} body unpacks to.
 */
public class BodyTooLargeException extends Exception {

    private final boolean unpacked;

    public BodyTooLargeException() {
        this(false);
    }

    BodyTooLargeException(boolean unpacked) {
        super(unpacked ? "A part of the workbook unpacks to more than the limit" : "The body is larger than the limit",
                null, false, false);
        this.unpacked = unpacked;
    }

    /** Whether a part of a workbook unpacked to more than {@code ingest.limits.max-unpacked-bytes}. */
    public boolean unpacked() {
        return unpacked;
    }
}
