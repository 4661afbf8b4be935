package de.weserems.integration.testsupport;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.AclCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A KRaft cluster secured as the compose deployment is: SASL on every listener, the brokers and
 * controller among themselves with PLAIN as their super user, clients with SCRAM-SHA-512, the
 * {@code StandardAuthorizer} and nothing allowed without an ACL. One controller apart from one broker,
 * like {@link KafkaTestCluster}.
 *
 * <p>The super user is the test kit's ({@value JaasUtils#KAFKA_PLAIN_ADMIN}, PLAIN), in the role the
 * principal {@code admin} has in compose: it creates the SCRAM credentials and applies the ACL file.
 */
public final class SecuredKafkaCluster implements AutoCloseable {

    /** The mechanism of the services' principals. */
    public static final String SCRAM = "SCRAM-SHA-512";

    private final KafkaClusterTestKit cluster;
    private final Path adminConfig;

    private SecuredKafkaCluster(KafkaClusterTestKit cluster, Path adminConfig) {
        this.cluster = cluster;
        this.adminConfig = adminConfig;
    }

    /** Starts the cluster; internal topics with one replica (one broker). */
    public static SecuredKafkaCluster start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(false).setNumControllerNodes(1).setNumBrokerNodes(1)
                .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT).build())
                // the test kit enables PLAIN only (for its super user); the services use SCRAM
                .setConfigProp("sasl.enabled.mechanisms", "PLAIN," + SCRAM)
                .setConfigProp("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .setConfigProp("allow.everyone.if.no.acl.found", "false")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        Path adminConfig = Files.createTempFile("kafka-admin", ".properties");
        SecuredKafkaCluster secured = new SecuredKafkaCluster(cluster, adminConfig);
        StringBuilder text = new StringBuilder();
        secured.adminProperties().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(adminConfig, text);
        return secured;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Client settings of the super user. */
    public Map<String, Object> adminProperties() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"" + JaasUtils.KAFKA_PLAIN_ADMIN + "\" password=\""
                        + JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD + "\";");
    }

    /**
     * Client settings of a SCRAM principal, as a service gets them from {@code spring.kafka.security.protocol}
     * and {@code spring.kafka.properties.sasl.*}.
     */
    public Map<String, Object> clientProperties(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, SCRAM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaas(user, password));
        return config;
    }

    /** The {@code sasl.jaas.config} of a SCRAM principal. */
    public static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Creates (or replaces) a SCRAM-SHA-512 credential and waits until the broker accepts it. */
    public void addScramUser(String user, String password) throws Exception {
        try (Admin admin = Admin.create(adminProperties())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        // the broker learns the credential from the metadata log, a moment after the controller
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Admin admin = Admin.create(clientProperties(user, password))) {
                return admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS) != null;
            }
        });
    }

    /**
     * Applies an ACL file: each line that is not blank or a comment is the arguments of one
     * {@code kafka-acls.sh --add}, run here through Kafka's own {@link AclCommand}.
     */
    public void applyAcls(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("kafka-acls failed (" + status + "): " + message);
        });
        try {
            for (String line : lines) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                List<String> args = new ArrayList<>(List.of("--bootstrap-server", bootstrapServers(),
                        "--command-config", adminConfig.toString(), "--add"));
                args.addAll(List.of(trimmed.split("\\s+")));
                AclCommand.main(args.toArray(String[]::new));
            }
        } finally {
            Exit.resetExitProcedure();
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
        Files.deleteIfExists(adminConfig);
    }
}
