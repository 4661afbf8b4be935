package de.weserems.integration.ingest.body;

import org.springframework.http.MediaType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The media types {@code POST /api/v1/events} reads. All of them are UTF-8. */
public enum BodyFormat {
    JSON(MediaType.APPLICATION_JSON),
    NDJSON(MediaType.APPLICATION_NDJSON),
    CSV(new MediaType("text", "csv"));

    private final MediaType mediaType;

    BodyFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The format of a {@code Content-Type}, if it is one of ours in UTF-8 (or without a charset). */
    public static Optional<BodyFormat> of(MediaType contentType) {
        Charset charset = contentType.getCharset();
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(f -> f.mediaType.equalsTypeAndSubtype(contentType)).findFirst();
    }

    /** For error messages: the media types a provider may send. */
    public static String supported() {
        return Arrays.stream(values()).map(f -> f.mediaType.toString()).collect(Collectors.joining(", "));
    }
}
