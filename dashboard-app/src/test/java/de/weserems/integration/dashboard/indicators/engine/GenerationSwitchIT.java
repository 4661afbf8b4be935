package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.testsupport.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reprocessing by engine generations, end to end with dashboard-app run from its jar on a private
 * broker. A second instance runs a new generation beside the first: while the new one replays the event
 * log, both instances serve the old generation's complete figures (every answer sampled is exact); once
 * it has caught up both switch to it by themselves, with identical figures; new events then count once.
 * The old generation is removed by the documented command (refused while an instance still runs it).
 * Then a wipe: the only instance restarts on yet another generation without any local state, serves the
 * last figures until the new generation has counted everything again, and then the same figures.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class GenerationSwitchIT {

    @AutoClose
    private static final EngineRun run = EngineRun.start(11);

    @Test
    void a_new_generation_replays_beside_the_served_one_takes_over_with_identical_figures_and_the_old_one_is_removed()
            throws Exception {
        run.send(6000);
        run.resend(0, 500);
        Map<String, Long> expected = run.reference();
        Path stateA = EngineRun.temp("generation-a");
        ServiceProcess a = run.dashboard("generation-a", stateA, "--dashboard.engine.generation=v4");
        ServiceProcess b = null;
        try {
            JsonNode v4 = EngineRun.settled(a, expected);
            assertThat(EngineRun.serving(a)).isEqualTo("v4");

            // v5 replays the whole log beside v4; every answer of both instances meanwhile is complete
            AtomicReference<ServiceProcess> b5 = new AtomicReference<>();
            try (Sampler sampler = new Sampler(expected)) {
                sampler.watch(a);
                b = run.dashboard("generation-b", EngineRun.temp("generation-b"), "--dashboard.engine.generation=v5");
                b5.set(b);
                sampler.watch(b);
                await().alias("both instances serve v5").atMost(Duration.ofSeconds(180)).ignoreExceptions()
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> EngineRun.serving(a).equals("v5") && EngineRun.serving(b5.get()).equals("v5"));
                sampler.assertEveryAnswerExact();
                assertThat(sampler.generations(b)).as("what the new instance served, in order").startsWith("v4")
                        .endsWith("v5");
            }
            assertThat(EngineRun.settled(b, expected)).as("v5 counts what v4 counted").isEqualTo(v4);
            assertThat(EngineRun.figures(a)).isEqualTo(v4);

            // after the switch, new events and resends count once, on both instances
            run.send(800);
            run.resend(100, 300);
            Map<String, Long> after = run.reference();
            JsonNode both = EngineRun.settled(b, after);
            assertThat(EngineRun.settled(a, after)).isEqualTo(both);

            // the old generation is removed only once no instance runs it
            Command refused = removeGeneration("v4", stateA);
            assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
            assertThat(refused.output()).contains("still run engine generation v4");
            a.close();
            awaitRemoved("v4", stateA);
            try (Admin admin = run.admin()) {
                assertThat(admin.listTopics().names().get()).noneMatch(t -> t.equals("integration.indicators.v4")
                        || t.startsWith("integration-indicators-v4-")).contains("integration.indicators.v5");
                assertThat(admin.listGroups().all().get()).extracting(GroupListing::groupId)
                        .doesNotContain("integration-indicators-v4").contains("integration-indicators-v5");
            }
            assertThat(stateA.resolve("integration-indicators-v4")).doesNotExist();
            assertThat(removeGeneration("v5", null).exit()).as("the served generation is never removed").isEqualTo(1);
            assertThat(EngineRun.settled(b, after)).isEqualTo(both);

            // a wipe: restart on a new generation with no local state at all
            b.close();
            b = null;
            try (Sampler sampler = new Sampler(after)) {
                ServiceProcess c = run.dashboard("generation-c", EngineRun.temp("generation-c"),
                        "--dashboard.engine.generation=v6");
                try {
                    sampler.watch(c);
                    await().alias("the instance serves v6").atMost(Duration.ofSeconds(180)).ignoreExceptions()
                            .pollInterval(Duration.ofMillis(500)).until(() -> EngineRun.serving(c).equals("v6"));
                    sampler.assertEveryAnswerExact();
                    assertThat(sampler.generations(c)).startsWith("v5").endsWith("v6");
                    assertThat(EngineRun.settled(c, after)).isEqualTo(both);
                } finally {
                    c.close();
                }
            }
            awaitRemoved("v5", null);
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
        }
    }

    /**
     * Removes {@code generation} once the stopped instance that ran it has left its consumer group:
     * Kafka Streams keeps a dynamic member in the group until its session times out (45 s), and the
     * command refuses until then.
     */
    private static void awaitRemoved(String generation, Path stateDir) {
        await().alias(generation + "'s group is empty and it is removed").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> removeGeneration(generation, stateDir), c -> c.exit() == 0);
    }

    /** The documented command, run from the jar as an operator runs it. */
    private static Command removeGeneration(String generation, Path stateDir) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", ServiceProcess.findJar("dashboard-app").toString(), "remove-generation",
                "--generation=" + generation, "--bootstrap-servers=" + run.cluster.bootstrapServers()));
        if (stateDir != null) {
            command.add("--state-dir=" + stateDir);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.print(output);
        return new Command(process.exitValue(), output);
    }

    private record Command(int exit, String output) {
    }

    /**
     * Reads the figures and the generation served of each watched instance every 300 ms: every answer
     * must be the complete figures ({@code expected}), whichever generation gives them.
     */
    private static final class Sampler implements AutoCloseable {

        private final Map<String, Long> expected;
        private final List<ServiceProcess> watched = new CopyOnWriteArrayList<>();
        private final List<String> wrong = new CopyOnWriteArrayList<>();
        private final Map<ServiceProcess, List<String>> served = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong rounds = new AtomicLong();
        private final Thread thread;

        Sampler(Map<String, Long> expected) {
            this.expected = expected;
            this.thread = Thread.ofPlatform().name("generation-sampler").start(this::sample);
        }

        void watch(ServiceProcess dashboard) {
            served.put(dashboard, new CopyOnWriteArrayList<>());
            watched.add(dashboard);
        }

        private void sample() {
            while (running.get()) {
                for (ServiceProcess d : watched) {
                    try {
                        String generation = EngineRun.serving(d);
                        Map<String, Long> counts = EngineRun.countsOf(EngineRun.figures(d));
                        if (!counts.equals(expected)) {
                            wrong.add(d + " served by " + generation + ": " + counts);
                        }
                        List<String> seen = served.get(d);
                        if (seen.isEmpty() || !seen.getLast().equals(generation)) {
                            seen.add(generation);
                        }
                    } catch (Exception e) {
                        if (d.isAlive() && running.get()) {
                            wrong.add(d + " did not answer: " + e);
                        }
                    }
                }
                rounds.incrementAndGet();
                try {
                    TimeUnit.MILLISECONDS.sleep(300); // the sampling period, not a wait for anything
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Every answer so far was exact, including a round of answers that began after this call. */
        void assertEveryAnswerExact() {
            long now = rounds.get();
            await().alias("a round of answers after now").atMost(Duration.ofSeconds(30))
                    .until(() -> rounds.get() >= now + 2);
            assertThat(wrong).as("answers that were not the complete figures").isEmpty();
        }

        List<String> generations(ServiceProcess dashboard) {
            return served.get(dashboard);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.interrupt();
            thread.join(5000);
        }
    }
}
