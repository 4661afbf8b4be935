package de.weserems.integration.testsupport;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Entitlement;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Participant stories for the fault tests, each of a new participant in one district and each with one
 * known effect on the figures that follow a person (access, waiting now, funding gaps), so that what a
 * dashboard must show after crashes and resends is a plain sum of the stories sent: no reference model
 * needed. The stories never share a participant, so their effects add up; every date lies between the
 * contract's earliest day and today, relative to today, so the effects stay what they are whenever the
 * tests run.
 *
 * <p>The kinds: started (entitlement 40 days and integration-course enrolment 30 days before a start on
 * the first of this month: one waiting-time and one access-time case); waiting (entitlement 20 days ago:
 * waiting now); waiting over 2 years (entitlement 800 days ago: apart as {@code noStartAfter2Years}); a
 * completion 150 days ago with a funding source, followed by a placement after 10 days (went on), by an
 * enrolment with a funding source after 5 days (went on, and waiting now for that course) or by nothing (a
 * gap); a completion 30 days ago (open).
 */
public final class ChainStories {

    private static final List<FundingSource> SOURCES = List.of(FundingSource.BAMF_DEUFOEV,
            FundingSource.LAND_NIEDERSACHSEN, FundingSource.ESF_PLUS);

    private final Random random;
    private final List<District> districts;
    private final String prefix;
    private final LocalDate today = LocalDate.now();
    private final Map<String, Long> expected = new TreeMap<>();
    private int told;
    private int ids;

    /** Stories in {@code districts} with participants named {@code prefix-n}, chosen by {@code seed}. */
    public ChainStories(long seed, List<District> districts, String prefix) {
        this.random = new Random(seed);
        this.districts = List.copyOf(districts);
        this.prefix = prefix;
    }

    /**
     * The events of one new story, in the order a provider would send them. Its effect counts in
     * {@link #expected()} from now on, so a test sends every story it takes (resending until it is stored).
     */
    public synchronized List<IntegrationEvent> next() {
        District district = districts.get(random.nextInt(districts.size()));
        String who = prefix + "-" + told++;
        LocalDate start = today.withDayOfMonth(1);
        LocalDate completed = today.minusDays(150);
        FundingSource source = SOURCES.get(random.nextInt(SOURCES.size()));
        List<IntegrationEvent> events = new ArrayList<>();
        switch (random.nextInt(7)) {
            case 0 -> {
                events.add(entitlement(start.minusDays(40), district, who));
                events.add(course(EventType.COURSE_ENROLMENT, start.minusDays(30), district, who, CourseType.INTEGRATION_COURSE, null));
                events.add(course(EventType.COURSE_START, start, district, who, CourseType.INTEGRATION_COURSE, null));
                count(district, "access.waitingTimeCases");
                count(district, "access.accessTimeCases");
            }
            case 1 -> {
                events.add(entitlement(today.minusDays(20), district, who));
                count(district, "waitingNow.waiting");
            }
            case 2 -> {
                events.add(entitlement(today.minusDays(800), district, who));
                count(district, "waitingNow.noStartAfter2Years");
            }
            case 3 -> {
                events.add(completion(completed, district, who, source));
                events.add(new IntegrationEvent(id(who), EventType.JOB_PLACEMENT, completed.plusDays(10), district, who,
                        null, null, null, PlacementType.EMPLOYMENT, "it", Instant.now()));
                wentOn(district, source, "PLACEMENT");
            }
            case 4 -> {
                FundingSource next = SOURCES.get(random.nextInt(SOURCES.size()));
                events.add(completion(completed, district, who, source));
                events.add(course(EventType.COURSE_ENROLMENT, completed.plusDays(5), district, who,
                        CourseType.JOB_LANGUAGE_COURSE, next));
                wentOn(district, source, next.name());
                count(district, "waitingNow.waiting");
            }
            case 5 -> {
                events.add(completion(completed, district, who, source));
                count(district, "fundingGaps.gaps");
                count(district, "fundingGaps.bySource." + source + ".gaps");
            }
            default -> {
                events.add(completion(today.minusDays(30), district, who, source));
                count(district, "fundingGaps.open");
                count(district, "fundingGaps.bySource." + source + ".open");
            }
        }
        return events;
    }

    /** The months every story's figures fall in: from the earliest completion to this month. */
    public YearMonth from() {
        return YearMonth.from(today.minusDays(150));
    }

    /**
     * What the stories sent imply, as {@code figure|AGS} (e.g. {@code waitingNow.waiting|03453}) for their
     * districts and the region ({@code 034}), the non-zero ones only, as {@link #figures} reads them.
     */
    public synchronized Map<String, Long> expected() {
        return new TreeMap<>(expected);
    }

    /** The figures {@link #expected()} names, as a dashboard answered them: every non-zero one of every area. */
    public static Map<String, Long> figures(JsonNode report) {
        Map<String, Long> figures = new TreeMap<>();
        List<JsonNode> areas = new ArrayList<>();
        areas.add(report.get("region"));
        report.get("districts").forEach(areas::add);
        for (JsonNode area : areas) {
            String ags = area.get("district").asString();
            put(figures, ags, "access.waitingTimeCases", area.at("/access/waitingTimeCases"));
            put(figures, ags, "access.accessTimeCases", area.at("/access/accessTimeCases"));
            put(figures, ags, "waitingNow.waiting", area.at("/waitingNow/waiting"));
            put(figures, ags, "waitingNow.noStartAfter2Years", area.at("/waitingNow/noStartAfter2Years"));
            JsonNode gaps = area.get("fundingGaps");
            for (String name : List.of("wentOn", "gaps", "open")) {
                put(figures, ags, "fundingGaps." + name, gaps.get(name));
            }
            gaps.get("bySource").properties().forEach(source -> {
                for (String name : List.of("wentOn", "gaps", "open")) {
                    put(figures, ags, "fundingGaps.bySource." + source.getKey() + "." + name, source.getValue().get(name));
                }
            });
            gaps.get("flow").properties().forEach(from -> from.getValue().properties().forEach(to ->
                    put(figures, ags, "fundingGaps.flow." + from.getKey() + "." + to.getKey(), to.getValue())));
        }
        return figures;
    }

    /** The answer's {@code access}, {@code waitingNow} and {@code fundingGaps} of every area, to compare whole. */
    public static JsonNode chainObjects(JsonNode report) {
        ObjectNode all = ReadApi.JSON.createObjectNode();
        List<JsonNode> areas = new ArrayList<>();
        areas.add(report.get("region"));
        report.get("districts").forEach(areas::add);
        for (JsonNode area : areas) {
            ObjectNode three = all.putObject(area.get("district").asString());
            for (String name : List.of("access", "waitingNow", "fundingGaps")) {
                three.set(name, area.get(name));
            }
        }
        return all;
    }

    /**
     * One story as the NDJSON lines a provider posts to ingest (contract v2, participantRef for the
     * participant), each ending in a newline.
     */
    public static String ndjson(List<IntegrationEvent> story) {
        StringBuilder lines = new StringBuilder();
        for (IntegrationEvent e : story) {
            ObjectNode line = ReadApi.JSON.createObjectNode();
            line.put("eventId", e.eventId().toString());
            line.put("type", e.type().name());
            line.put("occurredOn", e.occurredOn().toString());
            line.put("district", e.district().ags());
            line.put("participantRef", e.participant());
            if (e.courseType() != null) {
                line.put("courseType", e.courseType().name());
            }
            if (e.outcome() != null) {
                line.put("outcome", e.outcome().name());
            }
            if (e.placementType() != null) {
                line.put("placementType", e.placementType().name());
            }
            if (e.fundingSource() != null) {
                line.put("fundingSource", e.fundingSource().name());
            }
            if (e.entitlement() != null) {
                line.put("entitlement", e.entitlement().name());
                line.put("issuer", e.issuer().name());
            }
            lines.append(line).append('\n');
        }
        return lines.toString();
    }

    private void wentOn(District district, FundingSource source, String next) {
        count(district, "fundingGaps.wentOn");
        count(district, "fundingGaps.bySource." + source + ".wentOn");
        count(district, "fundingGaps.flow." + source + "." + next);
    }

    private void count(District district, String figure) {
        expected.merge(figure + "|" + district.ags(), 1L, Long::sum);
        expected.merge(figure + "|034", 1L, Long::sum);
    }

    private static void put(Map<String, Long> figures, String ags, String figure, JsonNode value) {
        if (value != null && value.isNumber() && value.asLong() > 0) {
            figures.put(figure + "|" + ags, value.asLong());
        }
    }

    /**
     * A new eventId, name-based on the participant and a running number: never one of the eventIds a test
     * draws for its own events from a {@link Random} (one of the same seed would draw the stories' ids, and
     * the engine would rightly count only one of two events under one eventId).
     */
    private UUID id(String who) {
        return UUID.nameUUIDFromBytes((who + "#" + ids++).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private IntegrationEvent entitlement(LocalDate day, District district, String who) {
        return new IntegrationEvent(id(who), EventType.ENTITLEMENT, day, district, who, null, null, null, null, null,
                null, null, null, null, Entitlement.ENTITLED, Issuer.JOBCENTER, null, "it", Instant.now());
    }

    private IntegrationEvent course(EventType type, LocalDate day, District district, String who, CourseType course,
                                    FundingSource source) {
        return new IntegrationEvent(id(who), type, day, district, who, course, null, null, null, null, null, null,
                source, null, "it", Instant.now());
    }

    private IntegrationEvent completion(LocalDate day, District district, String who, FundingSource source) {
        return new IntegrationEvent(id(who), EventType.COURSE_COMPLETION, day, district, who, CourseType.JOB_LANGUAGE_COURSE,
                Outcome.PASSED, null, null, null, null, null, source, null, "it", Instant.now());
    }
}
