package de.weserems.integration.dashboard.indicators.generation;

import de.weserems.integration.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Removes an engine generation that is no longer served: its consumer group, its internal changelog and
 * repartition topics (the ones Kafka Streams' own reset tool would delete: the application id, then
 * {@code -changelog} or {@code -repartition}), its indicator topic, its mark in
 * {@link Topics#ENGINE_GENERATIONS}, and with {@code --state-dir} its local state
 * ({@link KafkaStreams#cleanUp()}). The event log is never touched.
 *
 * <p>It refuses a generation that is served (the newest that caught up) or newer, and one whose
 * instances still run.
 *
 * <pre>java -jar dashboard-app-*-exec.jar remove-generation --generation=v4 --bootstrap-servers=host:9092
 *      [--state-dir=/var/lib/integration-indicators] [--command-config=admin.properties]</pre>
 *
 * <p>On a secured cluster {@code --command-config} names a file of client settings (the login), as for
 * Kafka's own tools; it needs a principal allowed to delete topics and groups, such as {@code admin}: the
 * dashboard's own principal may not (deploy/kafka/acls).
 */
public final class RemoveGeneration {

    /** The first argument that runs this command instead of the web application. */
    public static final String COMMAND = "remove-generation";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RemoveGeneration() {
    }

    /** Runs the command; returns the exit code (0 done, 1 refused or failed, 2 wrong arguments). */
    public static int main(String[] args, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                return usage(out, "Unknown argument: " + a);
            }
            options.put(a.substring(2, eq), a.substring(eq + 1));
        }
        if (!options.keySet().stream().allMatch(k -> k.equals("generation") || k.equals("bootstrap-servers")
                || k.equals("state-dir") || k.equals("command-config")) || !options.containsKey("generation")) {
            return usage(out, "Name the generation to remove: --generation=v4");
        }
        EngineGeneration generation;
        try {
            generation = new EngineGeneration(options.get("generation"));
        } catch (IllegalArgumentException e) {
            return usage(out, e.getMessage());
        }
        Map<String, Object> client = new HashMap<>();
        try {
            client.putAll(commandConfig(options.get("command-config")));
        } catch (IOException e) {
            return usage(out, "Cannot read --command-config: " + e.getMessage());
        }
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.getOrDefault("bootstrap-servers", "localhost:9092"));
        try (Admin admin = Admin.create(client)) {
            return remove(generation, client, options.get("state-dir"), admin, out);
        } catch (Exception e) {
            out.println("Failed: " + e.getMessage());
            return 1;
        }
    }

    /** The client settings of a properties file (the login on a secured cluster); none without a file. */
    private static Map<String, Object> commandConfig(String file) throws IOException {
        Map<String, Object> config = new HashMap<>();
        if (file != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of(file))) {
                properties.load(reader);
            }
            properties.forEach((k, v) -> config.put(k.toString(), v));
        }
        return config;
    }

    private static int remove(EngineGeneration generation, Map<String, Object> client, String stateDir, Admin admin,
                              PrintStream out) throws Exception {
        TreeSet<EngineGeneration> caughtUp = caughtUp(client);
        if (caughtUp.isEmpty() || caughtUp.last().compareTo(generation) <= 0) {
            out.println("Refused: " + generation + " is not older than the generation every instance serves ("
                    + (caughtUp.isEmpty() ? "none has caught up yet" : caughtUp.last())
                    + "). Remove a generation only after a newer one has taken over.");
            return 1;
        }
        String group = generation.applicationId();
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(group);
            if (description != null && !description.members().isEmpty()) {
                out.println("Refused: " + description.members().size() + " instance(s) still run engine generation "
                        + generation + ". Stop them (or start them with a newer dashboard.engine.generation) first. "
                        + "An instance stopped less than the consumer session timeout ago (45 s by default) still "
                        + "counts: try again then.");
                return 1;
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
        List<String> topics = new ArrayList<>();
        for (String topic : admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            if (topic.equals(generation.indicatorsTopic()) || (topic.startsWith(group + "-")
                    && (topic.endsWith("-changelog") || topic.endsWith("-repartition")))) {
                topics.add(topic);
            }
        }
        topics.sort(null);
        admin.deleteTopics(topics).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        topics.forEach(t -> out.println("Deleted topic " + t));
        try {
            admin.deleteConsumerGroups(List.of(group)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            out.println("Deleted consumer group " + group);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
        forget(generation, client);
        out.println("Removed the mark of " + generation + " from " + Topics.ENGINE_GENERATIONS);
        if (stateDir != null) {
            Properties config = new Properties();
            config.putAll(client);
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, group);
            config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(Topics.EVENTS);
            try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
                streams.cleanUp();
            }
            // cleanUp() leaves the directories of tasks its own (here: stand-in) topology does not have
            Path left = Path.of(stateDir, group);
            if (Files.exists(left)) {
                try (Stream<Path> files = Files.walk(left)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
            out.println("Deleted the local state of " + group + " in " + stateDir);
        }
        out.println("Done: engine generation " + generation + " is removed; the event log is untouched.");
        return 0;
    }

    /** The generations marked as caught up. */
    private static TreeSet<EngineGeneration> caughtUp(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<String, String> marks = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENGINE_GENERATIONS, TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() == null) {
                        marks.remove(r.key());
                    } else {
                        marks.put(r.key(), r.value());
                    }
                });
            }
        }
        TreeSet<EngineGeneration> generations = new TreeSet<>();
        marks.keySet().forEach(name -> generations.add(new EngineGeneration(name)));
        return generations;
    }

    private static void forget(EngineGeneration generation, Map<String, Object> client) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(Topics.ENGINE_GENERATIONS, generation.name(), null))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("Usage: java -jar dashboard-app-exec.jar " + COMMAND
                + " --generation=vN [--bootstrap-servers=host:9092] [--state-dir=DIR] [--command-config=FILE]");
        return 2;
    }
}
