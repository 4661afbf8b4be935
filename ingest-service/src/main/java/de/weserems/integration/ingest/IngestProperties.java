package de.weserems.integration.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Settings of the ingest service, prefix {@code ingest}. Every one is documented in the README.
 *
 * @param instanceId        stable, unique name of this instance; names its transactional producer so a
 *                          restarted instance aborts what its crashed predecessor left open
 * @param providers         the data providers allowed to push events
 * @param pseudonymisation  the keyed hash that replaces {@code participantRef}
 * @param kafka             topic layout and how long a request may wait for Kafka
 */
@ConfigurationProperties("ingest")
public record IngestProperties(
        @DefaultValue("local") String instanceId,
        @DefaultValue List<Provider> providers,
        @DefaultValue Pseudonymisation pseudonymisation,
        @DefaultValue Kafka kafka) {

    /**
     * One data provider.
     *
     * @param id        stable identifier, stamped on every event as {@code providerId}
     * @param name      display name
     * @param districts AGS of the districts it may report for; {@code *} for all 17
     * @param keySha256 hex SHA-256 of its API key (the key itself is never stored)
     */
    public record Provider(String id, String name, Set<String> districts, String keySha256) {
    }

    /** @param secret the HMAC key; required outside the {@code local} profile */
    public record Pseudonymisation(String secret) {
    }

    /**
     * @param partitions        partitions of the topics this service declares
     * @param replicationFactor replication factor of those topics (3 in a cluster)
     * @param minInsyncReplicas {@code min.insync.replicas} of those topics (2 in a cluster)
     * @param sendTimeout       longest a request waits for Kafka before it answers 503
     */
    public record Kafka(
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("1") int minInsyncReplicas,
            @DefaultValue("10s") Duration sendTimeout) {
    }
}
