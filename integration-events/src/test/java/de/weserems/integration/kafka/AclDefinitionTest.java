package de.weserems.integration.kafka;

import de.weserems.integration.events.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ACL definition ({@code deploy/kafka/acls}) keeps up with the topics: a topic added to {@link Topics}
 * without its ACL fails here, before a secured cluster refuses it; and no principal but ingest may write
 * the event log, not even through a prefixed ACL.
 */
class AclDefinitionTest {

    /** One line of the file: the arguments of a {@code kafka-acls.sh --add}. */
    private record Acl(List<String> args) {
        String option(String name) {
            int i = args.indexOf(name);
            return i < 0 || i + 1 >= args.size() ? null : args.get(i + 1);
        }

        boolean prefixed() {
            return "prefixed".equals(option("--resource-pattern-type"));
        }

        boolean covers(String topic) {
            String pattern = option("--topic");
            return pattern != null && (prefixed() ? topic.startsWith(pattern) : topic.equals(pattern));
        }

        boolean writes() {
            return args.contains("Write") || args.contains("All");
        }
    }

    private static List<Acl> acls() throws IOException {
        List<Acl> acls = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "deploy", "kafka", "acls"))) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                acls.add(new Acl(Arrays.asList(trimmed.split("\\s+"))));
            }
        }
        return acls;
    }

    /** Every topic name in {@link Topics}, with an engine generation's indicator topic as an example of its prefix. */
    private static List<String> topics() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("INDICATORS_PREFIX")) {
                topics.add((String) field.get(null));
            }
        }
        topics.add(Topics.indicators("v7"));
        return topics;
    }

    @Test
    void every_topic_of_the_contract_has_an_acl() throws Exception {
        List<Acl> acls = acls();
        assertThat(topics()).contains(Topics.EVENTS, Topics.TARGETS).allSatisfy(topic ->
                assertThat(acls).as("an ACL line in deploy/kafka/acls for " + topic).anyMatch(a -> a.covers(topic)));
    }

    @Test
    void only_ingest_writes_the_event_log() throws Exception {
        List<String> writers = acls().stream().filter(a -> a.covers(Topics.EVENTS) && a.writes())
                .map(a -> a.option("--allow-principal")).distinct().toList();
        assertThat(writers).containsExactly("User:ingest");
    }

    @Test
    void every_line_grants_one_of_the_services_and_nothing_is_denied_by_exception() throws Exception {
        assertThat(acls()).isNotEmpty().allSatisfy(acl -> {
            assertThat(acl.option("--allow-principal")).isIn("User:ingest", "User:dashboard");
            assertThat(acl.args()).doesNotContain("--deny-principal", "--add", "--remove");
        });
    }
}
