package de.weserems.integration.testsupport;

import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.Map;

/**
 * A private KRaft cluster for a test that stops and starts brokers: one controller apart from
 * {@code n} brokers (combined nodes crash their quorum here), so stopping a broker
 * never stops the controller. Brokers keep their ports across a restart.
 */
public final class KafkaTestCluster implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private KafkaTestCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * Starts {@code brokers} brokers; internal topics get replication factor {@code min(3, brokers)}.
     *
     * @param extra broker settings on top of the defaults
     */
    public static KafkaTestCluster start(int brokers, Map<String, String> extra) throws Exception {
        int rf = Math.min(3, brokers);
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(false).setNumControllerNodes(1).setNumBrokerNodes(brokers).build())
                .setConfigProp("offsets.topic.replication.factor", String.valueOf(rf))
                .setConfigProp("transaction.state.log.replication.factor", String.valueOf(rf))
                .setConfigProp("transaction.state.log.min.isr", String.valueOf(Math.max(1, rf - 1)))
                .setConfigProp("group.initial.rebalance.delay.ms", "0");
        extra.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new KafkaTestCluster(cluster);
    }

    /** {@link #start}, for a static field: a failure to start fails the test class. */
    public static KafkaTestCluster startOrFail(int brokers, Map<String, String> extra) {
        try {
            return start(brokers, extra);
        } catch (Exception e) {
            throw new IllegalStateException("the test cluster did not start", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The ids of the brokers. */
    public java.util.Set<Integer> brokerIds() {
        return cluster.brokers().keySet();
    }

    /** Stops one broker and waits until it is down. */
    public void stopBroker(int id) {
        BrokerServer broker = cluster.brokers().get(id);
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Starts a stopped broker again and waits until every broker is ready. */
    public void startBroker(int id) throws Exception {
        cluster.brokers().get(id).startup();
        cluster.waitForReadyBrokers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
