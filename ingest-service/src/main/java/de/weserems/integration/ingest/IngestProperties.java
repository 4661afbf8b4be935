package de.weserems.integration.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Settings of the ingest service, prefix {@code ingest}. Every one is documented in docs/configuration.md.
 *
 * @param instanceId        stable, unique name of this instance; names its transactional producer so a
 *                          restarted instance aborts what its crashed predecessor left open
 * @param providers         the data providers allowed to push events
 * @param pseudonymisation  the keyed hash that replaces {@code participantRef}
 * @param kafka             topic layout and how long a request may wait for Kafka
 * @param limits            how large one request may be
 * @param rateLimit         how many events per second each provider may send
 * @param operators         logins for the management port (health details, Prometheus), role {@code OPERATOR}
 */
@ConfigurationProperties("ingest")
public record IngestProperties(
        @DefaultValue("local") String instanceId,
        @DefaultValue List<Provider> providers,
        @DefaultValue Pseudonymisation pseudonymisation,
        @DefaultValue Kafka kafka,
        @DefaultValue Limits limits,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue List<Operator> operators) {

    public IngestProperties {
        checkBurst("ingest.rate-limit", rateLimit, limits);
        for (Provider p : providers) {
            if (p.rateLimit() != null) {
                checkBurst("ingest.providers[" + p.id() + "].rate-limit", p.rateLimit(), limits);
            }
        }
    }

    /** The rate limit of a provider: its own, or the default. */
    public RateLimit rateLimitOf(String providerId) {
        return providers.stream().filter(p -> p.id().equals(providerId) && p.rateLimit() != null)
                .map(Provider::rateLimit).findFirst().orElse(rateLimit);
    }

    private static void checkBurst(String name, RateLimit rateLimit, Limits limits) {
        if (rateLimit.burst() < limits.maxEvents()) {
            throw new IllegalArgumentException(name + ".burst (" + rateLimit.burst()
                    + ") must be at least ingest.limits.max-events (" + limits.maxEvents()
                    + "), or a request of the largest allowed size could never pass");
        }
    }

    /**
     * One data provider.
     *
     * @param id        stable identifier, stamped on every event as {@code providerId}
     * @param name      display name
     * @param districts AGS of the districts it may report for; {@code *} for all 17
     * @param keySha256 hex SHA-256 of its API key (the key itself is never stored)
     * @param rateLimit this provider's own rate limit; empty for {@code ingest.rate-limit}
     */
    public record Provider(String id, String name, Set<String> districts, String keySha256, RateLimit rateLimit) {
    }

    /** @param secret the HMAC key; required outside the {@code local} profile, at least 32 bytes */
    public record Pseudonymisation(String secret) {

        /** Hides the secret from logs and error messages (a bound record prints itself in a failure analysis). */
        @Override
        public String toString() {
            return "Pseudonymisation[secret=" + (secret == null || secret.isEmpty() ? "unset" : "(hidden)") + "]";
        }
    }

    /**
     * A login for the management port (role {@code OPERATOR}), e.g. Prometheus' scrape.
     *
     * @param username     login name
     * @param passwordHash password in Spring Security's encoded form, e.g. {@code {bcrypt}$2a$...}
     */
    public record Operator(String username, String passwordHash) {

        /** Hides the hash: it would let anyone who reads the log guess the password offline. */
        @Override
        public String toString() {
            return "Operator[username=" + username + "]";
        }
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

    /**
     * @param maxBytes         largest body accepted (413 above)
     * @param maxEvents        most events in one request (413 above; a body is read no further than one more)
     * @param maxListedInvalid most invalid items a 422 or 403 lists one by one; the others are counted
     * @param maxUnpackedBytes most bytes one part of an {@code .xlsx} body (its sheet, its shared strings) may
     *                         unpack to (413 above): a zip bomb stops here, not at the heap's end
     */
    public record Limits(
            @DefaultValue("10MB") DataSize maxBytes,
            @DefaultValue("10000") int maxEvents,
            @DefaultValue("100") int maxListedInvalid,
            @DefaultValue("64MB") DataSize maxUnpackedBytes) {
    }

    /**
     * A token bucket per provider, one token per event; a refused request costs one per item read, at
     * least one.
     *
     * @param eventsPerSecond sustained rate per provider
     * @param burst           events a provider may send at once after a pause; at least {@code maxEvents}
     */
    public record RateLimit(
            @DefaultValue("5000") long eventsPerSecond,
            @DefaultValue("50000") long burst) {
    }
}
