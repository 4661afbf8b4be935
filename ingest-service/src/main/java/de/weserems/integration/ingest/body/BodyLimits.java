package de.weserems.integration.ingest.body;

/**
 * How much work one body may cause.
 *
 * @param maxBytes         bytes of the body as sent
 * @param maxItems         items the caller reads at most; a reader that must read ahead (a workbook) stops
 *                         one past it, so that the caller still sees that there were too many
 * @param maxUnpackedBytes bytes a part of an {@code .xlsx} body (a sheet, its shared strings) may unpack to
 */
public record BodyLimits(long maxBytes, int maxItems, long maxUnpackedBytes) {

    /** The default of {@code ingest.limits.max-unpacked-bytes}. */
    public static final long DEFAULT_MAX_UNPACKED_BYTES = 64L * 1024 * 1024;
}
