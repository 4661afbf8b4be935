package de.weserems.integration.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the dashboard, prefix {@code dashboard}. Every one is documented in docs/configuration.md.
 *
 * @param demoData        the figures come from the synthetic demo feeder; the UI says so on every page
 * @param confidentiality thresholds of statistical confidentiality (docs/design.md)
 * @param kafka           topic layout of the topics this service declares
 * @param users           dashboard logins outside the {@code local} profile
 * @param pushInterval    shortest time between two pushes to one page
 */
@ConfigurationProperties("dashboard")
public record DashboardProperties(
        @DefaultValue("false") boolean demoData,
        @DefaultValue Confidentiality confidentiality,
        @DefaultValue Kafka kafka,
        @DefaultValue List<User> users,
        @DefaultValue("1s") Duration pushInterval) {

    /**
     * The cell key method (docs/design.md, "Statistical confidentiality").
     *
     * @param minCount        counts from 1 to below this never appear as themselves
     * @param minCases        a rate or median resting on fewer cases is withheld
     * @param recordKeySecret the secret the events' record keys are derived with; required outside the
     *                        profile {@code local}, at least 32 characters, the same in every instance and
     *                        kept: a new one changes every perturbation
     * @param maxDeviation    the most a published count deviates from the true one, either way; above
     *                        {@code minCount - 1}
     * @param variance        the variance of the deviations (where a count's possible deviations allow it)
     */
    public record Confidentiality(@DefaultValue("3") int minCount, @DefaultValue("10") int minCases,
                                  String recordKeySecret, @DefaultValue("3") int maxDeviation,
                                  @DefaultValue("1.0") double variance) {

        /** Hides the secret from logs and error messages. */
        @Override
        public String toString() {
            return "Confidentiality[minCount=" + minCount + ", minCases=" + minCases + ", recordKeySecret="
                    + (recordKeySecret == null ? "unset" : "(hidden)") + ", maxDeviation=" + maxDeviation
                    + ", variance=" + variance + "]";
        }
    }

    /**
     * @param partitions        partitions of the topics this service declares
     * @param replicationFactor replication factor of those topics
     * @param minInsyncReplicas {@code min.insync.replicas} of those topics
     */
    public record Kafka(@DefaultValue("3") int partitions,
                        @DefaultValue("1") short replicationFactor,
                        @DefaultValue("1") int minInsyncReplicas) {
    }

    /**
     * A dashboard login; the roles are explained in docs/configuration.md ("Roles").
     *
     * @param username     login name
     * @param passwordHash password in Spring Security's encoded form, e.g. {@code {bcrypt}$2a$...}
     * @param roles        any of {@code VIEWER}, {@code ADMIN}, {@code STATISTICS}, {@code OPERATOR}, {@code PROVIDER}
     * @param providerId   the data provider a {@code PROVIDER} user speaks for (its {@code ingest.providers[].id});
     *                     required with that role and refused without it
     */
    public record User(String username, String passwordHash, List<String> roles, String providerId) {

        /** Hides the hash: it would let anyone who reads the log guess the password offline. */
        @Override
        public String toString() {
            return "User[username=" + username + ", roles=" + roles + ", providerId=" + providerId + "]";
        }
    }
}
