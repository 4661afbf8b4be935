package de.weserems.integration.ingest.publishing;

/** Kafka did not confirm the request's events in time; nothing of the request is visible to readers. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
