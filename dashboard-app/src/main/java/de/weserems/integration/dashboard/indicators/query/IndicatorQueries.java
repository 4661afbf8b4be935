package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.CourseCounters;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.reference.ForeignResidents;
import de.weserems.integration.dashboard.reference.Population;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.DistrictMonth;
import de.weserems.integration.events.Region;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers questions about the indicators: sums the monthly counters of a period from the read
 * model, with their key sums, publishes each count through {@link Confidentiality} (the cell key
 * method), and derives rates, per-10,000 figures and the chain figures from the published counts only,
 * before anything leaves this class.
 *
 * <p>"Today" (in the region's zone) decides which passed completions are still pending for placement
 * within 6 months, so the same period can answer differently tomorrow without any new event.
 */
@Service
public class IndicatorQueries {

    private static final District[] DISTRICTS = District.values();

    private final IndicatorReadModel readModel;
    private final Confidentiality confidentiality;
    private final Confidentiality exact = Confidentiality.exact();
    private final Clock clock;
    private final Population population;
    private final ForeignResidents foreignResidents;
    private final PerForeignResidents perForeign;

    /** With the built-in population figures of 31.12.2018. */
    /** How many months, the current one included, are provisional. */
    static final int PROVISIONAL_MONTHS = 3;

    public IndicatorQueries(IndicatorReadModel readModel, DashboardProperties properties, Clock clock) {
        this(readModel, properties, clock, Population.reference2018());
    }

    /** Without figures per 10,000 foreign residents. */
    public IndicatorQueries(IndicatorReadModel readModel, DashboardProperties properties, Clock clock,
                            Population population) {
        this(readModel, properties, clock, population, ForeignResidents.NONE);
    }

    @Autowired
    public IndicatorQueries(IndicatorReadModel readModel, DashboardProperties properties, Clock clock,
                            Population population, ForeignResidents foreignResidents) {
        this.readModel = readModel;
        DashboardProperties.Confidentiality c = properties.confidentiality();
        this.confidentiality = new Confidentiality(
                new PerturbationTable(c.maxDeviation(), c.variance(), c.minCount() - 1), c.minCases());
        this.clock = clock;
        this.population = population;
        this.foreignResidents = foreignResidents;
        this.perForeign = new PerForeignResidents(foreignResidents);
    }

    /** The residents of foreign nationality behind the figures per 10,000 of them; {@code NONE} when off. */
    public ForeignResidents foreignResidents() {
        return foreignResidents;
    }

    /** The population figures the per-10,000 figures rest on, and their source. */
    public Population population() {
        return population;
    }

    /** How published counts are protected: the largest deviation from the true count, and the case threshold. */
    public Confidentiality confidentiality() {
        return confidentiality;
    }

    /**
     * Completions left out of the chain figures, all districts and months together, because their
     * pseudonym stood for more events than one person has; published like every count.
     */
    public long excludedFromChain() {
        long n = 0;
        long keys = 0;
        for (MonthlyCounters m : readModel.snapshot().values()) {
            for (ChainCounters c : m.chain().values()) {
                n += c.excluded();
            }
            if (m.keySums() != null) {
                for (ChainCounters c : m.keySums().chain().values()) {
                    keys += c.excluded();
                }
            }
        }
        return confidentiality.publish(n, keys);
    }

    /**
     * The first provisional month: the current month and the two before it are provisional, as official
     * labour-market statistics mark theirs, because reports for them still arrive late or are retracted.
     */
    public YearMonth provisionalFrom() {
        return YearMonth.now(clock.withZone(Region.ZONE)).minusMonths(PROVISIONAL_MONTHS - 1);
    }

    /** The default period: the last 12 months including the current one. */
    public YearMonth[] defaultPeriod() {
        YearMonth now = YearMonth.now(clock.withZone(Region.ZONE));
        return new YearMonth[]{now.minusMonths(11), now};
    }

    /**
     * The published figures of the period {@code from}..{@code to} (inclusive).
     *
     * @param only       the districts to list; empty for all 17 (the region total always covers all)
     * @param courseType only this course type, or {@code null}; placements are never filtered by it
     */
    public IndicatorReport report(YearMonth from, YearMonth to, Set<District> only, CourseType courseType) {
        return report(from, to, only, courseType, false);
    }

    /**
     * As {@link #report(YearMonth, YearMonth, Set, CourseType)}; with {@code exact} the true figures,
     * nothing perturbed: only for the role STATISTICS, which the read API checks.
     */
    public IndicatorReport report(YearMonth from, YearMonth to, Set<District> only, CourseType courseType,
                                  boolean exact) {
        Confidentiality rules = exact ? this.exact : confidentiality;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'from' must not be after 'to'");
        }
        LocalDate today = LocalDate.now(clock.withZone(Region.ZONE));
        boolean bySex = BreakdownFigures.bySex(from, to);
        Sums[] sums = new Sums[DISTRICTS.length];
        for (int i = 0; i < DISTRICTS.length; i++) {
            sums[i] = sum(DISTRICTS[i], from, to, courseType, today);
        }
        addWaitingNow(sums, courseType, today);
        List<AreaFigures> districts = new ArrayList<>();
        for (int i = 0; i < DISTRICTS.length; i++) {
            District d = DISTRICTS[i];
            if (only.isEmpty() || only.contains(d)) {
                districts.add(perForeign.add(figures(rules, d.ags(), d.displayName(), population.of(d),
                        sums[i].reported, sums[i], false, bySex), d));
            }
        }
        AreaFigures region = perForeign.addRegion(
                figures(rules, Region.AGS, Region.NAME, population.region(), true, Sums.total(sums), true, bySex));
        YearMonth provisionalFrom = provisionalFrom();
        return new IndicatorReport(from, to, clock.instant(), Protection.of(rules), !to.isBefore(provisionalFrom),
                provisionalFrom, bySex, foreignResidents.reference(), region, List.copyOf(districts));
    }

    /** One district month by month over {@code from}..{@code to}, each month a cell of its own. */
    public MonthlyReport monthly(District district, YearMonth from, YearMonth to, CourseType courseType) {
        return monthly(district, from, to, courseType, false);
    }

    /** As {@link #monthly(District, YearMonth, YearMonth, CourseType)}; with {@code exact} the true figures. */
    public MonthlyReport monthly(District district, YearMonth from, YearMonth to, CourseType courseType,
                                 boolean exact) {
        List<MonthlyReport.Month> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            IndicatorReport month = report(m, m, Set.of(district), courseType, exact);
            months.add(new MonthlyReport.Month(m, month.provisional(), month.districts().getFirst(), month.region()));
        }
        return new MonthlyReport(district.ags(), district.displayName(), from, to, clock.instant(),
                Protection.of(exact ? this.exact : confidentiality), foreignResidents.reference(), List.copyOf(months));
    }

    private Sums sum(District district, YearMonth from, YearMonth to, CourseType courseType, LocalDate today) {
        Sums s = new Sums();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            MonthlyCounters counters = readModel.get(DistrictMonth.key(district, m));
            if (counters != null) {
                s.add(counters, courseType, m, today);
            }
        }
        return s;
    }

    /** Who waits now, whatever the period: the waits of every month there is, as of {@code today}. */
    private void addWaitingNow(Sums[] sums, CourseType courseType, LocalDate today) {
        for (Map.Entry<String, MonthlyCounters> e : readModel.snapshot().entrySet()) {
            DistrictMonth key = DistrictMonth.parse(e.getKey());
            sums[key.district().ordinal()].addWaiting(e.getValue(), courseType, key.month(), today);
        }
    }

    private AreaFigures figures(Confidentiality rules, String ags, String name, int population, boolean reported,
                                Sums s, boolean region, boolean bySex) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        Map<String, BigDecimal> per10k = new LinkedHashMap<>();
        List<String> withheld = new ArrayList<>();
        if (!reported) {
            Confidentiality.COUNTS.forEach(c -> counts.put(c, null));
            for (String rate : List.of("completionRate", "languageSuccessRate", "placementWithin6Months")) {
                rates.put(rate, null);
            }
            for (String count : List.of("enrolments", "completions", "placements")) {
                per10k.put(count, null);
            }
            BreakdownFigures none = BreakdownFigures.notReported(bySex);
            return new AreaFigures(ags, name, population, null, region ? null : false, counts, rates, per10k, null,
                    none.counts(), none.targetLevelReached(), ChainFigures.notReported(bySex), AccessFigures.NOT_REPORTED,
                    WaitingNowFigures.publish(rules, s.waiting, s.waitingKeys, withheld),
                    FundingGapFigures.NOT_REPORTED, List.copyOf(withheld));
        }
        for (int c = 0; c < Confidentiality.COUNTS.size(); c++) {
            counts.put(Confidentiality.COUNTS.get(c), rules.publish(s.counts[c], s.keys[c]));
        }
        for (String count : List.of("enrolments", "completions", "placements")) {
            per10k.put(count, PerForeignResidents.per10k(counts.get(count), population));
        }
        rate(rules, rates, withheld, "completionRate", counts.get("completions"), counts.get("dropouts"));
        long b1 = s.get("passedB1OrHigher");
        rate(rules, rates, withheld, "languageSuccessRate", counts.get("passedB1OrHigher"),
                rules.publish(s.languageCompletions - b1, s.languageCompletionKeys - s.key("passedB1OrHigher")));
        rate(rules, rates, withheld, "placementWithin6Months", rules.publish(s.chain.placed, s.chainKeys.placed),
                rules.publish(s.chain.ended - s.chain.placed, s.chainKeys.ended - s.chainKeys.placed));
        ChainFigures chain = new ChainFigures(Shown.median(rules, s.chain.daysToPlacement,
                s.chainKeys.daysToPlacement, "chain.medianDaysToPlacement", withheld),
                Shown.median(rules, s.chain.waitingDays, s.chainKeys.waitingDays, "chain.medianWaitingDays", withheld),
                rules.publish(s.chain.pending, s.chainKeys.pending),
                bySex ? ChainFigures.bySex(rules, s.chain, s.chainKeys) : null);
        AccessFigures access = AccessFigures.publish(rules, s.chain, s.chainKeys, withheld);
        WaitingNowFigures waitingNow = WaitingNowFigures.publish(rules, s.waiting, s.waitingKeys, withheld);
        FundingGapFigures fundingGaps = FundingGapFigures.publish(rules, s.chain.funding, s.chainKeys.funding, withheld);
        BreakdownFigures breakdowns = BreakdownFigures.publish(rules, s.breakdowns, bySex);
        return new AreaFigures(ags, name, population, null, region ? null : true, counts, rates, per10k, null,
                breakdowns.counts(), breakdowns.targetLevelReached(), chain, access, waitingNow, fundingGaps,
                List.copyOf(withheld));
    }

    /** The rate {@code part / (part + rest)} of two published counts; listed as withheld on too few cases. */
    private static void rate(Confidentiality rules, Map<String, BigDecimal> rates, List<String> withheld, String name,
                             long part, long rest) {
        rates.put(name, Shown.rate(rules, part, rest, "rates." + name, withheld));
    }

    /** Raw sums of one area over a period, and their key sums, in the order of {@link Confidentiality#COUNTS}. */
    private static final class Sums {
        final long[] counts = new long[Confidentiality.COUNTS.size()];
        final long[] keys = new long[Confidentiality.COUNTS.size()];
        final ChainSums chain = new ChainSums();
        final ChainSums chainKeys = new ChainSums();
        long languageCompletions;
        long languageCompletionKeys;
        final BreakdownSums breakdowns = new BreakdownSums();
        final WaitingSums waiting = new WaitingSums();
        final WaitingSums waitingKeys = new WaitingSums();
        boolean reported;

        void add(MonthlyCounters m, CourseType courseType, YearMonth month, LocalDate today) {
            reported = true;
            add(counts, m, courseType);
            breakdowns.add(m, courseType);
            languageCompletions += m.languageCompletions(courseType);
            addChain(chain, m, courseType, month, today);
            // counters from before engine generation v5 have no key sums: their cells get the key 0
            if (m.keySums() != null) {
                add(keys, m.keySums(), courseType);
                languageCompletionKeys += m.keySums().languageCompletions(courseType);
                addChain(chainKeys, m.keySums(), courseType, month, today);
            }
        }

        /** The waits of one month (not a period's: who waits now counts every month). */
        void addWaiting(MonthlyCounters m, CourseType courseType, YearMonth month, LocalDate today) {
            m.chain().forEach((type, c) -> {
                if (courseType == null || courseType == type) {
                    waiting.add(c, month, today);
                }
            });
            if (m.keySums() != null) {
                m.keySums().chain().forEach((type, c) -> {
                    if (courseType == null || courseType == type) {
                        waitingKeys.add(c, month, today);
                    }
                });
            }
        }

        private static void add(long[] into, MonthlyCounters m, CourseType courseType) {
            CourseCounters c = m.courseTotal(courseType);
            long integrations = m.placements().entrySet().stream().filter(e -> e.getKey().integration())
                    .mapToLong(Map.Entry::getValue).sum();
            long[] add = {c.enrolments(), c.passed() + c.failed(), c.passed(), c.failed(), c.dropouts(),
                    c.passedB1OrHigher(), m.placementTotal(), integrations, m.placementTotal() - integrations};
            for (int i = 0; i < add.length; i++) {
                into[i] += add[i];
            }
        }

        private static void addChain(ChainSums into, MonthlyCounters m, CourseType courseType, YearMonth month,
                                     LocalDate today) {
            m.chain().forEach((type, chainCounters) -> {
                if (courseType == null || courseType == type) {
                    into.add(chainCounters, month, today);
                }
            });
        }

        long get(String count) {
            return counts[Confidentiality.COUNTS.indexOf(count)];
        }

        long key(String count) {
            return keys[Confidentiality.COUNTS.indexOf(count)];
        }

        static Sums total(Sums[] parts) {
            Sums t = new Sums();
            t.reported = true;
            for (Sums p : parts) {
                for (int i = 0; i < t.counts.length; i++) {
                    t.counts[i] += p.counts[i];
                    t.keys[i] += p.keys[i];
                }
                t.breakdowns.add(p.breakdowns);
                t.languageCompletions += p.languageCompletions;
                t.languageCompletionKeys += p.languageCompletionKeys;
                t.chain.add(p.chain);
                t.chainKeys.add(p.chainKeys);
                t.waiting.add(p.waiting);
                t.waitingKeys.add(p.waitingKeys);
            }
            return t;
        }
    }
}
