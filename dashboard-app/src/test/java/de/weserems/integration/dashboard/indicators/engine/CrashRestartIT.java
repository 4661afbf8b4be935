package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.testsupport.ServiceProcess;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The indicator engine under crashes, on a private broker with dashboard-app run from its jar:
 * events flow in while the dashboard is killed with SIGKILL mid-stream and started again; events
 * are resent; a poison record arrives. In the end every count equals, exactly, what a simple count
 * of the distinct events gives; the poison record is in the dead-letter topic. Among the events go
 * participant stories (entitlements, enrolments, course starts, completions with a funding source and
 * what followed them, {@link de.weserems.integration.testsupport.ChainStories}), some of them across the
 * crash: the figures of access, waiting now and funding gaps in their districts equal their plain sum.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class CrashRestartIT {

    @AutoClose
    private static final EngineRun run = EngineRun.startWithStories(7);
    private final Path stateDir = EngineRun.temp("streams-crash-it");

    @Test
    void nothing_lost_nothing_doubled_across_a_crash_a_resend_and_a_poison_record() throws Exception {
        ServiceProcess first = run.dashboard("dashboard-it-1", stateDir);
        run.send(1500);
        EngineRun.awaitRegionEnrolments(first, c -> c > 0);
        // more events in flight while the dashboard dies without any chance to clean up
        int before = run.sent();
        Thread sender = Thread.ofPlatform().start(() -> run.send(1500));
        await().alias("the sender is under way").atMost(Duration.ofSeconds(30)).until(() -> run.sent() >= before + 200);
        first.kill();
        sender.join();
        System.out.printf("killed the dashboard mid-stream after %d events were sent%n", run.sent());

        // resends of already sent events (keyed as an older ingest did), and records another producer got wrong
        run.resend(0, 400);
        run.sendRaw("{\"eventId\":\"not a uuid\",\"type\":\"COURSE_ENROLMENT\"}".getBytes(StandardCharsets.UTF_8));
        run.sendRaw(new byte[]{(byte) 0xff, 0x00, 0x13});
        run.send(500);

        Map<String, Long> expected = run.reference();
        try (ServiceProcess second = run.dashboard("dashboard-it-2", stateDir)) {
            EngineRun.awaitRegionEnrolments(second, c -> c == expected.get("enrolments|034"));
            assertThat(EngineRun.countsOf(EngineRun.settled(second, expected))).isEqualTo(expected);
            Map<String, Long> stories = run.storyReference();
            // a participant's figures pass one repartition more than the counts and may trail them a little
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(EngineRun.storyFiguresOf(EngineRun.figures(second)))
                            .as("access, waiting now and funding gaps of the stories").isEqualTo(stories));
            System.out.printf("the stories' figures exact too: %s%n", stories);
            System.out.printf("after the crash: %d distinct events of %d records, every count exact%n",
                    run.sent(), run.sent() + 400 + 2);
            assertThat(run.deadLetters()).hasSize(2).allSatisfy(r ->
                    assertThat(r.headers().lastHeader(DeadLetters.REASON_HEADER)).isNotNull());
        }
    }
}
