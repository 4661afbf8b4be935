package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.router.QueryParameters;
import de.weserems.integration.dashboard.indicators.ui.Indicator.Mode;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every view shows, kept in the URL's query parameters so that a link reproduces a view and
 * back/forward step through earlier ones:
 * {@code ?from=2025-12&to=2026-11&kurs=INTEGRATION_COURSE&indikator=enrolments&modus=je10000&kreise=03454,03457}.
 * Parameters that cannot be read fall back to the defaults rather than failing the page.
 *
 * @param courseType only this course type, or {@code null} for all
 * @param districts  the chosen districts (compare view), in the order chosen
 */
record ViewState(YearMonth from, YearMonth to, CourseType courseType, Indicator indicator, Mode mode,
                 List<District> districts) {

    /** The first month any event may fall in (the event contract's lower bound). */
    static final YearMonth FIRST = YearMonth.of(2015, 1);

    ViewState {
        mode = indicator.modeFor(mode);
        districts = List.copyOf(districts);
    }

    /** The default view: the period {@code defaults} (from, to), all course types, enrolments per 10,000. */
    static ViewState defaults(YearMonth[] defaults) {
        return new ViewState(defaults[0], defaults[1], null, Indicator.ENROLMENTS, Mode.PER_10K, List.of());
    }

    /** Reads the state from {@code query}; {@code defaults[1]} is the current month, the latest one allowed. */
    static ViewState of(QueryParameters query, YearMonth[] defaults) {
        Map<String, List<String>> p = query.getParameters();
        ViewState d = defaults(defaults);
        YearMonth now = defaults[1];
        YearMonth from = month(p, "from").filter(m -> !m.isBefore(FIRST) && !m.isAfter(now)).orElse(d.from);
        YearMonth to = month(p, "to").filter(m -> !m.isBefore(FIRST) && !m.isAfter(now)).orElse(d.to);
        if (to.isBefore(from)) {
            from = d.from;
            to = d.to;
        }
        CourseType course = first(p, "kurs").flatMap(ViewState::courseType).orElse(null);
        Indicator indicator = first(p, "indikator").flatMap(Indicator::byKey).orElse(d.indicator);
        Mode mode = first(p, "modus").flatMap(Mode::byParam).orElse(d.mode);
        Set<District> districts = new LinkedHashSet<>();
        first(p, "kreise").ifPresent(list -> Arrays.stream(list.split(","))
                .map(String::trim).map(District::byAgs).flatMap(Optional::stream).forEach(districts::add));
        return new ViewState(from, to, course, indicator, mode, new ArrayList<>(districts));
    }

    /** The state as query parameters; the defaults' parameters too, so a shared link does not depend on today's defaults. */
    QueryParameters toQuery() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("from", from.toString());
        p.put("to", to.toString());
        if (courseType != null) {
            p.put("kurs", courseType.name());
        }
        p.put("indikator", indicator.key());
        p.put("modus", mode.param());
        if (!districts.isEmpty()) {
            p.put("kreise", districts.stream().map(District::ags).collect(Collectors.joining(",")));
        }
        return QueryParameters.simple(p);
    }

    ViewState withPeriod(YearMonth newFrom, YearMonth newTo) {
        return new ViewState(newFrom, newTo, courseType, indicator, mode, districts);
    }

    ViewState withCourseType(CourseType type) {
        return new ViewState(from, to, type, indicator, mode, districts);
    }

    ViewState withIndicator(Indicator newIndicator) {
        return new ViewState(from, to, courseType, newIndicator, mode, districts);
    }

    ViewState withMode(Mode newMode) {
        return new ViewState(from, to, courseType, indicator, newMode, districts);
    }

    ViewState withDistricts(List<District> newDistricts) {
        return new ViewState(from, to, courseType, indicator, mode, newDistricts);
    }

    /** The period of equal length just before this one: {@code [from, to]}. */
    YearMonth[] previousPeriod() {
        long months = from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
        return new YearMonth[]{from.minusMonths(months), from.minusMonths(1)};
    }

    private static Optional<String> first(Map<String, List<String>> p, String name) {
        List<String> values = p.get(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank()
                ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static Optional<YearMonth> month(Map<String, List<String>> p, String name) {
        try {
            return first(p, name).map(YearMonth::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<CourseType> courseType(String name) {
        return Arrays.stream(CourseType.values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
