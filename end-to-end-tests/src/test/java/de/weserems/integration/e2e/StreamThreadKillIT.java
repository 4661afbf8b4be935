package de.weserems.integration.e2e;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's stream thread is killed from outside (interrupted, which Kafka Streams treats as
 * fatal for the thread) between two batches of events; it is replaced, and every event counts
 * exactly once: none lost with the dead thread's uncommitted work, none counted twice when the new
 * thread takes the work up again from the last commit.
 */
class StreamThreadKillIT extends EndToEndTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void a_killed_stream_thread_is_replaced_and_nothing_is_lost_or_doubled() throws Exception {
        String district = "03455";
        awaitEverythingProcessed(); // what earlier tests posted is counted: "before" stays put
        long before = Math.max(0, enrolmentsOf(district));
        assertThat(post(enrolments(district, 10)).statusCode()).isEqualTo(202);
        awaitEnrolments(district, v -> v == before + 10, Duration.ofSeconds(60));

        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        assertThat(kafkaStreams).isNotNull();
        List<Thread> streamThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("StreamThread") && t.isAlive()).toList();
        assertThat(streamThreads).isNotEmpty();
        // more events in flight while the thread dies
        assertThat(post(enrolments(district, 7)).statusCode()).isEqualTo(202);
        streamThreads.forEach(Thread::interrupt);
        System.out.printf("interrupted %d stream thread(s): %s%n", streamThreads.size(),
                streamThreads.stream().map(Thread::getName).toList());
        assertThat(post(enrolments(district, 5)).statusCode()).isEqualTo(202);

        awaitEnrolments(district, v -> v == before + 22, Duration.ofSeconds(90));
        double replaced = meters.find("indicators.stream.thread.replaced").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        assertThat(replaced).as("stream threads replaced").isGreaterThanOrEqualTo(1);
        assertThat(kafkaStreams.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
        // and it stays there: once the engine has committed past every event and the read model has read
        // all it wrote, nothing the dead thread left undone is counted twice by its replacement
        awaitEverythingProcessed();
        assertThat(enrolmentsOf(district)).as("10 + 7 + 5, each once").isEqualTo(before + 22);
    }
}
