package de.weserems.integration.dashboard.deployment;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's kit (deploy/prometheus/alerts.yml, deploy/grafana/dashboards) names metrics by their
 * Prometheus names; a renamed meter would leave an alert that never fires or an empty panel. Every
 * name they use must be one the services register: the services' own meters as their sources declare
 * them (both services), and the JVM's and Kafka clients' as Micrometer's binders name them on a real
 * consumer and Streams client (the binders Spring Boot and Spring Kafka attach).
 */
class OperatorKitTest {

    private static final Path ROOT = Path.of("..");
    /** PromQL's functions and keywords that have an underscore, like a metric name. */
    private static final Set<String> PROMQL = Set.of("histogram_quantile", "min_over_time", "max_over_time",
            "avg_over_time", "sum_over_time", "count_over_time", "label_replace", "group_left", "group_right");

    /** One field of every rule in deploy/prometheus/alerts.yml. */
    @SuppressWarnings("unchecked")
    private static List<String> rules(String field) throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus/alerts.yml")));
        return ((List<Map<String, Object>>) file.get("groups")).stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
                .map(r -> String.valueOf(r.get(field))).toList();
    }

    @Test
    void every_alert_rule_names_only_metrics_the_services_register() throws IOException {
        List<String> expressions = rules("expr");
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(7);
        assertThat(unknown(expressions)).isEmpty();
    }

    @Test
    void the_operations_guide_lists_exactly_the_alerts_of_the_rules_file() throws IOException {
        List<String> rules = rules("alert");
        String guide = Files.readString(ROOT.resolve("docs/operations.md"));
        String table = guide.substring(guide.indexOf("**Alert on**"), guide.indexOf("Not in the rules:"));
        List<String> listed = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(table).results().map(r -> r.group(1)).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(rules);
    }

    @Test
    void every_dashboard_panel_names_only_metrics_the_services_register() throws IOException {
        String dashboard = Files.readString(ROOT.resolve("deploy/grafana/dashboards/integrationsmonitor.json"));
        List<String> expressions = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dashboard).results()
                .map(r -> r.group(1).replace("\\\"", "\"")).toList();
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(15);
        assertThat(unknown(expressions)).isEmpty();
    }

    @Test
    void the_check_itself_finds_a_renamed_meter() throws IOException {
        assertThat(unknown(List.of("rate(ingest_events_accepted_total[5m])"))).isEmpty();
        assertThat(unknown(List.of("rate(ingest_events_stored_total[5m])"))).containsExactly("ingest_events_stored_total");
        assertThat(unknown(List.of("kafka_consumer_fetch_manager_records_lag_maximum"))).isNotEmpty();
    }

    @TempDir
    Path stateDir;

    /** The metric names in these PromQL expressions that no service registers. */
    private Set<String> unknown(List<String> expressions) throws IOException {
        Set<String> known = known();
        Set<String> unknown = new TreeSet<>();
        for (String expression : expressions) {
            for (String name : metricNames(expression)) {
                if (!known.contains(name)) {
                    unknown.add(name);
                }
            }
        }
        return unknown;
    }

    /**
     * Metric names in a PromQL expression: identifiers with an underscore outside label matchers,
     * quoted strings and {@code by (…)}/{@code on (…)} lists, plus Prometheus' own {@code up}.
     */
    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\{[^}]*}", "")
                .replaceAll("\\b(by|on|without|ignoring)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b").matcher(bare);
        while (m.find()) {
            String name = m.group(1);
            if ((name.contains("_") && !PROMQL.contains(name)) || name.equals("up")) {
                names.add(name);
            }
        }
        return names;
    }

    private Set<String> known() throws IOException {
        Set<String> known = new TreeSet<>(declaredMeters());
        known.addAll(bindersNames());
        known.add("up");
        return known;
    }

    /**
     * The services' own meters, as their sources register them, by their Prometheus names: a counter
     * {@code a.b} is {@code a_b_total}, a timer {@code a_b_seconds_*}, a summary {@code a_b_*}.
     */
    static Set<String> declaredMeters() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern builder = Pattern.compile("(Counter|Timer|DistributionSummary|Gauge)\\.builder\\(\\s*(\"[^\"]+\"|[A-Z_]+)");
        Pattern shortcut = Pattern.compile("\\.(counter|timer|summary|gauge)\\(\\s*(\"[^\"]+\"|[A-Z_]+)");
        for (String module : List.of("ingest-service", "dashboard-app")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module + "/src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    Map<String, String> constants = new HashMap<>();
                    Pattern.compile("static final String ([A-Z_]+) = \"([^\"]+)\"").matcher(source).results()
                            .forEach(r -> constants.put(r.group(1), r.group(2)));
                    for (Pattern p : List.of(builder, shortcut)) {
                        Matcher m = p.matcher(source);
                        while (m.find()) {
                            String raw = m.group(2);
                            String name = raw.startsWith("\"") ? raw.substring(1, raw.length() - 1) : constants.get(raw);
                            if (name != null) {
                                names.addAll(prometheusNames(m.group(1).toLowerCase(), name.replace('.', '_')));
                            }
                        }
                    }
                }
            }
        }
        return names;
    }

    private static List<String> prometheusNames(String type, String base) {
        return switch (type) {
            case "counter" -> List.of(base + "_total");
            case "timer" -> List.of(base + "_seconds_bucket", base + "_seconds_count", base + "_seconds_sum",
                    base + "_seconds_max");
            case "distributionsummary", "summary" -> List.of(base + "_bucket", base + "_count", base + "_sum", base + "_max");
            default -> List.of(base);
        };
    }

    /** The JVM's and the Kafka clients' meters, named by Micrometer's binders and the Prometheus registry. */
    private Set<String> bindersNames() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Set<String> names = new TreeSet<>(scrapedNames(registry));
        Properties consumer = new Properties();
        // never connects: a consumer's metrics exist from its construction
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "operator-kit-test");
        try (KafkaConsumer<byte[], byte[]> client = new KafkaConsumer<>(consumer, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()); KafkaClientMetrics metrics = new KafkaClientMetrics(client)) {
            metrics.bindTo(registry);
            names.addAll(scrapedNames(registry));
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        Properties streams = new Properties();
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, "operator-kit-test");
        streams.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        streams.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        streams.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        streams.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        KafkaStreams client = new KafkaStreams(builder.build(), streams);
        try (KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(client)) {
            metrics.bindTo(registry);
            names.addAll(scrapedNames(registry));
        } finally {
            client.close(Duration.ofSeconds(5));
        }
        return names;
    }

    /** The metric names of a scrape, as Prometheus reads them. */
    private static Set<String> scrapedNames(PrometheusMeterRegistry registry) {
        return registry.scrape().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }
}
