package de.weserems.integration.dashboard.indicators.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.weserems.integration.dashboard.indicators.model.FundingFlow;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Funding gaps (Förderlücken) of one area over a period (docs/design.md, "Funding gaps"), counted in the
 * district and month of the completion; as the read API returns them under {@code fundingGaps}. A completion
 * (passed or failed, with a participant) went on when a next enrolment came 1–90 days or a placement 0–90 days
 * after it; one whose 90 days have ended without either is a gap; one whose 90 days have not ended is open
 * and in neither. Every count is published on its own; a rate derives from two published counts.
 *
 * @param wentOn   completions whose 90 days have ended and that went on
 * @param gaps     completions whose 90 days have ended without a next measure or placement
 * @param gapRate  {@code gaps / (gaps + wentOn)}
 * @param open     completions whose 90 days have not ended yet
 * @param bySource the same per funding source of the completed measure, {@code NOT_STATED} last
 * @param flow     funding source of the completed measure → what came next (the next enrolment's funding
 *                 source, {@code NOT_STATED}, or {@code PLACEMENT}) → completions whose 90 days have ended
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FundingGapFigures(Long wentOn, Long gaps, BigDecimal gapRate, Long open, Map<String, Gaps> bySource,
                                Map<String, Map<String, Long>> flow) {

    /** The gaps of one funding source. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Gaps(Long wentOn, Long gaps, BigDecimal gapRate, Long open) {
    }

    /** Every figure {@code null}, in the same shape: for a district without reports. */
    static final FundingGapFigures NOT_REPORTED = notReported();

    private static FundingGapFigures notReported() {
        Map<String, Gaps> bySource = new LinkedHashMap<>();
        Map<String, Map<String, Long>> flow = new LinkedHashMap<>();
        for (int before : FundingFlow.sourceBuckets()) {
            bySource.put(FundingFlow.name(before), new Gaps(null, null, null, null));
            Map<String, Long> next = new LinkedHashMap<>();
            for (int after : FundingFlow.afterBuckets()) {
                next.put(FundingFlow.name(after), null);
            }
            flow.put(FundingFlow.name(before), next);
        }
        return new FundingGapFigures(null, null, null, null, bySource, flow);
    }

    static FundingGapFigures publish(Confidentiality rules, FundingSums s, FundingSums keys, List<String> withheld) {
        Map<String, Gaps> bySource = new LinkedHashMap<>();
        Map<String, Map<String, Long>> flow = new LinkedHashMap<>();
        long[] sum = new long[3];
        long[] sumKeys = new long[3];
        for (int before : FundingFlow.sourceBuckets()) {
            long[] n = {s.wentOn(before), s.ended[before] - s.wentOn(before), s.open[before]};
            long[] k = {keys.wentOn(before), keys.ended[before] - keys.wentOn(before), keys.open[before]};
            for (int i = 0; i < n.length; i++) {
                sum[i] += n[i];
                sumKeys[i] += k[i];
            }
            String name = FundingFlow.name(before);
            bySource.put(name, gaps(rules, n, k, "fundingGaps.bySource." + name + ".gapRate", withheld));
            Map<String, Long> next = new LinkedHashMap<>();
            for (int after : FundingFlow.afterBuckets()) {
                next.put(FundingFlow.name(after), rules.publish(s.next[before][after], keys.next[before][after]));
            }
            flow.put(name, next);
        }
        Gaps total = gaps(rules, sum, sumKeys, "fundingGaps.gapRate", withheld);
        return new FundingGapFigures(total.wentOn(), total.gaps(), total.gapRate(), total.open(), bySource, flow);
    }

    private static Gaps gaps(Confidentiality rules, long[] n, long[] keys, String rateName, List<String> withheld) {
        long wentOn = rules.publish(n[0], keys[0]);
        long gaps = rules.publish(n[1], keys[1]);
        return new Gaps(wentOn, gaps, Shown.rate(rules, gaps, wentOn, rateName, withheld), rules.publish(n[2], keys[2]));
    }
}
