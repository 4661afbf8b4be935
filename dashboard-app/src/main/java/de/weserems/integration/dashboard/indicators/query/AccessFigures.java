package de.weserems.integration.dashboard.indicators.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * Access and waiting in one area over a period, in BAMF's definitions (docs/design.md, "Access and waiting"),
 * counted in the district and month of the course start; as the read API returns them under {@code access}.
 * Cases are published counts, shares derive from published counts, medians need enough cases.
 *
 * @param waitingTimeCases      course starts after an enrolment in the same course type
 * @param medianWaitingTime     median days from the participant's latest enrolment to the start
 * @param waitingTimeOver6Weeks share of those starts that came more than 42 days after the enrolment
 * @param accessTimeCases       first integration-course starts after an entitlement
 * @param medianAccessTime      median days from the participant's first entitlement to that start
 * @param accessTimeOver6Weeks  share of those starts that came more than 42 days after the entitlement
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AccessFigures(Long waitingTimeCases, BigDecimal medianWaitingTime, BigDecimal waitingTimeOver6Weeks,
                            Long accessTimeCases, BigDecimal medianAccessTime, BigDecimal accessTimeOver6Weeks) {

    /** BAMF's own target: a course should start within 6 weeks. */
    public static final int SIX_WEEKS_DAYS = 42;

    static final AccessFigures NOT_REPORTED = new AccessFigures(null, null, null, null, null, null);

    static AccessFigures publish(Confidentiality rules, ChainSums s, ChainSums keys, List<String> withheld) {
        Shown.Share waiting = Shown.above(rules, s.waitingTime, keys.waitingTime, SIX_WEEKS_DAYS,
                "access.waitingTimeOver6Weeks", withheld);
        Shown.Share access = Shown.above(rules, s.accessTime, keys.accessTime, SIX_WEEKS_DAYS,
                "access.accessTimeOver6Weeks", withheld);
        return new AccessFigures(waiting.cases(),
                Shown.median(rules, s.waitingTime, keys.waitingTime, "access.medianWaitingTime", withheld), waiting.share(),
                access.cases(), Shown.median(rules, s.accessTime, keys.accessTime, "access.medianAccessTime", withheld),
                access.share());
    }
}
