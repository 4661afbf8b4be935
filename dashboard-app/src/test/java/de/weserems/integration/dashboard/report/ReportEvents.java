package de.weserems.integration.dashboard.report;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Entitlement;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A year of events for a report test, from a seed: in a few districts every month enrolments, and participants who
 * complete a course (with a funding source) and then are placed, enrol again or stop (a funding gap); entitlements
 * that wait; one month of the reported district with no reports at all, which the charts must not show as zero. No
 * event lies after {@code today}.
 */
final class ReportEvents {

    private static final List<FundingSource> SOURCES = List.of(FundingSource.BAMF_INTV, FundingSource.JOBCENTER_SGB2,
            FundingSource.LAND_NIEDERSACHSEN, FundingSource.ESF_PLUS);
    private static final List<CourseType> COURSES = List.of(CourseType.INTEGRATION_COURSE,
            CourseType.JOB_LANGUAGE_COURSE, CourseType.VOCATIONAL_QUALIFICATION);

    private final Random random;
    private final LocalDate today;
    private final District reported;
    private final YearMonth silent;
    private final List<IntegrationEvent> events = new ArrayList<>();
    private int ids;

    private ReportEvents(long seed, LocalDate today, District reported, YearMonth silent) {
        this.random = new Random(seed);
        this.today = today;
        this.reported = reported;
        this.silent = silent;
    }

    /**
     * The events of the twelve months up to {@code last} in {@code reported} and two other districts; nobody
     * reports for {@code reported} in {@code silent}.
     */
    static List<IntegrationEvent> year(long seed, LocalDate today, District reported, YearMonth last, YearMonth silent) {
        ReportEvents r = new ReportEvents(seed, today, reported, silent);
        for (District d : List.of(reported, District.EMSLAND, District.OLDENBURG_STADT)) {
            for (YearMonth m = last.minusMonths(11); !m.isAfter(last); m = m.plusMonths(1)) {
                r.month(d, m);
            }
            for (int i = 0; i < 12 + r.random.nextInt(12); i++) {
                r.add(entitlement(r.id(), today.minusDays(5 + r.random.nextInt(90)), d, "w-" + d.ags() + "-" + i));
            }
        }
        return List.copyOf(r.events);
    }

    private void month(District district, YearMonth month) {
        for (int i = 30 + random.nextInt(40); i > 0; i--) {
            add(new IntegrationEvent(id(), EventType.COURSE_ENROLMENT, day(month, 1, 28), district, null,
                    COURSES.get(random.nextInt(COURSES.size())), null, null, null, "report-test", Instant.EPOCH));
        }
        for (int i = 12 + random.nextInt(16); i > 0; i--) {
            String who = "r-" + district.ags() + "-" + month + "-" + i;
            FundingSource source = SOURCES.get(random.nextInt(SOURCES.size()));
            LocalDate completed = day(month, 10, 28);
            boolean passed = random.nextInt(10) < 7;
            add(course(EventType.COURSE_ENROLMENT, completed.minusDays(100), district, who, null, null, source));
            add(course(EventType.COURSE_COMPLETION, completed, district, who, passed ? Outcome.PASSED : Outcome.FAILED,
                    passed ? LanguageLevel.B1 : null, source));
            int next = random.nextInt(10);
            if (next < 5) {
                add(new IntegrationEvent(id(), EventType.JOB_PLACEMENT, completed.plusDays(10 + random.nextInt(150)),
                        district, who, null, null, null, PlacementType.EMPLOYMENT, "report-test", Instant.EPOCH));
            } else if (next < 8) {
                add(course(EventType.COURSE_ENROLMENT, completed.plusDays(5 + random.nextInt(60)), district, who, null,
                        null, SOURCES.get(random.nextInt(SOURCES.size()))));
            }
        }
    }

    /** Keeps {@code event} unless it lies after today or in the reported district's silent month. */
    private void add(IntegrationEvent event) {
        if (event.occurredOn().isAfter(today)
                || event.district() == reported && YearMonth.from(event.occurredOn()).equals(silent)) {
            return;
        }
        events.add(event);
    }

    private LocalDate day(YearMonth month, int from, int to) {
        return month.atDay(from + random.nextInt(to - from + 1));
    }

    private UUID id() {
        return UUID.nameUUIDFromBytes(("report-" + ids++).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private IntegrationEvent course(EventType type, LocalDate day, District district, String who, Outcome outcome,
                                    LanguageLevel level, FundingSource source) {
        return new IntegrationEvent(id(), type, day, district, who, CourseType.JOB_LANGUAGE_COURSE, outcome, level,
                null, null, null, null, source, null, "report-test", Instant.EPOCH);
    }

    private static IntegrationEvent entitlement(UUID id, LocalDate day, District district, String who) {
        return new IntegrationEvent(id, EventType.ENTITLEMENT, day, district, who, null, null, null, null, null, null,
                null, null, null, Entitlement.ENTITLED, Issuer.JOBCENTER, null, "report-test", Instant.EPOCH);
    }
}
