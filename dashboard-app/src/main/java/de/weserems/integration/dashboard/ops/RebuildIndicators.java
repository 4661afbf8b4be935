package de.weserems.integration.dashboard.ops;

import de.weserems.integration.dashboard.indicators.IndicatorRebuild;
import de.weserems.integration.events.Topics;
import de.weserems.integration.kafka.TopicDeclarations;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Rebuilds every indicator from the event log. First it removes what the indicator engine derived
 * (its consumer group, its internal changelog and repartition topics, {@link Topics#INDICATORS} and
 * the dead-letter topic, and the local state directory). {@link Topics#EVENTS} itself is never touched.
 * Then, by default, {@link IndicatorRebuild} reads the event log once and writes the indicators and
 * the engine's state in one transaction, so the next start of dashboard-app restores that state and
 * goes on from where the rebuild stopped reading. With {@code --in-engine} it stops after removing,
 * and the next start processes {@link Topics#EVENTS} from its first record through the topology
 * (slower; the way to go if the fast rebuild ever refuses).
 *
 * <p>Run it with every dashboard-app instance stopped (it refuses while the engine's group has
 * members), then start them again; each instance whose state directory was not deleted here must
 * have it deleted before it starts.
 *
 * <pre>java -XX:+UseParallelGC -jar dashboard-app-*-exec.jar rebuild-indicators --bootstrap-servers=host:9092
 *      [--application-id=integration-indicators-v3] [--state-dir=/var/lib/integration-indicators] [--in-engine]</pre>
 */
public final class RebuildIndicators {

    /** The first argument that runs this command instead of the web application. */
    public static final String COMMAND = "rebuild-indicators";
    static final String DEFAULT_APPLICATION_ID = "integration-indicators-v3";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Option: only remove what was derived; the engine then replays the event log itself. */
    private static final String IN_ENGINE = "in-engine";
    private static final Set<String> VALUE_OPTIONS = Set.of("bootstrap-servers", "application-id", "state-dir");

    private final Admin admin;
    private final String applicationId;
    private final PrintStream out;

    RebuildIndicators(Admin admin, String applicationId, PrintStream out) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.out = out;
    }

    /** Entry point from {@code DashboardApplication.main} when the first argument is {@link #COMMAND}. */
    public static int main(String[] args, PrintStream out) {
        // without Spring Boot's logging setup, Kafka's clients would print their whole configuration
        if (org.slf4j.LoggerFactory.getLogger("org.apache.kafka") instanceof ch.qos.logback.classic.Logger kafkaLog) {
            kafkaLog.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            out.println("Not rebuilt: " + e.getMessage());
            return 2;
        }
        String bootstrap = options.getOrDefault("bootstrap-servers",
                System.getenv().getOrDefault("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        String applicationId = options.getOrDefault("application-id", DEFAULT_APPLICATION_ID);
        String stateDir = options.get("state-dir");
        boolean inEngine = options.containsKey(IN_ENGINE);
        boolean deleted = false;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            RebuildIndicators command = new RebuildIndicators(admin, applicationId, out);
            TopicDeclarations topics = command.declarationsLikeEvents();
            JsonMapper json = JsonMapper.builder().build();
            if (!inEngine) {
                // what would make the one-pass rebuild refuse is checked before anything is deleted
                IndicatorRebuild.checkTopology(json);
                IndicatorRebuild.checkBrokers(admin);
            }
            command.run(stateDir == null ? null : Path.of(stateDir));
            deleted = true;
            if (inEngine) {
                out.println("Done. Start dashboard-app now: it rebuilds every indicator from " + Topics.EVENTS + ".");
                return 0;
            }
            out.println("Keep every dashboard-app instance stopped until this says Done.");
            IndicatorRebuild.Summary s = new IndicatorRebuild(admin,
                    Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap), applicationId, json, out)
                    .run(topics);
            out.printf(Locale.ROOT, "Rebuilt %,d district-months from %,d records in %.1f s (%,.0f records/s; "
                            + "set-up %.1f s, reading %.1f s, state %.1f s, commit %.1f s):%n"
                            + "  %,d events counted, %,d resends not counted again, %,d dead letters, %,d participants.%n",
                    s.districtMonths(), s.records(), s.totalNanos() / 1e9, s.records() / (s.totalNanos() / 1e9),
                    s.setupNanos() / 1e9, s.readNanos() / 1e9, s.stateNanos() / 1e9, s.commitNanos() / 1e9,
                    s.counted(), s.resends(), s.deadLetters(), s.participants());
            out.println("Done. Start dashboard-app now: it restores the engine's state and goes on with the events "
                    + "that came after.");
            return 0;
        } catch (IllegalStateException e) {
            out.println("Not rebuilt: " + e.getMessage() + afterDeletion(deleted));
            return 2;
        } catch (Exception e) {
            out.println("Not rebuilt: " + e + afterDeletion(deleted));
            return 1;
        }
    }

    private static String afterDeletion(boolean deleted) {
        return deleted ? System.lineSeparator() + "Everything derived was deleted already (nothing of this attempt is "
                + "visible): run the command again, or start dashboard-app, which then rebuilds every indicator "
                + "in its engine (slower)." : "";
    }

    /**
     * How the rebuild creates the topics it writes: as many partitions and replicas as {@link Topics#EVENTS}
     * has, and its {@code min.insync.replicas} (read before anything is deleted).
     */
    TopicDeclarations declarationsLikeEvents() throws ExecutionException, InterruptedException {
        TopicDescription events;
        try {
            events = admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames().get().get(Topics.EVENTS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException(Topics.EVENTS + " does not exist: there is nothing to rebuild from");
            }
            throw e;
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENTS);
        ConfigEntry minIsr = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        return new TopicDeclarations(events.partitions().size(),
                (short) events.partitions().getFirst().replicas().size(),
                minIsr == null ? 1 : Integer.parseInt(minIsr.value()));
    }

    /** Removes everything derived; throws {@link IllegalStateException} while an instance is running. */
    public void run(Path stateDir) throws ExecutionException, InterruptedException, IOException {
        refuseWhileRunning();
        try {
            admin.deleteConsumerGroups(List.of(applicationId)).all().get();
            out.println("Deleted consumer group " + applicationId + " (its offsets on " + Topics.EVENTS + ").");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
        List<String> derived = new ArrayList<>();
        for (String topic : admin.listTopics().names().get()) {
            if (topic.startsWith(applicationId + "-") || topic.equals(Topics.INDICATORS)
                    || topic.equals(Topics.EVENTS_DEAD_LETTERS)) {
                derived.add(topic);
            }
        }
        derived.sort(Comparator.naturalOrder());
        if (!derived.isEmpty()) {
            try {
                admin.deleteTopics(derived).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            awaitGone(derived);
            derived.forEach(t -> out.println("Deleted topic " + t));
        }
        if (stateDir != null) {
            // the state of this application only: the directory given may hold other things
            Path target = stateDir.getFileName() != null && stateDir.getFileName().toString().equals(applicationId)
                    ? stateDir : stateDir.resolve(applicationId);
            if (Files.exists(target)) {
                deleteTree(target);
                out.println("Deleted local state " + target);
            } else {
                out.println("No local state of " + applicationId + " in " + stateDir);
            }
        }
    }

    /**
     * Waits until the engine's group has no members: a stopped instance leaves at once, a crashed
     * one when its session times out (45 s by default). Refuses if members are still there after that.
     */
    private void refuseWhileRunning() throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean told = false;
        while (true) {
            int members = members();
            if (members == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(members + " dashboard-app instance(s) still run the indicator engine "
                        + "(consumer group " + applicationId + "). Stop all of them first.");
            }
            if (!told) {
                out.println("Waiting up to " + WAIT.toSeconds() + " s for " + members + " member(s) of " + applicationId
                        + " to leave (a crashed instance leaves when its session times out)...");
                told = true;
            }
            Thread.sleep(1000);
        }
    }

    private int members() throws ExecutionException, InterruptedException {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).all().get()
                    .get(applicationId);
            return group == null ? 0 : group.members().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw e;
        }
    }

    private void awaitGone(List<String> topics) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> left = admin.listTopics().names().get();
            if (topics.stream().noneMatch(left::contains)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the broker did not delete " + topics + " within " + WAIT.toSeconds() + " s");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            String name = arg.startsWith("--") && arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : null;
            if (arg.equals("--" + IN_ENGINE)) {
                options.put(IN_ENGINE, "true");
            } else if (name != null && VALUE_OPTIONS.contains(name)) {
                options.put(name, arg.substring(arg.indexOf('=') + 1));
            } else if (!arg.equals(COMMAND)) {
                throw new IllegalArgumentException("unknown argument " + arg + "; usage: " + COMMAND
                        + " --bootstrap-servers=host:9092 [--application-id=...] [--state-dir=...] [--" + IN_ENGINE + "]");
            }
        }
        return options;
    }
}
