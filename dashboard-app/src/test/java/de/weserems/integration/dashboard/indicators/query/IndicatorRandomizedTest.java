package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.indicators.engine.TopologyFixture;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.indicators.testing.TestSettings;
import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.Entitlement;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.Sex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random streams (resends, out of order, late events, retractions, poison records) through the whole engine —
 * topology, read model, queries — against a deliberately plain reference: the definitions of docs/design.md
 * applied by brute force to the list of unique events, less those a retraction of their own provider took
 * back (which still count as reports for coverage). It reads the exact figures (as the role
 * STATISTICS does), so nothing is perturbed and every figure can be compared; confidentiality has its
 * own tests.
 */
class IndicatorRandomizedTest {

    private static final LocalDate FIRST = LocalDate.parse("2024-01-01");
    private static final int SPAN_DAYS = 730;
    private static final YearMonth FIRST_MONTH = YearMonth.from(FIRST);
    private static final YearMonth LAST_MONTH = YearMonth.from(FIRST.plusDays(SPAN_DAYS));
    private static final int[] BOUNDARY_DAYS = {0, 1, 89, 90, 91, 182, 183, 184, 364, 365, 366};
    /** Days from an enrolment or entitlement to a course start, often on the 6-week boundary. */
    private static final int[] WAITING_DAYS = {0, 1, 41, 42, 43, 90};
    private static final District[] MOSTLY = {District.EMSLAND, District.LEER, District.WITTMUND, District.VECHTA};
    /** The types the engine counts; retractions (contract v2) are added to the stream by {@link #retractions}. */
    private static final EventType[] COUNTED = {EventType.COURSE_ENROLMENT, EventType.COURSE_COMPLETION,
            EventType.JOB_PLACEMENT, EventType.ENTITLEMENT, EventType.COURSE_START};
    private static final List<LanguageLevel> B1_OR_HIGHER = List.of(LanguageLevel.B1, LanguageLevel.B2,
            LanguageLevel.C1, LanguageLevel.C2);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void every_figure_matches_a_brute_force_reference(long seed) {
        Random random = new Random(seed);
        List<IntegrationEvent> unique = generate(random);
        List<Object> sent = sendOrder(random, unique);
        Set<UUID> retracted = retractions(random, unique, sent);
        LocalDate today = today(random, unique.stream().filter(e -> !retracted.contains(e.eventId())).toList());

        IndicatorQueries queries;
        try (TopologyFixture topology = new TopologyFixture()) {
            long poison = 0;
            for (Object item : sent) {
                if (item instanceof IntegrationEvent e) {
                    topology.send(e);
                } else {
                    topology.rawEvents.pipeInput("03454", (String) item);
                    poison++;
                }
            }
            assertThat(topology.deadLetterTopic.getQueueSize()).isEqualTo(poison);
            queries = new IndicatorQueries(TestReadModels.of(topology.latest()), TestSettings.properties(1, 1),
                    Clock.fixed(today.atTime(8, 0).atZone(Region.ZONE).toInstant(),
                            Region.ZONE));
        }
        Reference reference = new Reference(unique.stream().filter(e -> !retracted.contains(e.eventId())).toList(),
                unique, today);

        for (YearMonth m = FIRST_MONTH; !m.isAfter(LAST_MONTH); m = m.plusMonths(1)) {
            compare(queries, reference, m, m, null, "seed " + seed + ", today " + today);
        }
        CourseType[] types = CourseType.values();
        for (int i = 0; i < 12; i++) {
            YearMonth from = FIRST_MONTH.plusMonths(random.nextInt(26));
            YearMonth to = from.plusMonths(random.nextInt(24));
            CourseType filter = random.nextBoolean() ? null : types[random.nextInt(types.length)];
            compare(queries, reference, from, to, filter, "seed " + seed + ", today " + today);
        }
        // every calendar quarter and year: the periods with the breakdowns by sex
        for (YearMonth q = FIRST_MONTH; !q.isAfter(LAST_MONTH); q = q.plusMonths(3)) {
            CourseType filter = random.nextBoolean() ? null : types[random.nextInt(types.length)];
            compare(queries, reference, q, q.plusMonths(2), filter, "seed " + seed + ", today " + today);
            if (q.getMonthValue() == 1) {
                compare(queries, reference, q, q.plusMonths(11), filter, "seed " + seed + ", today " + today);
            }
        }
    }

    private static void compare(IndicatorQueries queries, Reference reference, YearMonth from, YearMonth to,
                                CourseType filter, String context) {
        IndicatorReport report = queries.report(from, to, Set.of(), filter, true);
        String period = context + ", " + from + ".." + to + ", " + filter;
        assertThat(flat(report.region())).as("region, %s", period)
                .isEqualTo(reference.figures(null, from, to, filter));
        for (AreaFigures district : report.districts()) {
            District d = District.byAgs(district.district()).orElseThrow();
            assertThat(flat(district)).as("%s, %s", d, period).isEqualTo(reference.figures(d, from, to, filter));
        }
    }

    /** Every figure of an area by name, values as plain strings, so a difference names itself. */
    private static Map<String, String> flat(AreaFigures f) {
        Map<String, String> all = new TreeMap<>();
        all.put("reported", String.valueOf(f.reported()));
        f.counts().forEach((k, v) -> all.put("counts." + k, String.valueOf(v)));
        f.rates().forEach((k, v) -> all.put("rates." + k, plain(v)));
        f.per10k().forEach((k, v) -> all.put("per10k." + k, plain(v)));
        all.put("chain.medianDaysToPlacement", plain(f.chain().medianDaysToPlacement()));
        all.put("chain.medianWaitingDays", plain(f.chain().medianWaitingDays()));
        all.put("chain.pending", String.valueOf(f.chain().pending()));
        if (f.chain().placementWithin6MonthsBySex() != null) {
            f.chain().placementWithin6MonthsBySex().forEach((sex, p) -> all.put("chain.placementWithin6MonthsBySex."
                    + sex, p.ended() + " ended, " + p.placed() + " placed, rate " + plain(p.rate())));
        }
        all.put("withheld", new TreeSet<>(f.withheld()).toString());
        AccessFigures a = f.access();
        all.put("access.waitingTimeCases", String.valueOf(a.waitingTimeCases()));
        all.put("access.medianWaitingTime", plain(a.medianWaitingTime()));
        all.put("access.waitingTimeOver6Weeks", plain(a.waitingTimeOver6Weeks()));
        all.put("access.accessTimeCases", String.valueOf(a.accessTimeCases()));
        all.put("access.medianAccessTime", plain(a.medianAccessTime()));
        all.put("access.accessTimeOver6Weeks", plain(a.accessTimeOver6Weeks()));
        WaitingNowFigures w = f.waitingNow();
        all.put("waitingNow.waiting", String.valueOf(w.waiting()));
        all.put("waitingNow.medianDaysWaited", plain(w.medianDaysWaited()));
        all.put("waitingNow.over6Weeks", plain(w.over6Weeks()));
        all.put("waitingNow.noStartAfter2Years", String.valueOf(w.noStartAfter2Years()));
        FundingGapFigures g = f.fundingGaps();
        all.put("fundingGaps", gaps(g.wentOn(), g.gaps(), g.gapRate(), g.open()));
        g.bySource().forEach((source, s) -> all.put("fundingGaps." + source, gaps(s.wentOn(), s.gaps(), s.gapRate(),
                s.open())));
        g.flow().forEach((before, next) -> next.forEach((after, n) -> {
            if (n == null || n != 0) {
                all.put("fundingGaps.flow." + before + "." + after, String.valueOf(n));
            }
        }));
        f.breakdowns().forEach((breakdown, cells) -> cells.forEach((bucket, n) ->
                all.put("breakdowns." + breakdown + "." + bucket, String.valueOf(n))));
        f.targetLevelReached().forEach((group, cells) -> cells.forEach((bucket, t) -> {
            all.put("targetLevelReached." + group + "." + bucket + ".examined", String.valueOf(t.examined()));
            all.put("targetLevelReached." + group + "." + bucket + ".reached", String.valueOf(t.reached()));
            all.put("targetLevelReached." + group + "." + bucket + ".rate", plain(t.rate()));
        }));
        return all;
    }

    private static String gaps(Long wentOn, Long gaps, BigDecimal rate, Long open) {
        return "wentOn " + wentOn + ", gaps " + gaps + ", rate " + plain(rate) + ", open " + open;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }

    // ---- the stream ---------------------------------------------------------------------------

    static List<IntegrationEvent> generate(Random random) {
        int participants = 60 + random.nextInt(80);
        List<IntegrationEvent> events = new ArrayList<>();
        int n = 200 + random.nextInt(200);
        for (int i = 0; i < n; i++) {
            String participant = random.nextInt(7) == 0 ? null : "p" + random.nextInt(participants);
            LocalDate day = FIRST.plusDays(random.nextInt(SPAN_DAYS));
            EventType type = pick(random, COUNTED);
            if (participant == null && (type == EventType.ENTITLEMENT || type == EventType.COURSE_START)) {
                type = EventType.COURSE_ENROLMENT; // they require a participant
            }
            IntegrationEvent e = event(random, type, participant, district(random), day);
            events.add(e);
            if (participant != null && (type == EventType.COURSE_ENROLMENT || type == EventType.ENTITLEMENT)
                    && random.nextInt(4) == 0) {
                // a second report to wait from: on the same day (an entitlement goes before an enrolment), or a
                // second entitlement some weeks before or after (the access time runs from the first)
                EventType other = random.nextBoolean() ? EventType.ENTITLEMENT : EventType.COURSE_ENROLMENT;
                int shift = random.nextBoolean() ? 0 : random.nextInt(120) - 60;
                events.add(event(random, other, participant, district(random), day.plusDays(shift)));
            }
            if (participant != null && (type == EventType.COURSE_ENROLMENT || type == EventType.ENTITLEMENT)
                    && random.nextInt(3) > 0) {
                // a course start of the same participant, often on the 6-week boundary, sometimes before
                int after = random.nextBoolean() ? WAITING_DAYS[random.nextInt(WAITING_DAYS.length)]
                        : random.nextInt(300) - 20;
                IntegrationEvent start = event(random, EventType.COURSE_START, participant,
                        random.nextInt(4) == 0 ? district(random) : e.district(), day.plusDays(after));
                CourseType waitedFor = e.courseType() == null ? CourseType.INTEGRATION_COURSE : e.courseType();
                events.add(random.nextInt(5) == 0 ? start : withCourseType(start, waitedFor));
            }
            if (e.type() == EventType.COURSE_COMPLETION && participant != null && random.nextInt(3) > 0) {
                // a follow-up of the same participant, often on a boundary of the definitions
                int after = random.nextBoolean() ? BOUNDARY_DAYS[random.nextInt(BOUNDARY_DAYS.length)]
                        : random.nextInt(400) - 20;
                EventType next = random.nextBoolean() ? EventType.JOB_PLACEMENT : EventType.COURSE_ENROLMENT;
                events.add(event(random, next, participant, district(random), day.plusDays(after)));
                if (random.nextInt(4) == 0) {
                    // the other one on the same day too: a tie, which the placement wins
                    EventType other = next == EventType.JOB_PLACEMENT ? EventType.COURSE_ENROLMENT
                            : EventType.JOB_PLACEMENT;
                    events.add(event(random, other, participant, district(random), day.plusDays(after)));
                }
            }
        }
        return events;
    }

    private static IntegrationEvent event(Random random, EventType type, String participant, District district,
                                          LocalDate day) {
        if (type == EventType.ENTITLEMENT) {
            return new IntegrationEvent(new UUID(random.nextLong(), random.nextLong()), type, day, district,
                    participant, null, null, null, null, null, null, null, null, null, pick(random, Entitlement.values()),
                    pick(random, Issuer.values()), null, "demo", null);
        }
        CourseType course = type == EventType.JOB_PLACEMENT ? null : random.nextInt(3) == 0
                ? CourseType.INTEGRATION_COURSE : pick(random, CourseType.values());
        Outcome outcome = type == EventType.COURSE_COMPLETION ? pick(random, Outcome.values()) : null;
        LanguageLevel level = outcome != null && random.nextBoolean() ? pick(random, LanguageLevel.values()) : null;
        PlacementType placement = type == EventType.JOB_PLACEMENT ? pick(random, PlacementType.values()) : null;
        // contract v2's fields on three quarters of the course events, each valid for its course type
        CourseVariant variant = null;
        LanguageLevel target = null;
        Attempt attempt = null;
        FundingSource funding = null;
        if (course != null && random.nextInt(4) > 0) {
            List<CourseVariant> variants = CourseVariant.of(course);
            variant = variants.isEmpty() || random.nextInt(5) == 0 ? null : variants.get(random.nextInt(variants.size()));
            if (course.languageCourse() && random.nextInt(5) > 0) {
                target = variant != null && variant.level() != null ? variant.level()
                        : LanguageLevel.CEFR.get(random.nextInt(LanguageLevel.CEFR.size()));
            }
            funding = random.nextInt(6) == 0 ? null : pick(random, FundingSource.values());
            attempt = outcome != null && random.nextInt(5) > 0 ? pick(random, Attempt.values()) : null;
            // half of the time one of few funding sources, so that same-day ties and every flow cell occur
            funding = funding == null || random.nextBoolean() ? funding : FundingSource.values()[funding.ordinal() % 3];
        }
        // the participant's sex on three quarters of the events, placements included
        Sex sex = random.nextInt(4) > 0 ? pick(random, Sex.values()) : null;
        return new IntegrationEvent(new UUID(random.nextLong(), random.nextLong()), type, day, district, participant,
                course, outcome, level, placement, variant, target, attempt, funding, null, null, null, sex, "demo",
                null);
    }

    private static IntegrationEvent withCourseType(IntegrationEvent e, CourseType courseType) {
        List<CourseVariant> variants = CourseVariant.of(courseType);
        return new IntegrationEvent(e.eventId(), e.type(), e.occurredOn(), e.district(), e.participant(), courseType,
                null, null, null, variants.contains(e.courseVariant()) ? e.courseVariant() : null, null, null,
                e.fundingSource(), null, null, null, null, e.providerId(), null);
    }

    /**
     * Mostly on a boundary: the last or first day of some passed completion's 183-day window (pending), of some
     * completion's 90-day window (funding gap open), or of 2 years after some participant's wait began (waiting
     * now, or apart); {@code events} are those that count.
     */
    private static LocalDate today(Random random, List<IntegrationEvent> events) {
        int dice = random.nextInt(6);
        if (dice == 0) {
            return FIRST.plusDays(60 + random.nextInt(SPAN_DAYS + 120));
        }
        if (dice == 1) {
            List<IntegrationEvent> completions = events.stream().filter(e -> e.type() == EventType.COURSE_COMPLETION
                    && e.outcome() != Outcome.DROPPED_OUT && e.participant() != null).toList();
            return completions.get(random.nextInt(completions.size())).occurredOn().plusDays(90 + random.nextInt(2));
        }
        List<IntegrationEvent> waits = events.stream().map(IntegrationEvent::participant)
                .filter(p -> p != null).distinct().map(p -> Reference.waitingSince(events, p))
                .filter(e -> e != null).toList();
        if ((dice == 2 || dice == 3) && !waits.isEmpty()) {
            // the last day of the wait, or the first one apart
            return waits.get(random.nextInt(waits.size())).occurredOn().plusYears(2).plusDays(dice - 2);
        }
        List<IntegrationEvent> completions = events.stream()
                .filter(e -> e.outcome() == Outcome.PASSED && e.participant() != null).toList();
        return completions.get(random.nextInt(completions.size())).occurredOn().plusDays(183 + random.nextInt(2));
    }

    /**
     * Roughly by date, but with neighbours swapped (out of order), a tenth held back to the end (late),
     * resends of earlier events (some with other content: the first content stands), and poison records.
     */
    static List<Object> sendOrder(Random random, List<IntegrationEvent> unique) {
        List<IntegrationEvent> byDate = new ArrayList<>(unique);
        byDate.sort((a, b) -> a.occurredOn().compareTo(b.occurredOn()));
        for (int i = 0; i + 1 < byDate.size(); i++) {
            if (random.nextInt(3) == 0) {
                Collections.swap(byDate, i, Math.min(byDate.size() - 1, i + 1 + random.nextInt(10)));
            }
        }
        List<IntegrationEvent> late = new ArrayList<>();
        byDate.removeIf(e -> random.nextInt(10) == 0 && late.add(e));
        Collections.shuffle(late, random);
        byDate.addAll(late);

        List<Object> sent = new ArrayList<>();
        for (int i = 0; i < byDate.size(); i++) {
            sent.add(byDate.get(i));
            if (random.nextInt(6) == 0) {
                IntegrationEvent earlier = byDate.get(random.nextInt(i + 1));
                sent.add(random.nextInt(4) == 0 ? otherContent(random, earlier) : earlier);
            }
            if (random.nextInt(50) == 0) {
                sent.add(random.nextBoolean() ? "{\"eventId\": 42" : "{\"eventId\":\"" + UUID.randomUUID()
                        + "\",\"type\":\"JOB_PLACEMENT\",\"occurredOn\":\"2024-05-01\",\"district\":\"09162\"}");
            }
        }
        return sent;
    }

    /**
     * Adds retractions to {@code sent}, each at a random place, before or after the event it names: of a tenth
     * of the events by their own provider (some retracted twice under two eventIds, some resent), and, all
     * without effect, of other events by another provider, of retractions, and of eventIds never sent.
     * Returns the eventIds that are taken back.
     */
    static Set<UUID> retractions(Random random, List<IntegrationEvent> unique, List<Object> sent) {
        Set<UUID> retracted = new HashSet<>();
        List<IntegrationEvent> retractions = new ArrayList<>();
        for (IntegrationEvent e : unique) {
            int dice = random.nextInt(20);
            if (dice < 2) {
                retracted.add(e.eventId());
                retractions.add(retraction(e.eventId(), e, "demo"));
                if (dice == 0) {
                    retractions.add(retraction(e.eventId(), e, "demo"));
                }
            } else if (dice == 2) {
                retractions.add(retraction(e.eventId(), e, "other-provider"));
            }
        }
        for (IntegrationEvent r : List.copyOf(retractions)) {
            int dice = random.nextInt(8);
            if (dice == 0) {
                retractions.add(retraction(r.eventId(), r, "demo"));
            } else if (dice == 1) {
                retractions.add(r);
            }
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            retractions.add(retraction(new UUID(random.nextLong(), random.nextLong()), unique.getFirst(), "demo"));
        }
        for (IntegrationEvent r : retractions) {
            sent.add(random.nextInt(sent.size() + 1), r);
        }
        return retracted;
    }

    /** A retraction by {@code provider} of the eventId {@code target}, which names {@code of}'s district. */
    private static IntegrationEvent retraction(UUID target, IntegrationEvent of, String provider) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.RETRACTION, of.occurredOn().plusDays(3),
                of.district(), null, null, null, null, null, null, null, null, null, target, provider, null);
    }

    /** The same eventId sent again with another district and day: it must count nowhere. */
    private static IntegrationEvent otherContent(Random random, IntegrationEvent e) {
        return new IntegrationEvent(e.eventId(), e.type(), e.occurredOn().plusDays(random.nextInt(90)), district(random),
                e.participant(), e.courseType(), e.outcome(), e.languageLevel(), e.placementType(), null, null, null,
                null, e.retracts(), e.entitlement(), e.issuer(), null, "demo", null);
    }

    private static District district(Random random) {
        return random.nextInt(5) == 0 ? pick(random, District.values()) : pick(random, MOSTLY);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    // ---- the reference ------------------------------------------------------------------------

    /**
     * The indicators of docs/design.md, computed the slow and obvious way over the unique events that count;
     * a district reported in the period when any unique event of it was sent, retracted or not.
     */
    private record Reference(List<IntegrationEvent> events, List<IntegrationEvent> sent, LocalDate today) {

        /** Reports of one day in the engine's fixed order: by district, course type, funding source. */
        private static final Comparator<IntegrationEvent> SAME_DAY_ORDER = Comparator
                .comparing(IntegrationEvent::occurredOn)
                .thenComparing(IntegrationEvent::district)
                .thenComparing(IntegrationEvent::courseType, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(IntegrationEvent::fundingSource, Comparator.nullsFirst(Comparator.naturalOrder()));

        Map<String, String> figures(District district, YearMonth from, YearMonth to, CourseType filter) {
            List<IntegrationEvent> area = inArea(events, district, from, to);
            List<IntegrationEvent> courses = area.stream()
                    .filter(e -> e.type() == EventType.COURSE_ENROLMENT || e.type() == EventType.COURSE_COMPLETION)
                    .filter(e -> filter == null || e.courseType() == filter)
                    .toList();
            boolean reported = district == null || !inArea(sent, district, from, to).isEmpty();
            int population = district == null ? Arrays.stream(District.values()).mapToInt(District::residents2018).sum()
                    : district.residents2018();

            long enrolments = courses.stream().filter(e -> e.type() == EventType.COURSE_ENROLMENT).count();
            long passed = courses.stream().filter(e -> e.outcome() == Outcome.PASSED).count();
            long failed = courses.stream().filter(e -> e.outcome() == Outcome.FAILED).count();
            long dropouts = courses.stream().filter(e -> e.outcome() == Outcome.DROPPED_OUT).count();
            long b1 = courses.stream().filter(e -> e.outcome() == Outcome.PASSED && e.courseType().languageCourse()
                    && e.languageLevel() != null && B1_OR_HIGHER.contains(e.languageLevel())).count();
            long languageCompletions = courses.stream().filter(e -> e.courseType().languageCourse()
                    && (e.outcome() == Outcome.PASSED || e.outcome() == Outcome.FAILED)).count();
            long placements = area.stream().filter(e -> e.type() == EventType.JOB_PLACEMENT).count();

            List<Long> daysToPlacement = new ArrayList<>();
            List<Long> waitingDays = new ArrayList<>();
            long ended = 0;
            long placedWithin6Months = 0;
            Map<String, Long> endedBySex = new TreeMap<>();
            Map<String, Long> placedBySex = new TreeMap<>();
            long pending = 0;
            for (IntegrationEvent c : courses) {
                if (c.participant() == null || (c.outcome() != Outcome.PASSED && c.outcome() != Outcome.FAILED)) {
                    continue;
                }
                Long toPlacement = firstAfter(c, EventType.JOB_PLACEMENT, 0);
                Long waiting = firstAfter(c, EventType.COURSE_ENROLMENT, 1);
                if (toPlacement != null) {
                    daysToPlacement.add(toPlacement);
                }
                if (waiting != null) {
                    waitingDays.add(waiting);
                }
                if (c.outcome() == Outcome.PASSED) {
                    if (ChronoUnit.DAYS.between(c.occurredOn(), today) > 183) {
                        ended++;
                        String sex = sexBucket(c.sex());
                        endedBySex.merge(sex, 1L, Long::sum);
                        if (toPlacement != null && toPlacement <= 183) {
                            placedWithin6Months++;
                            placedBySex.merge(sex, 1L, Long::sum);
                        }
                    } else {
                        pending++;
                    }
                }
            }

            Map<String, String> all = new TreeMap<>();
            all.put("reported", district == null ? "null" : String.valueOf(reported));
            long marginal = area.stream().filter(e -> e.placementType() == PlacementType.MARGINAL_EMPLOYMENT).count();
            long[] counts = {enrolments, passed + failed, passed, failed, dropouts, b1, placements,
                    placements - marginal, marginal};
            for (int i = 0; i < counts.length; i++) {
                all.put("counts." + Confidentiality.COUNTS.get(i), reported ? String.valueOf(counts[i]) : "null");
            }
            all.put("per10k.enrolments", per10k(reported, enrolments, population));
            all.put("per10k.completions", per10k(reported, passed + failed, population));
            all.put("per10k.placements", per10k(reported, placements, population));
            all.put("rates.completionRate", rate(reported, passed + failed, passed + failed + dropouts));
            all.put("rates.languageSuccessRate", rate(reported, b1, languageCompletions));
            all.put("rates.placementWithin6Months", rate(reported, placedWithin6Months, ended));
            all.put("chain.medianDaysToPlacement", median(reported, daysToPlacement));
            all.put("chain.medianWaitingDays", median(reported, waitingDays));
            all.put("chain.pending", reported ? String.valueOf(pending) : "null");
            all.put("withheld", "[]");
            // a calendar quarter (January, April, July or October and the two months after) or year
            boolean calendarQuarterOrYear = (from.getMonthValue() - 1) % 3 == 0 && to.equals(from.plusMonths(2))
                    || from.getMonthValue() == 1 && to.equals(from.plusMonths(11));
            breakdowns(all, reported, area, courses, calendarQuarterOrYear);
            if (calendarQuarterOrYear) {
                for (String sex : List.of("FEMALE", "MALE", "DIVERSE_OR_UNSPECIFIED", "NOT_STATED")) {
                    long e = endedBySex.getOrDefault(sex, 0L);
                    long p = placedBySex.getOrDefault(sex, 0L);
                    all.put("chain.placementWithin6MonthsBySex." + sex, reported ? e + " ended, " + p + " placed, rate "
                            + rate(true, p, e) : "null ended, null placed, rate null");
                }
            }
            access(all, reported, area, filter);
            waitingNow(all, district, filter);
            fundingGaps(all, reported, courses);
            return all;
        }

        /** Waiting and access times of the course starts in the area and period (docs/design.md). */
        private void access(Map<String, String> all, boolean reported, List<IntegrationEvent> area, CourseType filter) {
            List<Long> waiting = new ArrayList<>();
            List<Long> access = new ArrayList<>();
            for (IntegrationEvent start : area) {
                if (start.type() != EventType.COURSE_START || (filter != null && start.courseType() != filter)) {
                    continue;
                }
                of(start.participant()).filter(e -> e.type() == EventType.COURSE_ENROLMENT
                                && e.courseType() == start.courseType() && !e.occurredOn().isAfter(start.occurredOn()))
                        .map(e -> ChronoUnit.DAYS.between(e.occurredOn(), start.occurredOn())).min(Long::compare)
                        .ifPresent(waiting::add);
                boolean firstIntegrationCourse = start.courseType() == CourseType.INTEGRATION_COURSE
                        && of(start.participant()).filter(e -> e.type() == EventType.COURSE_START
                        && e.courseType() == CourseType.INTEGRATION_COURSE).min(SAME_DAY_ORDER).orElseThrow() == start;
                if (firstIntegrationCourse) {
                    of(start.participant()).filter(e -> e.type() == EventType.ENTITLEMENT)
                            .map(IntegrationEvent::occurredOn).min(LocalDate::compareTo)
                            .filter(entitled -> !entitled.isAfter(start.occurredOn()))
                            .ifPresent(entitled -> access.add(ChronoUnit.DAYS.between(entitled, start.occurredOn())));
                }
            }
            all.put("access.waitingTimeCases", reported ? String.valueOf(waiting.size()) : "null");
            all.put("access.medianWaitingTime", median(reported, waiting));
            all.put("access.waitingTimeOver6Weeks", rate(reported, waiting.stream().filter(d -> d > 42).count(),
                    waiting.size()));
            all.put("access.accessTimeCases", reported ? String.valueOf(access.size()) : "null");
            all.put("access.medianAccessTime", median(reported, access));
            all.put("access.accessTimeOver6Weeks", rate(reported, access.stream().filter(d -> d > 42).count(),
                    access.size()));
        }

        /**
         * Who waits today, whatever the period: per participant the earliest entitlement or enrolment no course
         * start followed (an entitlement first on the same day), in its district.
         */
        private void waitingNow(Map<String, String> all, District district, CourseType filter) {
            List<Long> days = new ArrayList<>();
            long apart = 0;
            for (String participant : events.stream().map(IntegrationEvent::participant).filter(p -> p != null)
                    .distinct().toList()) {
                IntegrationEvent since = waitingSince(events, participant);
                if (since == null || (district != null && since.district() != district)
                        || (filter != null && waitsFor(since) != filter)) {
                    continue;
                }
                if (since.occurredOn().plusYears(2).isBefore(today)) {
                    apart++;
                } else {
                    days.add(Math.max(0, ChronoUnit.DAYS.between(since.occurredOn(), today)));
                }
            }
            all.put("waitingNow.waiting", String.valueOf(days.size()));
            all.put("waitingNow.medianDaysWaited", median(true, days));
            all.put("waitingNow.over6Weeks", rate(true, days.stream().filter(d -> d > 42).count(), days.size()));
            all.put("waitingNow.noStartAfter2Years", String.valueOf(apart));
        }

        private static String sexBucket(Sex sex) {
            return sex == null ? "NOT_STATED" : sex == Sex.FEMALE || sex == Sex.MALE ? sex.name()
                    : "DIVERSE_OR_UNSPECIFIED";
        }

        /** The participant's earliest entitlement or enrolment no course start followed (an entitlement first on the same day). */
        static IntegrationEvent waitingSince(List<IntegrationEvent> events, String participant) {
            List<IntegrationEvent> own = events.stream().filter(e -> participant.equals(e.participant())).toList();
            return own.stream()
                    .filter(e -> e.type() == EventType.ENTITLEMENT || e.type() == EventType.COURSE_ENROLMENT)
                    .filter(e -> own.stream().noneMatch(start -> start.type() == EventType.COURSE_START
                            && start.courseType() == waitsFor(e) && !start.occurredOn().isBefore(e.occurredOn())))
                    .min(Comparator.comparing(IntegrationEvent::occurredOn)
                            .thenComparing(e -> e.type() == EventType.ENTITLEMENT ? 0 : 1)
                            .thenComparing(SAME_DAY_ORDER)).orElse(null);
        }

        private static CourseType waitsFor(IntegrationEvent e) {
            return e.type() == EventType.ENTITLEMENT ? CourseType.INTEGRATION_COURSE : e.courseType();
        }

        /**
         * Funding gaps of the completions in the area and period: what came first within 90 days (an integration
         * 0–90 days after, or an enrolment 1–90 days after; the placement on a tie), by funding source.
         */
        private void fundingGaps(Map<String, String> all, boolean reported, List<IntegrationEvent> courses) {
            List<String> sources = new ArrayList<>(Arrays.stream(FundingSource.values()).map(Enum::name).toList());
            sources.add("NOT_STATED");
            if (!reported) {
                all.put("fundingGaps", gapsOf(null, null, null));
                for (String before : sources) {
                    all.put("fundingGaps." + before, gapsOf(null, null, null));
                    for (String after : sources) {
                        all.put("fundingGaps.flow." + before + "." + after, "null");
                    }
                    all.put("fundingGaps.flow." + before + ".PLACEMENT", "null");
                }
                return;
            }
            Map<String, long[]> bySource = new TreeMap<>();
            sources.forEach(source -> bySource.put(source, new long[3]));
            Map<String, Long> flow = new TreeMap<>();
            for (IntegrationEvent c : courses) {
                if (c.participant() == null || (c.outcome() != Outcome.PASSED && c.outcome() != Outcome.FAILED)) {
                    continue;
                }
                String before = c.fundingSource() == null ? "NOT_STATED" : c.fundingSource().name();
                long[] cells = bySource.get(before);
                if (!c.occurredOn().plusDays(90).isBefore(today)) {
                    cells[2]++;
                    continue;
                }
                Long toPlacement = firstAfter(c, EventType.JOB_PLACEMENT, 0);
                Long toEnrolment = firstAfter(c, EventType.COURSE_ENROLMENT, 1);
                String after = null;
                if (toPlacement != null && toPlacement <= 90 && (toEnrolment == null || toPlacement <= toEnrolment)) {
                    after = "PLACEMENT";
                } else if (toEnrolment != null && toEnrolment <= 90) {
                    LocalDate day = c.occurredOn().plusDays(toEnrolment);
                    IntegrationEvent next = of(c.participant()).filter(e -> e.type() == EventType.COURSE_ENROLMENT
                            && e.occurredOn().equals(day)).min(SAME_DAY_ORDER).orElseThrow();
                    after = next.fundingSource() == null ? "NOT_STATED" : next.fundingSource().name();
                }
                if (after == null) {
                    cells[1]++;
                } else {
                    cells[0]++;
                    flow.merge("fundingGaps.flow." + before + "." + after, 1L, Long::sum);
                }
            }
            long[] total = new long[3];
            bySource.forEach((source, cells) -> {
                all.put("fundingGaps." + source, gapsOf(cells[0], cells[1], cells[2]));
                for (int i = 0; i < 3; i++) {
                    total[i] += cells[i];
                }
            });
            all.put("fundingGaps", gapsOf(total[0], total[1], total[2]));
            flow.forEach((cell, n) -> all.put(cell, String.valueOf(n)));
        }

        private static String gapsOf(Long wentOn, Long gaps, Long open) {
            return "wentOn " + wentOn + ", gaps " + gaps + ", rate "
                    + (wentOn == null ? "null" : rate(true, gaps, gaps + wentOn)) + ", open " + open;
        }

        /** The participant's events that count. */
        private java.util.stream.Stream<IntegrationEvent> of(String participant) {
            return events.stream().filter(e -> participant.equals(e.participant()));
        }

        /**
         * Contract v2's breakdowns, counted bucket by bucket; events without the field under NOT_STATED. Those
         * by sex only for {@code calendarQuarterOrYear}.
         */
        private static void breakdowns(Map<String, String> all, boolean reported, List<IntegrationEvent> area,
                                       List<IntegrationEvent> courses, boolean calendarQuarterOrYear) {
            List<IntegrationEvent> enrolments = courses.stream()
                    .filter(e -> e.type() == EventType.COURSE_ENROLMENT).toList();
            List<IntegrationEvent> completions = courses.stream()
                    .filter(e -> e.outcome() == Outcome.PASSED || e.outcome() == Outcome.FAILED).toList();
            bucketCounts(all, reported, "enrolmentsByCourseVariant", CourseVariant.values(),
                    enrolments.stream().filter(e -> !CourseVariant.of(e.courseType()).isEmpty()).toList(),
                    IntegrationEvent::courseVariant);
            bucketCounts(all, reported, "enrolmentsByFundingSource", FundingSource.values(), enrolments,
                    IntegrationEvent::fundingSource);
            bucketCounts(all, reported, "completionsByFundingSource", FundingSource.values(), completions,
                    IntegrationEvent::fundingSource);
            Map<String, Long> levels = new TreeMap<>(Map.of("B1_OR_HIGHER", 0L, "A2", 0L, "BELOW_A2", 0L,
                    "NOT_STATED", 0L));
            for (IntegrationEvent e : completions) {
                if (e.courseType() == CourseType.INTEGRATION_COURSE) {
                    LanguageLevel l = e.languageLevel();
                    String bucket = l == null ? "NOT_STATED" : B1_OR_HIGHER.contains(l) ? "B1_OR_HIGHER"
                            : l == LanguageLevel.A2 ? "A2" : "BELOW_A2";
                    levels.merge(bucket, 1L, Long::sum);
                }
            }
            levels.forEach((bucket, n) -> all.put("breakdowns.integrationCourseExamLevels." + bucket,
                    reported ? String.valueOf(n) : "null"));
            List<IntegrationEvent> placements = area.stream().filter(e -> e.type() == EventType.JOB_PLACEMENT).toList();
            bucketCounts(all, reported, "placementsByType", PlacementType.values(), placements,
                    IntegrationEvent::placementType);
            if (calendarQuarterOrYear) {
                bySex(all, reported, "enrolmentsBySex", enrolments);
                bySex(all, reported, "completionsBySex", completions);
                bySex(all, reported, "passedBySex", completions.stream().filter(e -> e.outcome() == Outcome.PASSED)
                        .toList());
                // placements carry no course type: never filtered by one
                bySex(all, reported, "placementsBySex", placements);
            }
            if (!reported) {
                return;
            }
            List<IntegrationEvent> examined = completions.stream().filter(e -> e.courseType().languageCourse()
                    && e.targetLevel() != null && e.languageLevel() != null).toList();
            targetLevels(all, "byAttempt", Attempt.values(), examined, IntegrationEvent::attempt);
            targetLevels(all, "byCourseVariant", CourseVariant.values(), examined, IntegrationEvent::courseVariant);
        }

        private static void bucketCounts(Map<String, String> all, boolean reported, String name, Enum<?>[] values,
                                         List<IntegrationEvent> events, Function<IntegrationEvent, Enum<?>> field) {
            List<String> buckets = new ArrayList<>(Arrays.stream(values).map(Enum::name).toList());
            if (!name.equals("placementsByType")) {
                buckets.add("NOT_STATED");
            }
            for (String bucket : buckets) {
                long n = events.stream().filter(e -> bucket.equals(field.apply(e) == null ? "NOT_STATED"
                        : field.apply(e).name())).count();
                all.put("breakdowns." + name + "." + bucket, reported ? String.valueOf(n) : "null");
            }
        }

        /** By sex: DIVERSE and UNSPECIFIED in one bucket, events without a sex under NOT_STATED. */
        private static void bySex(Map<String, String> all, boolean reported, String name,
                                  List<IntegrationEvent> events) {
            Map<String, Long> buckets = new TreeMap<>(Map.of("FEMALE", 0L, "MALE", 0L, "DIVERSE_OR_UNSPECIFIED", 0L,
                    "NOT_STATED", 0L));
            for (IntegrationEvent e : events) {
                String bucket = e.sex() == null ? "NOT_STATED" : switch (e.sex()) {
                    case FEMALE -> "FEMALE";
                    case MALE -> "MALE";
                    case DIVERSE, UNSPECIFIED -> "DIVERSE_OR_UNSPECIFIED";
                };
                buckets.merge(bucket, 1L, Long::sum);
            }
            buckets.forEach((bucket, n) -> all.put("breakdowns." + name + "." + bucket,
                    reported ? String.valueOf(n) : "null"));
        }

        private static void targetLevels(Map<String, String> all, String group, Enum<?>[] values,
                                         List<IntegrationEvent> examined, Function<IntegrationEvent, Enum<?>> field) {
            List<String> buckets = new ArrayList<>(Arrays.stream(values).map(Enum::name).toList());
            buckets.add("NOT_STATED");
            for (String bucket : buckets) {
                List<IntegrationEvent> in = examined.stream().filter(e -> bucket.equals(field.apply(e) == null
                        ? "NOT_STATED" : field.apply(e).name())).toList();
                long reached = in.stream().filter(e -> LanguageLevel.CEFR.indexOf(e.languageLevel())
                        >= LanguageLevel.CEFR.indexOf(e.targetLevel())).count();
                String prefix = "targetLevelReached." + group + "." + bucket;
                all.put(prefix + ".examined", String.valueOf(in.size()));
                all.put(prefix + ".reached", String.valueOf(reached));
                all.put(prefix + ".rate", rate(true, reached, in.size()));
            }
        }

        private static List<IntegrationEvent> inArea(List<IntegrationEvent> events, District district, YearMonth from,
                                                     YearMonth to) {
            return events.stream()
                    .filter(e -> district == null || e.district() == district)
                    .filter(e -> !e.month().isBefore(from) && !e.month().isAfter(to))
                    .toList();
        }

        /** Days from completion {@code c} to the participant's first event of {@code type} {@code min}–365 days after. */
        private Long firstAfter(IntegrationEvent c, EventType type, int min) {
            Long first = null;
            for (IntegrationEvent e : events) {
                // the chain's placements are integrations in the SGB II sense: no mini-jobs
                if (e.type() == type && c.participant().equals(e.participant())
                        && e.placementType() != PlacementType.MARGINAL_EMPLOYMENT) {
                    long days = ChronoUnit.DAYS.between(c.occurredOn(), e.occurredOn());
                    if (days >= min && days <= 365 && (first == null || days < first)) {
                        first = days;
                    }
                }
            }
            return first;
        }

        private static String per10k(boolean reported, long count, int population) {
            return reported ? BigDecimal.valueOf(count * 10_000L)
                    .divide(BigDecimal.valueOf(population), 1, RoundingMode.HALF_UP).toPlainString() : "null";
        }

        /** Exact figures withhold nothing: a rate without any case is simply not there. */
        private static String rate(boolean reported, long numerator, long denominator) {
            if (!reported || denominator == 0) {
                return "null";
            }
            return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP)
                    .toPlainString();
        }

        private static String median(boolean reported, List<Long> days) {
            if (!reported || days.isEmpty()) {
                return "null";
            }
            List<Long> sorted = days.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
            return BigDecimal.valueOf(median).setScale(1, RoundingMode.UNNECESSARY).toPlainString();
        }
    }
}
