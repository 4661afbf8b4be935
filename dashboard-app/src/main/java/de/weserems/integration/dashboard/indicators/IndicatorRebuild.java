package de.weserems.integration.dashboard.indicators;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Topics;
import de.weserems.integration.kafka.TopicDeclarations;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;

/**
 * Rebuilds every indicator from the event log in one pass, outside Kafka Streams, and hands the
 * engine the state it would have had after processing the same records itself.
 *
 * <p>Why: through the topology every event costs about five writes to Kafka (two repartitions, two
 * changelogs, the chain's repartition), all under exactly-once commits, so replaying a long event log
 * takes minutes (bench/replay). Here each event is read once (by the engine's {@link EventReader}) and
 * counted in memory by the topology's rules: the first record of an eventId counts, histories grow as
 * {@link ParticipantHistory#with} grows them, counters and chain counters are summed as
 * {@link MonthlyCounters#add} and {@link ChainCounters#plus} sum them ({@code IndicatorRebuildTest}
 * compares the result with the topology's stores, store by store); then one Kafka transaction writes
 * <ul>
 *   <li>{@link Topics#INDICATORS} (what every dashboard's read model serves),</li>
 *   <li>the changelog topic of each of the topology's four stores, each entry in the partition whose
 *       task owns its key (the same murmur2 hash of the same serialized key Kafka Streams uses for the
 *       repartition topic in front of the store), so the engine restores exactly these stores; the
 *       event ids in packs ({@link SeenEventIds}), a hundred thousand records instead of millions,</li>
 *   <li>the dead letters, as the topology would set them aside,</li>
 *   <li>and the engine's committed offsets on {@link Topics#EVENTS}: the end of what was read.</li>
 * </ul>
 * All of it becomes visible at once or, if anything fails, not at all (the engine then starts from
 * the first event as before). The next start of dashboard-app restores the stores and goes on with the
 * events that came after: nothing counted twice, nothing left out, and a resend of an old event still
 * counts once.
 *
 * <p>The stores are checked against the topology before anything is written ({@link #storesOf}): a
 * topology change that adds or renames a store makes this refuse until it is taught the new store.
 *
 * <p>Two differences from a replay through the topology, neither in a figure: if a provider sent one
 * eventId twice with different districts (which should not happen), the two records lie in different
 * partitions, and which one "came first" is the order of reading here, the order of processing there;
 * either way the event counts once. And the record timestamp of a month's chain counters here is the
 * latest change of any history with a completion in it, where the topology takes the latest change of
 * a completion's own contribution; no figure or freshness measure uses it.
 */
public final class IndicatorRebuild {

    /** What the topology's stores hold, as this rebuild writes them; {@link #storesOf} must list exactly these. */
    static final Set<String> STORES = Set.of(IndicatorTopology.SEEN_EVENT_IDS, IndicatorTopology.DISTRICT_MONTH_COUNTERS,
            ChainTopology.PARTICIPANT_HISTORY, ChainTopology.DISTRICT_MONTH_CHAIN);
    /** Above this the broker's default limit ({@code transaction.max.timeout.ms}, 15 minutes) refuses the transaction. */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(15);
    /** What is left of the transaction's time for writing the state and committing, at the latest. */
    private static final Duration TIME_TO_WRITE = Duration.ofMinutes(3);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final Admin admin;
    private final Map<String, Object> clientConfig;
    private final String applicationId;
    private final JsonMapper json;
    private final PrintStream out;

    /**
     * @param clientConfig at least {@code bootstrap.servers}; used for the consumer and the producer
     * @param applicationId the engine's {@code application.id}: its consumer group and its topics' prefix
     */
    public IndicatorRebuild(Admin admin, Map<String, Object> clientConfig, String applicationId, JsonMapper json,
                            PrintStream out) {
        this.admin = admin;
        this.clientConfig = Map.copyOf(clientConfig);
        this.applicationId = applicationId;
        this.json = json;
        this.out = out;
    }

    /** What one rebuild did. */
    public record Summary(long records, long counted, long resends, long deadLetters, int participants,
                          int districtMonths, long setupNanos, long readNanos, long stateNanos, long commitNanos) {

        public long totalNanos() {
            return setupNanos + readNanos + stateNanos + commitNanos;
        }
    }

    /** The changelog topic of one of the engine's stores, named as Kafka Streams names it. */
    public static String changelog(String applicationId, String store) {
        return applicationId + "-" + store + "-changelog";
    }

    /** Refuses, before anything is written, if the topology has other stores than the ones this rebuild writes. */
    public static void checkTopology(JsonMapper json) {
        Set<String> stores = storesOf(json);
        if (!stores.equals(new TreeSet<>(STORES))) {
            throw new IllegalStateException("the engine's stores are " + stores + ", but this rebuild writes "
                    + new TreeSet<>(STORES) + "; use --in-engine");
        }
    }

    /** Refuses if the brokers would not allow a transaction as long as the rebuild may take. */
    public static void checkBrokers(Admin admin) throws ExecutionException, InterruptedException {
        for (org.apache.kafka.common.Node node : admin.describeCluster().nodes().get()) {
            org.apache.kafka.common.config.ConfigResource broker = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.BROKER, node.idString());
            var limit = admin.describeConfigs(List.of(broker)).all().get().get(broker).get("transaction.max.timeout.ms");
            if (limit != null && limit.value() != null && Long.parseLong(limit.value()) < TRANSACTION_TIMEOUT.toMillis()) {
                throw new IllegalStateException("broker " + node.idString() + " allows transactions of at most "
                        + limit.value() + " ms (transaction.max.timeout.ms), the rebuild needs "
                        + TRANSACTION_TIMEOUT.toMillis() + " ms: raise it, or use --in-engine");
            }
        }
    }

    /** Every store in the topology, by name. */
    static Set<String> storesOf(JsonMapper json) {
        StreamsBuilder builder = new StreamsBuilder();
        IndicatorTopology.build(builder, json, new DeadLetters(new SimpleMeterRegistry()));
        Set<String> stores = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : builder.build().describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor p) {
                    stores.addAll(p.stores());
                }
            }
        }
        return stores;
    }

    /**
     * Rebuilds from {@link Topics#EVENTS}. The derived topics must not exist ({@code RebuildIndicators}
     * deleted them); they are created here as {@code topics} declares them, the changelogs compacted like
     * Kafka Streams' own, with the events topic's partitions (one per task) and {@code topics}' replicas.
     */
    public Summary run(TopicDeclarations topics) throws ExecutionException, InterruptedException {
        long start = System.nanoTime();
        // made beside the consumer: each takes its own round of metadata requests (and class loading)
        CompletableFuture<KafkaProducer<byte[], byte[]>> producerMade = CompletableFuture.supplyAsync(this::producer,
                thread("rebuild-producer"));
        KafkaProducer<byte[], byte[]> producer = null;
        Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // small polls: fewer records in flight between the threads for each young collection to copy
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        consumerConfig.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig,
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             EventLog log = new EventLog(consumer)) {
            producer = join(producerMade, "making the producer");
            KafkaProducer<byte[], byte[]> transactional = producer;
            // the log is being read already; the producer registers its transactional id and the topics are
            // made meanwhile, while this thread counts (nothing is written before the stores are known to match)
            checkTopology(json);
            int partitions = log.end.size();
            List<NewTopic> created = new ArrayList<>();
            for (String store : STORES) {
                created.add(new NewTopic(changelog(applicationId, store), partitions, topics.replicationFactor())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime",
                                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                                String.valueOf(topics.minInsyncReplicas()))));
            }
            created.add(topics.indicators());
            created.add(topics.eventsDeadLetters());
            CompletableFuture<Void> topicsMade = admin.createTopics(created).all().toCompletionStage()
                    .toCompletableFuture();
            CompletableFuture<Void> transactionBegun = CompletableFuture.runAsync(transactional::initTransactions)
                    .thenCombine(topicsMade, (ready, made) -> null)
                    .thenRun(transactional::beginTransaction);
            Writer writer = new Writer(producer, partitions, transactionBegun);
            Pass pass = new Pass(writer, new State(log.total));
            long readStart = System.nanoTime();
            log.countInto(pass, start);
            long stateStart = System.nanoTime();
            writer.state(pass.state);
            long commitStart = System.nanoTime();
            // asked while the offsets go into the transaction (both wait for the broker), answered before the commit
            CompletableFuture<Void> engineStopped = CompletableFuture.runAsync(() -> {
                try {
                    refuseIfEngineRuns();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CompletionException(e);
                } catch (ExecutionException e) {
                    throw new CompletionException(e);
                }
            }, thread("rebuild-check"));
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            log.end.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
            producer.sendOffsetsToTransaction(offsets, new ConsumerGroupMetadata(applicationId));
            join(engineStopped, "asking whether the engine runs");
            producer.commitTransaction();
            long done = System.nanoTime();
            return new Summary(pass.records, pass.state.counted, pass.state.resends, pass.deadLetters,
                    pass.state.participantCount(), pass.state.counts.size(), readStart - start,
                    stateStart - readStart, commitStart - stateStart, done - commitStart);
        } finally {
            if (producer != null) {
                producer.close();
            } else { // the consumer failed first: close the producer once it is made
                producerMade.thenAccept(KafkaProducer::close);
            }
        }
    }

    /**
     * Runs a task on a new thread of its own. Not the common pool: its threads do not have the class loader of
     * the thread that started them, and making a Kafka client there failed in the Spring Boot jar (the client
     * loads classes named in its configuration through that loader). Sending with a client made elsewhere works
     * on any thread: the pool thread writes the packs, and {@code initTransactions} runs there.
     */
    private static java.util.concurrent.Executor thread(String name) {
        return task -> Thread.ofPlatform().name(name).daemon(true).start(task);
    }

    /** The transactional producer that writes the rebuilt state. */
    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> producerConfig = new HashMap<>(clientConfig);
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-rebuild");
        producerConfig.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        producerConfig.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        producerConfig.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
        // uncompressed: most of the bytes are event ids, random and so incompressible, and compressing them
        // (lz4-java's pure-Java compressor, on the writing threads) cost about a second of 8.5 in paired runs
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        // the commit waits for every record of the transaction: give it time rather than an ambiguous timeout
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIME_TO_WRITE.toMillis());
        return new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * What {@code future} gave; if it failed, an {@link IllegalStateException} that says what failed and why,
     * or the rebuild's own {@link Refused} as it is.
     */
    private static <T> T join(CompletableFuture<T> future, String what) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
                    : e.getCause();
            if (cause instanceof Refused refused) {
                throw refused;
            }
            throw new IllegalStateException(what + " failed: " + cause, cause);
        }
    }

    /** The rebuild stops on purpose, and says why (not a failure of Kafka or of this code). */
    private static final class Refused extends IllegalStateException {

        Refused(String message) {
            super(message);
        }
    }

    /** An instance started while this ran would count everything again on top of the rebuilt state: abort. */
    private void refuseIfEngineRuns() throws ExecutionException, InterruptedException {
        try {
            var group = admin.describeConsumerGroups(List.of(applicationId)).all().get().get(applicationId);
            if (group != null && !group.members().isEmpty()) {
                throw new Refused("a dashboard-app instance started while the rebuild ran ("
                        + group.members().size() + " member(s) in " + applicationId + "); nothing was written. "
                        + "Stop every instance and run the rebuild again");
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
                throw e;
            }
        }
    }

    /**
     * Every committed record of {@link Topics#EVENTS} up to its end when the read began ({@link #end}),
     * read by a thread of its own from the moment this is made: it polls, hands each poll's records on at
     * once and reads their JSON ({@link EventReader}) until the caller's thread, which counts them in poll
     * order ({@link #countInto}), comes to help: both take the records still unread in small chunks
     * ({@link #readJson}), so neither waits for the other while there is work. The order of counting, and
     * so the result, is that of one thread doing all.
     */
    private final class EventLog implements AutoCloseable {

        final Map<TopicPartition, Long> end;
        /** Records taken at a time by a thread reading JSON. */
        private static final int CHUNK = 64;
        final long total;
        /** Few: what is queued when the reading thread is done, the counting thread reads and counts alone. */
        private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(8);
        private final AtomicBoolean stop = new AtomicBoolean();
        private volatile Throwable readFailure;
        private final Thread reader;

        EventLog(KafkaConsumer<byte[], byte[]> consumer) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            end = Map.copyOf(consumer.endOffsets(partitions));
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            long records = 0;
            for (TopicPartition tp : partitions) {
                records += end.get(tp) - beginning.get(tp);
            }
            total = records;
            out.printf(Locale.ROOT, "Reading %,d records of %s (%d partitions)...%n", total, Topics.EVENTS,
                    partitions.size());
            // from here on only the reader thread uses the consumer, until close() has joined it
            reader = Thread.ofPlatform().name("rebuild-reader").start(() -> read(consumer, partitions));
        }

        private void read(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
            try {
                EventReader eventReader = new EventReader(json);
                Set<TopicPartition> open = new HashSet<>();
                for (TopicPartition tp : partitions) {
                    if (consumer.position(tp) < end.get(tp)) {
                        open.add(tp);
                    }
                }
                while (!open.isEmpty() && !stop.get()) {
                    ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(500));
                    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(polled.count());
                    for (TopicPartition tp : polled.partitions()) { // as the records' own iterator takes them
                        long endOffset = end.get(tp);
                        for (ConsumerRecord<byte[], byte[]> r : polled.records(tp)) {
                            // events that came after the end was taken are the engine's to count, from the committed offset
                            if (r.offset() < endOffset) {
                                records.add(r);
                            }
                        }
                    }
                    open.removeIf(tp -> consumer.position(tp) >= end.get(tp));
                    Batch batch = new Batch(records, new AtomicReferenceArray<>(records.size()), new AtomicInteger(), null);
                    if (!batches.offer(batch)) { // the counting thread is behind: read what it will need, then wait
                        readJson(batch, eventReader);
                        for (Batch queued : batches) {
                            readJson(queued, eventReader);
                        }
                        batches.put(batch);
                    }
                    readJson(batch, eventReader);
                }
                batches.put(Batch.END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) { // also an OutOfMemoryError: the counting thread must hear of it, not wait forever
                readFailure = e;
                batches.clear();
                batches.offer(new Batch(List.of(), new AtomicReferenceArray<>(0), new AtomicInteger(), e));
            }
        }

        /** Counts every record read, in poll order, until the end. */
        void countInto(Pass pass, long rebuildStart) throws InterruptedException {
            EventReader eventReader = new EventReader(json);
            long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            for (Batch batch = next(); batch != Batch.END; batch = next()) {
                if (batch.failure() != null) {
                    throw new IllegalStateException("reading " + Topics.EVENTS + " failed: " + batch.failure(),
                            batch.failure());
                }
                // the transaction began after the rebuild did: this errs on the safe side
                if (System.nanoTime() - rebuildStart > TRANSACTION_TIMEOUT.minus(TIME_TO_WRITE).toNanos()) {
                    throw new IllegalStateException("the event log is too long to rebuild in one transaction within "
                            + TRANSACTION_TIMEOUT.toMinutes() + " minutes (" + pass.records + " of " + total
                            + " records counted); rebuild with --in-engine instead");
                }
                readJson(batch, eventReader);
                for (int i = 0; i < batch.records().size(); i++) {
                    pass.accept(batch.records().get(i), result(batch, i));
                }
                if (System.nanoTime() > nextProgress) {
                    out.printf(Locale.ROOT, "  %,d of %,d records read%n", pass.records, total);
                    nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
                }
            }
        }

        /** Reads the JSON of the batch's records that no thread took yet, a chunk at a time. */
        private static void readJson(Batch batch, EventReader eventReader) {
            int n = batch.records().size();
            for (int from = batch.next().getAndAdd(CHUNK); from < n; from = batch.next().getAndAdd(CHUNK)) {
                for (int i = from; i < Math.min(n, from + CHUNK); i++) {
                    batch.results().lazySet(i, eventReader.read(batch.records().get(i).value()));
                }
            }
        }

        /** What {@link EventReader} made of record {@code i}, once the thread that took it is done with it. */
        private EventReader.Result result(Batch batch, int i) {
            EventReader.Result result = batch.results().get(i);
            while (result == null) { // the reading thread is at most a chunk away
                if (readFailure != null || !reader.isAlive()) {
                    throw new IllegalStateException("reading " + Topics.EVENTS + " failed: " + readFailure, readFailure);
                }
                Thread.onSpinWait();
                result = batch.results().get(i);
            }
            return result;
        }

        /** The next batch; fails if the reading thread is gone without saying why (it always says why). */
        private Batch next() throws InterruptedException {
            while (true) {
                Batch batch = batches.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (batch != null) {
                    return batch;
                }
                if (!reader.isAlive() && batches.isEmpty()) {
                    throw new IllegalStateException("the thread reading " + Topics.EVENTS + " stopped");
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            reader.interrupt();
            reader.join();
        }
    }

    /**
     * Records as polled, with what {@link EventReader} made of each once a thread read it (the next one to
     * take is {@code next}); or why reading failed.
     */
    private record Batch(List<ConsumerRecord<byte[], byte[]>> records,
                         AtomicReferenceArray<EventReader.Result> results, AtomicInteger next, Throwable failure) {

        static final Batch END = new Batch(List.of(), new AtomicReferenceArray<>(0), new AtomicInteger(), null);
    }

    /** One read of the event log: checks each record as the topology does and counts the valid ones. */
    private final class Pass {

        final State state;
        private final Writer writer;
        long records;
        long deadLetters;

        Pass(Writer writer, State state) {
            this.writer = writer;
            this.state = state;
        }

        void accept(ConsumerRecord<byte[], byte[]> r, EventReader.Result result) {
            records++;
            if (!result.valid()) {
                deadLetters++;
                RecordHeaders headers = new RecordHeaders(r.headers().toArray());
                DeadLetters.describe(headers, result, r.topic(), r.partition(), r.offset());
                writer.send(new ProducerRecord<>(Topics.EVENTS_DEAD_LETTERS, null, r.timestamp(), r.key(), r.value(),
                        headers));
                return;
            }
            state.add(result.event(), r.timestamp());
        }
    }

    /** Writes what the rebuild found, each store entry to the partition of the task that owns its key. */
    private final class Writer {

        private final KafkaProducer<byte[], byte[]> producer;
        private final int partitions;
        private final Serializer<String> strings = Serdes.String().serializer();
        private final String seenTopic = changelog(applicationId, IndicatorTopology.SEEN_EVENT_IDS);
        private final CompletableFuture<Void> transactionBegun;
        /** What was sent before the transaction began (dead letters found while it was set up); counting thread only. */
        private final List<ProducerRecord<byte[], byte[]>> early = new ArrayList<>();
        private boolean begun;
        private volatile Exception failure;

        Writer(KafkaProducer<byte[], byte[]> producer, int partitions, CompletableFuture<Void> transactionBegun) {
            this.producer = producer;
            this.partitions = partitions;
            this.transactionBegun = transactionBegun;
        }

        /** Waits for the transaction to begin and writes what came before. */
        private void begin() {
            join(transactionBegun, "setting up the transaction");
            begun = true;
            early.forEach(this::send);
            early.clear();
        }

        void state(State state) {
            begin();
            // a thread of its own writes what was final when the reading ended, the counters, and makes Jackson's
            // serializers of the indicators: done cold after the histories, both were a tail of about 0.3 s
            // with one core idle
            CompletableFuture<CountersWritten> countersWritten = CompletableFuture.supplyAsync(() -> writeCounters(state),
                    thread("rebuild-counters"));
            // and two threads take the rest, one per core: a pool thread makes and writes the packs of the event
            // ids (the most bytes) while this one writes participant histories and sums the chain counters from
            // them; then the pool thread takes histories too, in chunks, with chain counters of its own
            String histories = changelog(applicationId, ChainTopology.PARTICIPANT_HISTORY);
            State.Histories work = state.histories();
            BiConsumer<String, Stamped<ParticipantHistory>> writeHistory = (participant, h) ->
                    store(histories, strings.serialize(histories, participant), h.timestamp,
                            InternalFormats.PARTICIPANT_HISTORY.encode(h.value));
            CompletableFuture<State.Chains> poolThread = CompletableFuture.supplyAsync(() -> {
                // the partition is the task's: SeenEventIds.packs was told how to find it
                SeenEventIds.packs(state.seen.pairs(), state.seen.count(), partitions,
                        id -> BuiltInPartitioner.partitionForKey(id, partitions), e -> send(new ProducerRecord<>(
                                seenTopic, e.partition(), state.newestCounted, e.key().get(), e.value())));
                return work.take(writeHistory);
            });
            State.Chains chainSums = work.take(writeHistory);
            chainSums.addAll(join(poolThread, "writing the event ids"));
            Map<String, Stamped<MonthlyChain>> chains = chainSums.build();
            String chainTopic = changelog(applicationId, ChainTopology.DISTRICT_MONTH_CHAIN);
            // the chain counters' store on the pool thread, the indicators here: each some 0.1 s of code run cold
            CompletableFuture<Void> chainsWritten = CompletableFuture.runAsync(() -> chains.forEach((key, c) ->
                    store(chainTopic, strings.serialize(chainTopic, key), c.timestamp,
                            InternalFormats.MONTHLY_CHAIN.serializer().serialize(chainTopic, c.value))),
                    thread("rebuild-chains"));
            CountersWritten counters = join(countersWritten, "writing the counters");
            state.indicators(counters.counts(), chains).forEach((key, c) -> send(new ProducerRecord<>(Topics.INDICATORS,
                    null, c.timestamp, strings.serialize(Topics.INDICATORS, key),
                    counters.indicatorJson().serialize(Topics.INDICATORS, c.value))));
            join(chainsWritten, "writing the chain counters");
        }

        /** The counters as their store holds them, written; and the serializer of the indicators, used once. */
        private CountersWritten writeCounters(State state) {
            Map<String, Stamped<MonthlyCounters>> counts = state.counters();
            String topic = changelog(applicationId, IndicatorTopology.DISTRICT_MONTH_COUNTERS);
            counts.forEach((key, c) -> store(topic, strings.serialize(topic, key), c.timestamp,
                    InternalFormats.MONTHLY_COUNTERS.serializer().serialize(topic, c.value)));
            Serializer<MonthlyCounters> indicatorJson = new JsonSerde<>(json, MonthlyCounters.class).serializer();
            // Jackson makes (and keeps) a serializer per type the first time it meets the type: meet them all here
            indicatorJson.serialize(Topics.INDICATORS, counts.values().stream().findFirst()
                    .map(Stamped::value).orElse(MonthlyCounters.empty())
                    .withChain(new MonthlyChain(Map.of(CourseType.INTEGRATION_COURSE,
                            new ChainCounters(Map.of(1, 1L), Map.of(1, 1L), Map.of(1, 1L), Map.of(1, 1L))))));
            return new CountersWritten(counts, indicatorJson);
        }

        /** The same partition Kafka Streams' default partitioner picks for this key on the store's repartition topic. */
        private void store(String topic, byte[] key, long timestamp, byte[] value) {
            send(new ProducerRecord<>(topic, BuiltInPartitioner.partitionForKey(key, partitions), timestamp, key, value));
        }

        void send(ProducerRecord<byte[], byte[]> record) {
            if (!begun) { // only the counting thread sends before state()
                if (!transactionBegun.isDone()) {
                    early.add(record);
                    return;
                }
                begin();
            }
            producer.send(record, (metadata, e) -> {
                if (e != null) {
                    failure = e;
                }
            });
            if (failure != null) {
                throw new IllegalStateException("writing the rebuilt state failed: " + failure, failure);
            }
        }
    }

    /** The counters per {@code AGS|YYYY-MM}, written, and the serializer of the indicators. */
    private record CountersWritten(Map<String, Stamped<MonthlyCounters>> counts, Serializer<MonthlyCounters> indicatorJson) {
    }

    /** A value with the newest record timestamp that went into it, as a timestamped store keeps it. */
    record Stamped<V>(V value, long timestamp) {

        Stamped<V> with(V newValue, long otherTimestamp) {
            return new Stamped<>(newValue, Math.max(timestamp, otherTimestamp));
        }
    }

    /**
     * The engine's state after a set of records, computed in memory: the same dedupe (first content
     * stands), the same participant histories ({@link ParticipantHistory#with}), and the counters and
     * chain counters summed in mutable form (the topology's immutable values, copied per event, took
     * most of a first version's time) and built into the topology's values once at the end.
     * {@code IndicatorRebuildTest} checks, store by store, that the result equals the topology's.
     */
    static final class State {

        private static final CourseType[] COURSE_TYPES = CourseType.values();

        final EventIdSet seen;
        /** By district and month, as {@link #monthKey}. */
        private final ByMonth<CountsBuilder> counts = new ByMonth<>();
        /**
         * The histories, found by participant: open addressing over the histories themselves, each with its
         * participant and the participant's hash (a HashMap's node in between was one more object to reach
         * per event, and one more per participant to make).
         */
        private HistoryBuilder[] histories = new HistoryBuilder[1 << 16];
        private int participantCount;
        long counted;
        long resends;
        /** The newest record timestamp of a counted event. */
        long newestCounted;

        State() {
            this(0);
        }

        /** @param records how many records will be read: room for as many ids from the start */
        State(long records) {
            seen = new EventIdSet(records);
        }

        /** Counts a valid event unless its eventId was counted before; says whether it counted. */
        boolean add(IntegrationEvent event, long timestamp) {
            if (!seen.add(event.eventId())) {
                resends++;
                return false;
            }
            counted++;
            newestCounted = Math.max(newestCounted, timestamp);
            counts.computeIfAbsent(monthKey(event.district(), event.occurredOn()), CountsBuilder::new)
                    .add(event, timestamp);
            if (event.participant() != null) {
                // like the topology, a history only changes (and takes the record's time) when the event changes it
                HistoryBuilder history = history(event.participant(), HistoryBuilder.changes(event));
                if (history != null) {
                    history.add(event, timestamp);
                }
            }
            return true;
        }

        /**
         * Values by district and month ({@link #monthKey}): a few hundred keys, one of them looked up per event,
         * without a {@code Long} made for each (the boxes were 60 MB of a rebuild's allocation).
         */
        static final class ByMonth<V> {

            private long[] keys = new long[256];
            private Object[] values = new Object[256];
            private int size;

            @SuppressWarnings("unchecked")
            V get(long key) {
                int mask = keys.length - 1;
                for (int i = slot(key) & mask; values[i] != null; i = (i + 1) & mask) {
                    if (keys[i] == key) {
                        return (V) values[i];
                    }
                }
                return null;
            }

            V computeIfAbsent(long key, java.util.function.Supplier<V> make) {
                V value = get(key);
                if (value == null) {
                    value = make.get();
                    put(key, value);
                }
                return value;
            }

            /** Adds a key that is not there yet. */
            void put(long key, V value) {
                if (2 * (size + 1) > keys.length) { // at most half of the slots in use
                    long[] oldKeys = keys;
                    Object[] oldValues = values;
                    keys = new long[2 * oldKeys.length];
                    values = new Object[2 * oldKeys.length];
                    size = 0;
                    for (int i = 0; i < oldKeys.length; i++) {
                        if (oldValues[i] != null) {
                            put(oldKeys[i], cast(oldValues[i]));
                        }
                    }
                }
                int mask = keys.length - 1;
                int i = slot(key) & mask;
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                values[i] = value;
                size++;
            }

            int size() {
                return size;
            }

            void forEach(java.util.function.BiConsumer<Long, V> action) {
                for (int i = 0; i < keys.length; i++) {
                    if (values[i] != null) {
                        action.accept(keys[i], cast(values[i]));
                    }
                }
            }

            @SuppressWarnings("unchecked")
            private V cast(Object value) {
                return (V) value;
            }

            private static int slot(long key) {
                long x = key * 0x9E3779B97F4A7C15L;
                return (int) (x ^ x >>> 32);
            }
        }

        /** District and month in one number, for any date a record may carry (17 districts: 5 bits). */
        private static long monthKey(District district, LocalDate day) {
            return ((long) day.getYear() * 12 + day.getMonthValue() - 1) * 32 + district.ordinal();
        }

        private static String key(long monthKey) {
            long months = Math.floorDiv(monthKey, 32);
            return IndicatorTopology.key(District.values()[(int) Math.floorMod(monthKey, 32)],
                    YearMonth.of((int) Math.floorDiv(months, 12), (int) Math.floorMod(months, 12) + 1));
        }

        /** Whether an event with this id was counted. */
        boolean counted(UUID eventId) {
            return seen.contains(eventId);
        }

        /** The counters per {@code AGS|YYYY-MM}, as the store {@value IndicatorTopology#DISTRICT_MONTH_COUNTERS} holds them. */
        Map<String, Stamped<MonthlyCounters>> counters() {
            Map<String, Stamped<MonthlyCounters>> counters = new HashMap<>();
            counts.forEach((k, c) -> counters.put(key(k), new Stamped<>(c.build(), c.timestamp)));
            return counters;
        }

        /**
         * Each participant's history, as the store {@value ChainTopology#PARTICIPANT_HISTORY} holds it, built
         * when its turn comes (all of them at once were much for the garbage collector to copy).
         */
        void forEachHistory(BiConsumer<String, Stamped<ParticipantHistory>> action) {
            for (HistoryBuilder h : histories) {
                if (h != null) {
                    action.accept(h.participant, new Stamped<>(h.build(), h.timestamp));
                }
            }
        }

        /** The participant's history; a new one if there is none and {@code make}, else {@code null}. */
        private HistoryBuilder history(String participant, boolean make) {
            int hash = participant.hashCode();
            int mask = histories.length - 1;
            int i = slot(hash) & mask;
            for (HistoryBuilder h = histories[i]; h != null; h = histories[i]) {
                if (h.hash == hash && h.participant.equals(participant)) {
                    return h;
                }
                i = (i + 1) & mask;
            }
            if (!make) {
                return null;
            }
            HistoryBuilder made = new HistoryBuilder(participant, hash);
            if (2 * (participantCount + 1) > histories.length) { // at most half of the slots in use
                HistoryBuilder[] old = histories;
                histories = new HistoryBuilder[2 * old.length];
                for (HistoryBuilder h : old) {
                    if (h != null) {
                        insert(h);
                    }
                }
            }
            insert(made);
            participantCount++;
            return made;
        }

        private void insert(HistoryBuilder h) {
            int mask = histories.length - 1;
            int i = slot(h.hash) & mask;
            while (histories[i] != null) {
                i = (i + 1) & mask;
            }
            histories[i] = h;
        }

        /** Spreads a string's hash over all bits: the table takes the low ones. */
        private static int slot(int hash) {
            int x = hash * 0x9E3779B9;
            return x ^ x >>> 16;
        }

        /** The participant histories by participant. */
        Map<String, Stamped<ParticipantHistory>> participants() {
            Map<String, Stamped<ParticipantHistory>> byParticipant = new HashMap<>();
            forEachHistory(byParticipant::put);
            return byParticipant;
        }

        /** The histories to write, for threads that take them in chunks ({@link Histories#take}). */
        Histories histories() {
            List<HistoryBuilder> all = new ArrayList<>(participantCount);
            for (HistoryBuilder h : histories) {
                if (h != null) {
                    all.add(h);
                }
            }
            return new Histories(all);
        }

        /** Participant histories shared out in chunks between the threads that write them. */
        static final class Histories {

            private static final int CHUNK = 256;
            private final List<HistoryBuilder> all;
            private final AtomicInteger next = new AtomicInteger();

            private Histories(List<HistoryBuilder> all) {
                this.all = all;
            }

            /**
             * Takes chunks of histories no thread took yet until none is left, gives each to {@code action}
             * as the store holds it, and returns the chain counters of the ones this thread took.
             */
            Chains take(BiConsumer<String, Stamped<ParticipantHistory>> action) {
                Chains chains = new Chains();
                for (int from = next.getAndAdd(CHUNK); from < all.size(); from = next.getAndAdd(CHUNK)) {
                    for (HistoryBuilder builder : all.subList(from, Math.min(all.size(), from + CHUNK))) {
                        Stamped<ParticipantHistory> h = new Stamped<>(builder.build(), builder.timestamp);
                        action.accept(builder.participant, h);
                        chains.add(h);
                    }
                }
                return chains;
            }
        }

        int participantCount() {
            return participantCount;
        }

        /** The chain counters per {@code AGS|YYYY-MM}: every completion's contribution in its district and month. */
        Map<String, Stamped<MonthlyChain>> chains() {
            Chains chains = new Chains();
            forEachHistory((participant, h) -> chains.add(h));
            return chains.build();
        }

        /** Chain counters summed from participant histories, one after the other. */
        static final class Chains {

            private final ByMonth<ChainBuilder> builders = new ByMonth<>();

            void add(Stamped<ParticipantHistory> h) {
                List<ChainContribution> contributions = h.value.contributions();
                for (int i = 0; i < contributions.size(); i++) {
                    ParticipantHistory.Completion c = h.value.completions().get(i);
                    builders.computeIfAbsent(monthKey(c.district(), c.date()), ChainBuilder::new)
                            .add(contributions.get(i), h.timestamp);
                }
            }

            /** Adds what another thread summed. */
            void addAll(Chains other) {
                other.builders.forEach((k, c) -> {
                    ChainBuilder mine = builders.get(k);
                    if (mine == null) {
                        builders.put(k, c);
                    } else {
                        mine.plus(c);
                    }
                });
            }

            /** Per {@code AGS|YYYY-MM}. */
            Map<String, Stamped<MonthlyChain>> build() {
                Map<String, Stamped<MonthlyChain>> built = new HashMap<>();
                builders.forEach((k, c) -> built.put(key(k), new Stamped<>(c.build(), c.timestamp)));
                return built;
            }
        }

        /** What the topology's outer join of counters and chain writes to {@link Topics#INDICATORS}. */
        Map<String, Stamped<MonthlyCounters>> indicators(Map<String, Stamped<MonthlyCounters>> counters,
                                                         Map<String, Stamped<MonthlyChain>> chains) {
            Map<String, Stamped<MonthlyCounters>> all = new HashMap<>();
            Set<String> keys = new HashSet<>(counters.keySet());
            keys.addAll(chains.keySet());
            for (String key : keys) {
                Stamped<MonthlyCounters> c = counters.get(key);
                Stamped<MonthlyChain> chain = chains.get(key);
                MonthlyCounters value = (c == null ? MonthlyCounters.empty() : c.value)
                        .withChain(chain == null ? MonthlyChain.empty() : chain.value);
                all.put(key, new Stamped<>(value, Math.max(c == null ? Long.MIN_VALUE : c.timestamp,
                        chain == null ? Long.MIN_VALUE : chain.timestamp)));
            }
            return all;
        }

        /**
         * One participant's history, kept as {@link ParticipantHistory#with} keeps it, but changed in place and
         * flat: one object and up to three arrays of numbers per participant. With lists of date and completion
         * objects, following the pointers of 200,000 histories scattered over the heap was over half of the
         * counting thread's time, and the objects were much of what each young collection copied.
         */
        private static final class HistoryBuilder {

            private static final District[] DISTRICTS = District.values();
            private static final Outcome[] OUTCOMES = Outcome.values();

            final String participant;
            /** The participant's {@link String#hashCode}. */
            final int hash;

            /** Completions in the order they came, each as {@link #completion} packs it. */
            private long[] completions;
            private int completionCount;
            /** Distinct days, sorted, as epoch days. */
            private long[] placements;
            private int placementCount;
            private long[] enrolments;
            private int enrolmentCount;
            private long timestamp;

            HistoryBuilder(String participant, int hash) {
                this.participant = participant;
                this.hash = hash;
            }

            /** Whether the event adds anything to a history: a dropout does not. */
            static boolean changes(IntegrationEvent e) {
                return e.type() != EventType.COURSE_COMPLETION || e.outcome() != Outcome.DROPPED_OUT;
            }

            void add(IntegrationEvent e, long recordTimestamp) {
                long day = e.occurredOn().toEpochDay();
                boolean changed = switch (e.type()) {
                    case COURSE_COMPLETION -> changes(e) && addCompletion(completion(e, day));
                    case JOB_PLACEMENT -> addDay(true, day);
                    case COURSE_ENROLMENT -> addDay(false, day);
                };
                if (changed) {
                    timestamp = recordTimestamp;
                }
            }

            static {
                if (DISTRICTS.length > 1 << 8 || COURSE_TYPES.length > 1 << 4 || OUTCOMES.length > 1 << 4) {
                    throw new ExceptionInInitializerError("a completion no longer fits in one long: see completion()");
                }
            }

            /**
             * Epoch day (any date's fits in 40 bits, signed) in the upper 48 bits; then the district's ordinal
             * (8 bits), the course type's and the outcome's (4 bits each).
             */
            static long completion(IntegrationEvent e, long day) {
                return day << 16 | (long) e.district().ordinal() << 8 | e.courseType().ordinal() << 4
                        | e.outcome().ordinal();
            }

            static ParticipantHistory.Completion completion(long packed) {
                return new ParticipantHistory.Completion(DISTRICTS[(int) (packed >> 8 & 0xFF)],
                        LocalDate.ofEpochDay(packed >> 16), COURSE_TYPES[(int) (packed >> 4 & 0xF)],
                        OUTCOMES[(int) (packed & 0xF)]);
            }

            private boolean addCompletion(long packed) {
                if (completions == null) {
                    completions = new long[2];
                } else if (completionCount == completions.length) {
                    completions = java.util.Arrays.copyOf(completions, 2 * completionCount);
                }
                completions[completionCount++] = packed;
                return true;
            }

            /** Adds the day to the placements' days or the enrolments'; says whether it was new. */
            private boolean addDay(boolean placement, long day) {
                long[] days = placement ? placements : enrolments;
                int size = placement ? placementCount : enrolmentCount;
                if (days == null) {
                    days = new long[2];
                }
                int i = java.util.Arrays.binarySearch(days, 0, size, day);
                if (i >= 0) {
                    return false;
                }
                days = insert(days, size, -i - 1, day);
                if (placement) {
                    placements = days;
                    placementCount++;
                } else {
                    enrolments = days;
                    enrolmentCount++;
                }
                return true;
            }

            /** The days with {@code day} at {@code i}: the same array if it had room. */
            private static long[] insert(long[] days, int size, int i, long day) {
                long[] into = size == days.length ? java.util.Arrays.copyOf(days, 2 * size) : days;
                System.arraycopy(into, i, into, i + 1, size - i);
                into[i] = day;
                return into;
            }

            ParticipantHistory build() {
                List<ParticipantHistory.Completion> c = new ArrayList<>(completionCount);
                for (int i = 0; i < completionCount; i++) {
                    c.add(completion(completions[i]));
                }
                return new ParticipantHistory(c, dates(placements, placementCount), dates(enrolments, enrolmentCount));
            }

            private static List<LocalDate> dates(long[] days, int size) {
                List<LocalDate> dates = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    dates.add(LocalDate.ofEpochDay(days[i]));
                }
                return dates;
            }
        }

        /**
         * The eventIds counted so far, as an open-addressing table of their two longs: a
         * {@code HashSet<UUID>} of millions of ids was much of the rebuild's allocation and GC.
         */
        static final class EventIdSet {

            private long[] slots;
            private int size;
            private boolean nil;

            /**
             * Room for {@code expected} ids from the start (up to 8 million, 256 MB; beyond, it grows): growing
             * to millions re-inserted every id about twice more, each a random memory access.
             */
            EventIdSet(long expected) {
                long pairs = 1024;
                while (pairs < 2 * expected && pairs < 1 << 24) { // at most half of the slots in use, as add keeps it
                    pairs *= 2;
                }
                slots = new long[(int) (2 * pairs)];
            }

            /** Adds the id; false if it was there. */
            boolean add(UUID id) {
                long high = id.getMostSignificantBits();
                long low = id.getLeastSignificantBits();
                if (high == 0 && low == 0) { // the nil UUID: (0, 0) marks an empty slot
                    boolean added = !nil;
                    nil = true;
                    return added;
                }
                if ((size + 1) * 4L > slots.length) { // at most half of the slots in use
                    grow();
                }
                int mask = slots.length / 2 - 1;
                for (int i = slot(high, low) & mask; ; i = (i + 1) & mask) {
                    if (slots[2 * i] == 0 && slots[2 * i + 1] == 0) {
                        slots[2 * i] = high;
                        slots[2 * i + 1] = low;
                        size++;
                        return true;
                    }
                    if (slots[2 * i] == high && slots[2 * i + 1] == low) {
                        return false;
                    }
                }
            }

            /** How many ids it holds. */
            int count() {
                return size + (nil ? 1 : 0);
            }

            /** Every id, most and least significant half in turn. */
            long[] pairs() {
                long[] pairs = new long[2 * count()];
                int n = 0;
                for (int i = 0; i < slots.length; i += 2) {
                    if (slots[i] != 0 || slots[i + 1] != 0) {
                        pairs[n++] = slots[i];
                        pairs[n++] = slots[i + 1];
                    }
                }
                return pairs; // with the nil UUID, if added, as the pair left at (0, 0)
            }

            boolean contains(UUID id) {
                long high = id.getMostSignificantBits();
                long low = id.getLeastSignificantBits();
                if (high == 0 && low == 0) {
                    return nil;
                }
                int mask = slots.length / 2 - 1;
                for (int i = slot(high, low) & mask; ; i = (i + 1) & mask) {
                    if (slots[2 * i] == 0 && slots[2 * i + 1] == 0) {
                        return false;
                    }
                    if (slots[2 * i] == high && slots[2 * i + 1] == low) {
                        return true;
                    }
                }
            }

            private void grow() {
                long[] old = slots;
                slots = new long[old.length * 2];
                size = 0;
                for (int i = 0; i < old.length; i += 2) {
                    if (old[i] != 0 || old[i + 1] != 0) {
                        add(new UUID(old[i], old[i + 1]));
                    }
                }
            }

            /** Mixes both halves: ids a provider numbers in sequence must not pile up in neighbouring slots. */
            private static int slot(long high, long low) {
                long x = high * 0x9E3779B97F4A7C15L + low;
                x ^= x >>> 32;
                x *= 0xD6E8FEB86659FD93L;
                return (int) (x ^ x >>> 32);
            }
        }

        /** One district and month's counts, summed as {@link MonthlyCounters#add} sums them. */
        private static final class CountsBuilder {

            /** Per course type: enrolments, passed, failed, dropouts, passed B1 or higher; {@code null} until one counts. */
            private final long[][] courses = new long[COURSE_TYPES.length][];
            private final long[] placements = new long[PlacementType.values().length];
            private Instant lastReceivedAt;
            private long timestamp = Long.MIN_VALUE;

            void add(IntegrationEvent e, long recordTimestamp) {
                timestamp = Math.max(timestamp, recordTimestamp);
                switch (e.type()) {
                    case COURSE_ENROLMENT -> course(e.courseType())[0]++;
                    case COURSE_COMPLETION -> {
                        CourseCounters c = MonthlyCounters.completion(e);
                        long[] sums = course(e.courseType());
                        sums[1] += c.passed();
                        sums[2] += c.failed();
                        sums[3] += c.dropouts();
                        sums[4] += c.passedB1OrHigher();
                    }
                    case JOB_PLACEMENT -> placements[e.placementType().ordinal()]++;
                }
                Instant received = e.receivedAt();
                if (received != null && (lastReceivedAt == null || received.isAfter(lastReceivedAt))) {
                    lastReceivedAt = received;
                }
            }

            private long[] course(CourseType type) {
                long[] sums = courses[type.ordinal()];
                if (sums == null) {
                    sums = courses[type.ordinal()] = new long[5];
                }
                return sums;
            }

            MonthlyCounters build() {
                Map<CourseType, CourseCounters> c = new EnumMap<>(CourseType.class);
                for (CourseType type : COURSE_TYPES) {
                    long[] s = courses[type.ordinal()];
                    if (s != null) {
                        c.put(type, new CourseCounters(s[0], s[1], s[2], s[3], s[4]));
                    }
                }
                Map<PlacementType, Long> p = new EnumMap<>(PlacementType.class);
                for (PlacementType type : PlacementType.values()) {
                    if (placements[type.ordinal()] > 0) {
                        p.put(type, placements[type.ordinal()]);
                    }
                }
                return new MonthlyCounters(c, p, Map.of(), lastReceivedAt);
            }
        }

        /** One district and month's chain counters, summed as {@link ChainCounters#plus} adds a contribution. */
        private static final class ChainBuilder {

            /** Per course type: passed by day, placed within 6 months by day, days to placement, waiting days. */
            private final Map<CourseType, long[][]> courses = new EnumMap<>(CourseType.class);
            private long timestamp = Long.MIN_VALUE;

            void add(ChainContribution c, long recordTimestamp) {
                timestamp = Math.max(timestamp, recordTimestamp);
                // days of the month, and days ahead up to the horizon: a day outside fails here, not silently
                long[][] h = courses.computeIfAbsent(c.courseType(), t -> new long[][] {new long[32], new long[32],
                        new long[ChainContribution.HORIZON_DAYS + 1], new long[ChainContribution.HORIZON_DAYS + 1]});
                if (c.passed()) {
                    h[0][c.dayOfMonth()]++;
                }
                if (c.placedWithin6Months()) {
                    h[1][c.dayOfMonth()]++;
                }
                if (c.daysToPlacement() != null) {
                    h[2][c.daysToPlacement()]++;
                }
                if (c.waitingDays() != null) {
                    h[3][c.waitingDays()]++;
                }
            }

            /** This and {@code other} summed (into this). */
            ChainBuilder plus(ChainBuilder other) {
                timestamp = Math.max(timestamp, other.timestamp);
                other.courses.forEach((type, h) -> {
                    long[][] sums = courses.get(type);
                    if (sums == null) {
                        courses.put(type, h);
                        return;
                    }
                    for (int k = 0; k < sums.length; k++) {
                        for (int day = 0; day < sums[k].length; day++) {
                            sums[k][day] += h[k][day];
                        }
                    }
                });
                return this;
            }

            /** The days with a count, as {@link ChainCounters} keeps a histogram. */
            private static Map<Integer, Long> histogram(long[] counts) {
                Map<Integer, Long> histogram = new HashMap<>();
                for (int day = 0; day < counts.length; day++) {
                    if (counts[day] != 0) {
                        histogram.put(day, counts[day]);
                    }
                }
                return histogram;
            }

            MonthlyChain build() {
                Map<CourseType, ChainCounters> built = new EnumMap<>(CourseType.class);
                courses.forEach((type, h) -> {
                    ChainCounters c = new ChainCounters(histogram(h[0]), histogram(h[1]), histogram(h[2]),
                            histogram(h[3]));
                    if (!c.isEmpty()) {
                        built.put(type, c);
                    }
                });
                return new MonthlyChain(built);
            }
        }
    }
}
