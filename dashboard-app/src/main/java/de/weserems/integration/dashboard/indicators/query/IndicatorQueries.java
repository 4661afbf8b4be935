package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.CourseCounters;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.reference.Population;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.DistrictMonth;
import de.weserems.integration.events.Region;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * model, derives rates, per-10,000 figures and the chain figures, and applies statistical
 * confidentiality to the whole answer before anything leaves this class.
 *
 * <p>"Today" (in the region's zone) decides which passed completions are still pending for placement
 * within 6 months, so the same period can answer differently tomorrow without any new event.
 */
@Service
public class IndicatorQueries {

    private static final District[] DISTRICTS = District.values();
    /** The one chain figure that is a count: in the confidentiality table like the counts. */
    private static final String PENDING = "pending";

    private final IndicatorReadModel readModel;
    private final Confidentiality confidentiality;
    /** What the role STATISTICS gets with {@code exact=true}: nothing withheld, a rate or median wherever it exists. */
    private final Confidentiality exact = new Confidentiality(1, 1);
    private final Clock clock;
    private final Population population;

    /** With the built-in population figures of 31.12.2018. */
    public IndicatorQueries(IndicatorReadModel readModel, DashboardProperties properties, Clock clock) {
        this(readModel, properties, clock, Population.reference2018());
    }

    @Autowired
    public IndicatorQueries(IndicatorReadModel readModel, DashboardProperties properties, Clock clock,
                            Population population) {
        this.readModel = readModel;
        this.confidentiality = new Confidentiality(properties.confidentiality().minCount(),
                properties.confidentiality().minCases());
        this.clock = clock;
        this.population = population;
    }

    /** The population figures the per-10,000 figures rest on, and their source. */
    public Population population() {
        return population;
    }

    /**
     * Completions left out of the chain figures, all districts and months together, because their
     * pseudonym stood for more events than one person has; {@code null} while it would be a count
     * withheld under the count rule.
     */
    public Long excludedFromChain() {
        long n = 0;
        for (MonthlyCounters m : readModel.snapshot().values()) {
            for (ChainCounters c : m.chain().values()) {
                n += c.excluded();
            }
        }
        return confidentiality.withholdCount(n) ? null : n;
    }

    /** The default period: the last 12 months including the current one. */
    public YearMonth[] defaultPeriod() {
        YearMonth now = YearMonth.now(clock.withZone(Region.ZONE));
        return new YearMonth[]{now.minusMonths(11), now};
    }

    /**
     * The figures of the period {@code from}..{@code to} (inclusive).
     *
     * @param only       the districts to list; empty for all 17 (the region total always covers all)
     * @param courseType only this course type, or {@code null}; placements are never filtered by it
     */
    public IndicatorReport report(YearMonth from, YearMonth to, Set<District> only, CourseType courseType) {
        return report(from, to, only, courseType, false);
    }

    /**
     * As {@link #report(YearMonth, YearMonth, Set, CourseType)}; with {@code exact} the true figures,
     * nothing withheld: only for the role STATISTICS, which the read API checks.
     */
    public IndicatorReport report(YearMonth from, YearMonth to, Set<District> only, CourseType courseType,
                                  boolean exact) {
        Confidentiality rules = exact ? this.exact : confidentiality;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'from' must not be after 'to'");
        }
        LocalDate today = LocalDate.now(clock.withZone(Region.ZONE));
        Sums[] sums = new Sums[DISTRICTS.length];
        for (int i = 0; i < DISTRICTS.length; i++) {
            sums[i] = sum(DISTRICTS[i], from, to, courseType, today);
        }
        Sums region = Sums.total(sums);

        Map<String, long[]> table = new LinkedHashMap<>();
        for (int c = 0; c < Confidentiality.COUNTS.size(); c++) {
            long[] column = new long[DISTRICTS.length + 1];
            for (int i = 0; i < DISTRICTS.length; i++) {
                column[i] = sums[i].counts[c];
            }
            column[DISTRICTS.length] = region.counts[c];
            table.put(Confidentiality.COUNTS.get(c), column);
        }
        long[] pending = new long[DISTRICTS.length + 1];
        for (int i = 0; i < DISTRICTS.length; i++) {
            pending[i] = sums[i].chain.pending;
        }
        pending[DISTRICTS.length] = region.chain.pending;
        table.put(PENDING, pending);
        Map<String, boolean[]> withheld = rules.withhold(table);

        List<AreaFigures> districts = new ArrayList<>();
        for (int i = 0; i < DISTRICTS.length; i++) {
            District d = DISTRICTS[i];
            if (only.isEmpty() || only.contains(d)) {
                districts.add(figures(rules, d.ags(), d.displayName(), population.of(d), sums[i].reported,
                        sums[i], withheld, i, false));
            }
        }
        int regionPopulation = population.region();
        AreaFigures regionFigures = figures(rules, Region.AGS, Region.NAME, regionPopulation, true, region,
                withheld, DISTRICTS.length, true);
        return new IndicatorReport(from, to, clock.instant(), regionFigures, List.copyOf(districts));
    }

    /**
     * One district month by month over {@code from}..{@code to}: each month is a report of its own
     * (the same rules as {@link #report}), so no month's figures can be recovered from the others'.
     */
    public MonthlyReport monthly(District district, YearMonth from, YearMonth to, CourseType courseType) {
        return monthly(district, from, to, courseType, false);
    }

    /** As {@link #monthly(District, YearMonth, YearMonth, CourseType)}; with {@code exact} the true figures. */
    public MonthlyReport monthly(District district, YearMonth from, YearMonth to, CourseType courseType,
                                 boolean exact) {
        List<MonthlyReport.Month> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            IndicatorReport month = report(m, m, Set.of(district), courseType, exact);
            months.add(new MonthlyReport.Month(m, month.districts().getFirst(), month.region()));
        }
        return new MonthlyReport(district.ags(), district.displayName(), from, to, clock.instant(), List.copyOf(months));
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

    private AreaFigures figures(Confidentiality rules, String ags, String name, int population, boolean reported,
                                Sums s, Map<String, boolean[]> withheld, int row, boolean region) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        Map<String, BigDecimal> per10k = new LinkedHashMap<>();
        List<String> hidden = new ArrayList<>();
        for (int c = 0; c < Confidentiality.COUNTS.size(); c++) {
            String count = Confidentiality.COUNTS.get(c);
            boolean w = withheld.get(count)[row];
            counts.put(count, reported && !w ? s.counts[c] : null);
            if (w && reported) {
                hidden.add("counts." + count);
            }
        }
        for (String count : List.of("enrolments", "completions", "placements")) {
            Long value = counts.get(count);
            per10k.put(count, value == null ? null : BigDecimal.valueOf(value * 10_000.0 / population)
                    .setScale(1, RoundingMode.HALF_UP));
            if (value == null && reported && withheld.get(count)[row]) {
                hidden.add("per10k." + count);
            }
        }
        long completions = s.get("completions");
        long closed = completions + s.get("dropouts");
        rate(rules, rates, hidden, reported, "completionRate", completions, closed,
                withheld.get("completions")[row] || withheld.get("dropouts")[row]);
        rate(rules, rates, hidden, reported, "languageSuccessRate", s.get("passedB1OrHigher"), s.languageCompletions,
                withheld.get("passedB1OrHigher")[row]);
        // numerator and denominator are not shown; the numerator is held to the count rule all the same
        rate(rules, rates, hidden, reported, "placementWithin6Months", s.chain.placed, s.chain.ended,
                rules.withholdCount(s.chain.placed));
        return new AreaFigures(ags, name, population, region ? null : reported, counts, rates, per10k,
                reported ? chain(rules, s.chain, withheld.get(PENDING)[row], hidden) : ChainFigures.NOT_REPORTED,
                List.copyOf(hidden));
    }

    private ChainFigures chain(Confidentiality rules, ChainSums s, boolean pendingWithheld, List<String> hidden) {
        BigDecimal daysToPlacement = median(rules, s.daysToPlacement, "medianDaysToPlacement", hidden);
        BigDecimal waitingDays = median(rules, s.waitingDays, "medianWaitingDays", hidden);
        if (pendingWithheld) {
            hidden.add("chain." + PENDING);
        }
        return new ChainFigures(daysToPlacement, waitingDays, pendingWithheld ? null : s.pending);
    }

    private BigDecimal median(Confidentiality rules, DayHistogram histogram, String name, List<String> hidden) {
        if (nothingToWithhold(rules, histogram.cases())) {
            return null;
        }
        if (rules.withholdMedian(histogram.cases())) {
            hidden.add("chain." + name);
            return null;
        }
        return histogram.median();
    }

    private void rate(Confidentiality rules, Map<String, BigDecimal> rates, List<String> hidden, boolean reported,
                      String name, long numerator, long denominator, boolean partWithheld) {
        if (!reported) {
            rates.put(name, null);
            return;
        }
        if (nothingToWithhold(rules, denominator)) {
            rates.put(name, null);
            return;
        }
        if (rules.withholdRate(denominator, partWithheld)) {
            rates.put(name, null);
            hidden.add("rates." + name);
            return;
        }
        rates.put(name, BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP));
    }

    /** Exact figures withhold nothing: a rate or median without a single case is simply not there. */
    private boolean nothingToWithhold(Confidentiality rules, long cases) {
        return rules == exact && cases == 0;
    }

    /** Raw sums of one area over a period, in the order of {@link Confidentiality#COUNTS}. */
    private static final class Sums {
        final long[] counts = new long[Confidentiality.COUNTS.size()];
        final ChainSums chain = new ChainSums();
        long languageCompletions;
        boolean reported;

        void add(MonthlyCounters m, CourseType courseType, YearMonth month, LocalDate today) {
            reported = true;
            m.chain().forEach((type, chainCounters) -> {
                if (courseType == null || courseType == type) {
                    chain.add(chainCounters, month, today);
                }
            });
            CourseCounters c = m.courseTotal(courseType);
            long[] add = {c.enrolments(), c.passed() + c.failed(), c.passed(), c.failed(), c.dropouts(),
                    c.passedB1OrHigher(), m.placementTotal()};
            for (int i = 0; i < add.length; i++) {
                counts[i] += add[i];
            }
            languageCompletions += m.languageCompletions(courseType);
        }

        long get(String count) {
            return counts[Confidentiality.COUNTS.indexOf(count)];
        }

        static Sums total(Sums[] parts) {
            Sums t = new Sums();
            t.reported = true;
            for (Sums p : parts) {
                for (int i = 0; i < t.counts.length; i++) {
                    t.counts[i] += p.counts[i];
                }
                t.languageCompletions += p.languageCompletions;
                t.chain.add(p.chain);
            }
            return t;
        }
    }
}
