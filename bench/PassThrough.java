import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The pass-through Kafka Streams app of bench/replay: reads the events topic as bytes and writes every
 * record unchanged to another topic, with the dashboard engine's guarantee and commit interval
 * (exactly_once_v2, commit.interval.ms=100) and, like it, one stream thread. It shows what Kafka
 * Streams' exactly-once read-process-write costs on this broker without any of the engine's work (JSON,
 * repartitions, state stores). bench/replay measures it from the outside (bench/GroupLag.java) and stops
 * it with SIGTERM.
 *
 * <p>Run with kafka-streams on the classpath: {@code java -cp STREAMS_CLASSPATH bench/PassThrough.java
 * BOOTSTRAP APPLICATION_ID STATE_DIR SOURCE_TOPIC SINK_TOPIC}.
 */
public class PassThrough {

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            System.err.println("Usage: java -cp STREAMS_CLASSPATH bench/PassThrough.java BOOTSTRAP APPLICATION_ID "
                    + "STATE_DIR SOURCE_TOPIC SINK_TOPIC");
            System.exit(2);
        }
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, args[1]);
        p.put(StreamsConfig.STATE_DIR_CONFIG, args[2]);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put("consumer.auto.offset.reset", "earliest");

        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(args[3], Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(args[4], Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        KafkaStreams streams = new KafkaStreams(builder.build(), p);
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            System.err.printf(Locale.ROOT, "[PassThrough] %s -> %s%n", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(java.time.Duration.ofSeconds(20));
            stopped.countDown();
        }));
        streams.start();
        stopped.await();
    }
}
