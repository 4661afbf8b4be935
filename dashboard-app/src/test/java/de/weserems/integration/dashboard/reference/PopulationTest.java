package de.weserems.integration.dashboard.reference;

import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PopulationTest {

    @TempDir
    Path dir;

    @Test
    void the_built_in_figures_are_destatis_2018_and_sum_to_the_region() {
        Population p = Population.reference2018();
        assertThat(p.of(District.WITTMUND)).isEqualTo(56_882);
        assertThat(p.region()).isEqualTo(2_525_333);
        assertThat(p.source().credit()).isEqualTo("© Statistisches Bundesamt (Destatis), 2019");
    }

    @Test
    void an_operators_file_replaces_them_and_every_per_10k_figure_follows() throws IOException {
        // every district with exactly 100,000 residents: per 10,000 = count / 10
        Path file = write("\uFEFFags;residents\n# Zensus 2022\n" + Arrays.stream(District.values())
                .map(d -> d.ags() + ";100.000").collect(Collectors.joining("\n")) + "\n");
        Population p = Population.load(file, new Population.Source("Zensus 2022", "© LSN"));
        assertThat(p.region()).isEqualTo(1_700_000);

        var model = TestReadModels.empty();
        for (int i = 0; i < 25; i++) {
            TestReadModels.count(model, new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT,
                    LocalDate.of(2026, 1, 5), District.EMSLAND, null, CourseType.INTEGRATION_COURSE, null, null, null,
                    "t", Instant.now()));
        }
        IndicatorQueries queries = new IndicatorQueries(model,
                new de.weserems.integration.dashboard.DashboardProperties(false,
                        new de.weserems.integration.dashboard.DashboardProperties.Confidentiality(3, 10, null, 3, 1.0),
                        new de.weserems.integration.dashboard.DashboardProperties.Kafka(3, (short) 1, 1), java.util.List.of(),
                        java.time.Duration.ofSeconds(1)),
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), p);
        IndicatorReport report = queries.report(YearMonth.of(2026, 1), YearMonth.of(2026, 1), Set.of(District.EMSLAND), null,
                true);
        assertThat(report.districts().getFirst().population()).isEqualTo(100_000);
        assertThat(report.districts().getFirst().per10k().get("enrolments")).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(report.region().population()).isEqualTo(1_700_000);
    }

    @Test
    void a_broken_file_is_refused_with_every_problem_named() throws IOException {
        Path file = write("ags,residents\n03454,abc\n09162,5\n03457,-1\n03401,1,2\n");
        assertThatThrownBy(() -> Population.load(file, Population.DESTATIS_2018))
                .hasMessageContaining("line 2: 'abc' is not a whole number")
                .hasMessageContaining("line 3: 09162 is not a district of Weser-Ems")
                .hasMessageContaining("line 4: residents must be positive")
                .hasMessageContaining("line 5: expected 2 cells, found 3")
                .hasMessageContaining("no row for 03462 (Wittmund)");
        assertThatThrownBy(() -> Population.load(write("kreis;einwohner\n"), Population.DESTATIS_2018))
                .hasMessageContaining("the header must be 'ags;residents'");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("population-" + UUID.randomUUID() + ".csv");
        Files.writeString(file, text);
        return file;
    }

}
