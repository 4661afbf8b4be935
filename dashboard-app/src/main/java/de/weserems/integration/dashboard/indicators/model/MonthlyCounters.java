package de.weserems.integration.dashboard.indicators.model;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * All counters of one district and month, as the indicator topic carries them. Kept by course type and
 * placement type so that any filter and any period can be summed exactly.
 *
 * <p>The engine also uses this type for a change to be added ({@link #plus}): what one event, or a batch
 * of events, adds to a district and month; a chain cell of a change may be negative.
 *
 * @param chain          the chain counters of the completions of this district and month, by course type
 *                       (empty in a record written before the chain indicators existed)
 * @param lastReceivedAt when ingest received the newest event counted here; the read model measures
 *                       freshness (receipt to visible figure) with it. {@code null} in older records
 * @param keySums        the same counters with every count replaced by the sum of its records' keys
 *                       (the cell key method, docs/design.md): an event adds its record key times what
 *                       it adds to the counts, so key sums add up over months, districts and course
 *                       types as the counts do. {@code null} in key sums themselves and in records
 *                       written before engine generation v5
 * @param tallies        the breakdowns of contract v2 ({@link Tally}: course type, breakdown, bucket);
 *                       empty in records written before they were counted
 */
public record MonthlyCounters(Map<CourseType, CourseCounters> courses, Map<PlacementType, Long> placements,
                              Map<CourseType, ChainCounters> chain, Instant lastReceivedAt, MonthlyCounters keySums,
                              Map<Tally, Long> tallies) {

    public static MonthlyCounters empty() {
        return new MonthlyCounters(Map.of(), Map.of(), Map.of(), null, null);
    }

    /** Counters without breakdowns. */
    public MonthlyCounters(Map<CourseType, CourseCounters> courses, Map<PlacementType, Long> placements,
                           Map<CourseType, ChainCounters> chain, Instant lastReceivedAt, MonthlyCounters keySums) {
        this(courses, placements, chain, lastReceivedAt, keySums, Map.of());
    }

    /** Counters without key sums. */
    public MonthlyCounters(Map<CourseType, CourseCounters> courses, Map<PlacementType, Long> placements,
                           Map<CourseType, ChainCounters> chain, Instant lastReceivedAt) {
        this(courses, placements, chain, lastReceivedAt, null);
    }

    public MonthlyCounters {
        courses = courses == null ? Map.of() : Map.copyOf(courses);
        placements = placements == null ? Map.of() : Map.copyOf(placements);
        chain = chain == null ? Map.of() : Map.copyOf(chain);
        tallies = tallies == null ? Map.of() : Map.copyOf(tallies);
    }

    /** What one (deduplicated) event adds to the counts of its district and month. */
    public static MonthlyCounters of(IntegrationEvent event) {
        return switch (event.type()) {
            case COURSE_ENROLMENT -> new MonthlyCounters(Map.of(event.courseType(), new CourseCounters(1, 0, 0, 0, 0)),
                    Map.of(), Map.of(), event.receivedAt(), null, Tally.of(event));
            case COURSE_COMPLETION -> new MonthlyCounters(Map.of(event.courseType(), completion(event)), Map.of(),
                    Map.of(), event.receivedAt(), null, Tally.of(event));
            case JOB_PLACEMENT -> new MonthlyCounters(Map.of(), Map.of(event.placementType(), 1L), Map.of(),
                    event.receivedAt(), null, Tally.of(event));
            // counts nothing itself: the engine takes back what the retracted event added (RetractionDecider)
            case RETRACTION -> empty();
            // no count of their own, only the chain's figures (access and waiting); but their district and month
            // were reported, as for any event
            case ENTITLEMENT, COURSE_START -> new MonthlyCounters(Map.of(), Map.of(), Map.of(), event.receivedAt());
        };
    }

    /** Whether an event of {@code type} with a participant goes to its participant's chain history: all but retractions. */
    public static boolean followedInChain(EventType type) {
        return type != EventType.RETRACTION;
    }

    /** What one (deduplicated) event adds, with {@code recordKey} (32 bits) added to the key sums of its counts. */
    public static MonthlyCounters of(IntegrationEvent event, long recordKey) {
        return of(event).withKeySums(recordKey);
    }

    /** A change of the chain counters of one course type only. */
    public static MonthlyCounters ofChain(CourseType courseType, ChainCounters change) {
        return new MonthlyCounters(Map.of(), Map.of(), Map.of(courseType, change), null);
    }

    /** A change of the chain counters of one completion, whose record key is {@code recordKey}. */
    public static MonthlyCounters ofChain(CourseType courseType, ChainCounters change, long recordKey) {
        return ofChain(courseType, change).withKeySums(recordKey);
    }

    /** These counters as what one record adds: with every count times {@code recordKey} as the key sums. */
    private MonthlyCounters withKeySums(long recordKey) {
        MonthlyCounters sums = new MonthlyCounters(times(courses, c -> c.times(recordKey), CourseType.class),
                times(placements, n -> n * recordKey, PlacementType.class),
                times(chain, c -> c.times(recordKey), CourseType.class), null, null, times(tallies, recordKey));
        return new MonthlyCounters(courses, placements, chain, lastReceivedAt, sums, tallies);
    }

    private static Map<Tally, Long> times(Map<Tally, Long> tallies, long k) {
        Map<Tally, Long> product = new HashMap<>();
        tallies.forEach((cell, n) -> product.put(cell, n * k));
        return product;
    }

    private static <K extends Enum<K>, V> Map<K, V> times(Map<K, V> counts, UnaryOperator<V> times, Class<K> type) {
        if (counts.isEmpty()) {
            return counts;
        }
        Map<K, V> product = new EnumMap<>(type);
        counts.forEach((key, value) -> product.put(key, times.apply(value)));
        return product;
    }

    /**
     * What takes these counters back out: every count, breakdown and key sum negated (the receipt time stays). A
     * retraction passes on the negative of what its event added, so the event's record key leaves the key
     * sums exactly as it entered.
     */
    public MonthlyCounters negated() {
        return new MonthlyCounters(times(courses, c -> c.times(-1), CourseType.class),
                times(placements, n -> -n, PlacementType.class), times(chain, c -> c.times(-1), CourseType.class),
                lastReceivedAt, keySums == null ? null : keySums.negated(), times(tallies, -1));
    }

    /** These counters with one more (deduplicated) event counted. */
    public MonthlyCounters add(IntegrationEvent event) {
        return plus(of(event));
    }

    /** These counters and {@code change} added up; the newer receipt time stays. */
    public MonthlyCounters plus(MonthlyCounters change) {
        Instant newest = lastReceivedAt == null || (change.lastReceivedAt != null
                && change.lastReceivedAt.isAfter(lastReceivedAt)) ? change.lastReceivedAt : lastReceivedAt;
        MonthlyCounters sums = keySums == null ? change.keySums
                : change.keySums == null ? keySums : keySums.plus(change.keySums);
        return new MonthlyCounters(sum(courses, change.courses, CourseCounters::plus, CourseType.class),
                sum(placements, change.placements, Long::sum, PlacementType.class),
                sum(chain, change.chain, ChainCounters::plus, CourseType.class), newest, sums,
                sum(tallies, change.tallies));
    }

    private static Map<Tally, Long> sum(Map<Tally, Long> a, Map<Tally, Long> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Map<Tally, Long> sum = new HashMap<>(a);
        b.forEach((cell, n) -> sum.merge(cell, n, Long::sum));
        return sum;
    }

    private static <K extends Enum<K>, V> Map<K, V> sum(Map<K, V> a, Map<K, V> b, BinaryOperator<V> plus,
                                                        Class<K> type) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Map<K, V> sum = new EnumMap<>(type);
        sum.putAll(a);
        b.forEach((key, value) -> sum.merge(key, value, plus));
        // a chain change that brings a course type back to nothing leaves no trace
        sum.values().removeIf(v -> v instanceof ChainCounters c && c.isEmpty());
        return sum;
    }

    static CourseCounters completion(IntegrationEvent e) {
        boolean passed = e.outcome() == Outcome.PASSED;
        boolean b1 = passed && e.courseType().languageCourse() && e.languageLevel() != null
                && e.languageLevel().b1OrHigher();
        return new CourseCounters(0, passed ? 1 : 0, e.outcome() == Outcome.FAILED ? 1 : 0,
                e.outcome() == Outcome.DROPPED_OUT ? 1 : 0, b1 ? 1 : 0);
    }

    /** The sum over course types, or only {@code filter} when it is not {@code null}. */
    public CourseCounters courseTotal(CourseType filter) {
        CourseCounters sum = CourseCounters.ZERO;
        for (Map.Entry<CourseType, CourseCounters> e : courses.entrySet()) {
            if (filter == null || filter == e.getKey()) {
                sum = sum.plus(e.getValue());
            }
        }
        return sum;
    }

    /** Passed plus failed in language courses: the denominator of the language success rate. */
    public long languageCompletions(CourseType filter) {
        long n = 0;
        for (Map.Entry<CourseType, CourseCounters> e : courses.entrySet()) {
            if (e.getKey().languageCourse() && (filter == null || filter == e.getKey())) {
                n += e.getValue().passed() + e.getValue().failed();
            }
        }
        return n;
    }

    /**
     * The count of each bucket of {@code breakdown}, summed over course types, or only {@code filter} when it
     * is not {@code null}; index = bucket. A breakdown of placements is never filtered (they carry no course type).
     */
    public long[] tally(Breakdown breakdown, CourseType filter) {
        long[] counts = new long[breakdown.buckets().size()];
        tallies.forEach((cell, n) -> {
            if (cell.breakdown() == breakdown
                    && (filter == null || breakdown.ofPlacements() || filter == cell.courseType())) {
                counts[cell.bucket()] += n;
            }
        });
        return counts;
    }

    public long placementTotal() {
        return placements.values().stream().mapToLong(Long::longValue).sum();
    }
}
