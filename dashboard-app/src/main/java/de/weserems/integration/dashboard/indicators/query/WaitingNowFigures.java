package de.weserems.integration.dashboard.indicators.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * Who is waiting in one area today, whatever the period asked (docs/design.md, "Access and waiting"); as the
 * read API returns it under {@code waitingNow}. A participant waits from the earliest entitlement or enrolment
 * that no course start has followed, in that report's district.
 *
 * @param waiting            participants waiting for at most 2 years, published
 * @param medianDaysWaited   median days they have waited until today
 * @param over6Weeks         share of them waiting for more than 42 days
 * @param noStartAfter2Years participants whose wait began more than 2 years ago without a course start
 *                           ("ohne Kursbeginn nach 2 Jahren"), published; no longer in {@code waiting}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WaitingNowFigures(Long waiting, BigDecimal medianDaysWaited, BigDecimal over6Weeks,
                                Long noStartAfter2Years) {

    static final WaitingNowFigures NOT_REPORTED = new WaitingNowFigures(null, null, null, null);

    static WaitingNowFigures publish(Confidentiality rules, WaitingSums s, WaitingSums keys, List<String> withheld) {
        Shown.Share waiting = Shown.above(rules, s.daysWaited, keys.daysWaited, AccessFigures.SIX_WEEKS_DAYS,
                "waitingNow.over6Weeks", withheld);
        return new WaitingNowFigures(waiting.cases(),
                Shown.median(rules, s.daysWaited, keys.daysWaited, "waitingNow.medianDaysWaited", withheld), waiting.share(),
                rules.publish(s.noStartAfter2Years, keys.noStartAfter2Years));
    }
}
