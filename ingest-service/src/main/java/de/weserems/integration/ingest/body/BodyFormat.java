package de.weserems.integration.ingest.body;

import org.springframework.http.MediaType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The media types {@code POST /api/v1/events} reads. Text is UTF-8; CSV may also be declared
 * {@code charset=windows-1252}, which is what German Excel's "CSV (Trennzeichen-getrennt)" writes. An
 * {@code .xlsx} workbook is a zip of XML and has no charset of its own.
 */
public enum BodyFormat {
    JSON(MediaType.APPLICATION_JSON),
    NDJSON(MediaType.APPLICATION_NDJSON),
    CSV(new MediaType("text", "csv")),
    XLSX(new MediaType("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    /** The one other charset a CSV body may be declared in: Excel's on Windows in Western Europe. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final MediaType mediaType;

    BodyFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The format of a {@code Content-Type}, if it is one of ours in a charset it may be sent in. */
    public static Optional<BodyFormat> of(MediaType contentType) {
        Optional<BodyFormat> format = Arrays.stream(values())
                .filter(f -> f.mediaType.equalsTypeAndSubtype(contentType)).findFirst();
        return format.filter(f -> f.charset(contentType) != null);
    }

    /**
     * The charset a body of this format with {@code contentType} is read in: UTF-8 when none is declared,
     * {@code null} when the declared one is not read.
     */
    public Charset charset(MediaType contentType) {
        Charset declared = contentType.getCharset();
        if (this == XLSX || declared == null || declared.equals(StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        return this == CSV && declared.equals(WINDOWS_1252) ? WINDOWS_1252 : null;
    }

    /** For error messages: the media types a provider may send. */
    public static String supported() {
        return Arrays.stream(values()).map(f -> f.mediaType.toString()).collect(Collectors.joining(", "));
    }
}
