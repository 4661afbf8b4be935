package de.weserems.integration.dashboard.reference;

import de.weserems.integration.events.District;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The operator's file of residents of foreign nationality: read whole, or refused with every problem named in German. */
class ForeignResidentsTest {

    private static final String SOURCE = "Statistisches Bundesamt, GENESIS 12521-0040; Ausländerzentralregister";

    @TempDir
    Path dir;

    @Test
    void a_good_file_gives_every_district_the_region_as_their_sum_and_the_year_and_source() throws IOException {
        // German thousands separators, a comment, a quoted source with a ';' in it, Excel's byte order mark
        Path file = write("\uFEFFags;year;foreignResidents;source\n# Stand 31.12.2024\n" + rows(d -> d == District.CLOPPENBURG
                ? "18.105" : "1000", "2024", "\"" + SOURCE + "\""));
        ForeignResidents foreign = ForeignResidents.load(file);

        assertThat(foreign.available()).isTrue();
        assertThat(foreign.of(District.CLOPPENBURG)).isEqualTo(18_105);
        assertThat(foreign.of(District.WITTMUND)).isEqualTo(1_000);
        assertThat(foreign.region()).isEqualTo(18_105 + 16 * 1_000);
        assertThat(foreign.reference()).isEqualTo(new ForeignResidents.Reference(2024, SOURCE));
    }

    @Test
    void a_missing_district_is_named_with_its_code_and_name() throws IOException {
        Path file = write(ForeignResidents.HEADER + "\n" + rows(d -> "1000", "2024", SOURCE)
                .replaceAll("(?m)^03462;.*\n", ""));
        assertThatThrownBy(() -> ForeignResidents.load(file))
                .hasMessageStartingWith("Die Datei der ausländischen Bevölkerung " + file)
                .hasMessageContaining("(dashboard.reference.foreign-residents-file) ist nicht verwendbar")
                .hasMessageContaining("es fehlt die Zeile für 03462 (Wittmund)")
                .hasMessageNotContaining("03461");
    }

    @Test
    void a_bad_number_names_its_line_and_field_and_its_district_is_not_called_missing() throws IOException {
        // line 1 the header, so Emden (the second district) stands on line 3
        Path file = write(ForeignResidents.HEADER + "\n" + rows(d -> d == District.EMDEN ? "viele" : "1000",
                "2024", SOURCE));
        assertThatThrownBy(() -> ForeignResidents.load(file))
                .hasMessageContaining("Zeile 3, Feld foreignResidents: 'viele' ist keine positive ganze Zahl")
                .hasMessageNotContaining("es fehlt");
    }

    @Test
    void a_wrong_header_is_refused_on_line_1() throws IOException {
        Path file = write("ags;residents\n" + rows(d -> "1000", "2024", SOURCE));
        assertThatThrownBy(() -> ForeignResidents.load(file))
                .hasMessageContaining("Zeile 1: die Kopfzeile muss 'ags;year;foreignResidents;source' lauten, "
                        + "nicht 'ags;residents'");
    }

    @Test
    void every_district_must_come_from_the_same_year_and_source_and_be_a_district_of_weser_ems() throws IOException {
        String good = rows(d -> "1000", "2024", SOURCE);
        Path file = write(ForeignResidents.HEADER + "\n" + good
                .replace("03405;2024;1000;" + SOURCE, "03405;2023;1000;" + SOURCE)
                .replace("03451;2024;1000;" + SOURCE, "03451;2024;1000;Zensus 2022")
                .replace("03452;2024;1000;" + SOURCE, "03452;2024;1000;")
                + "03101;2024;1000;" + SOURCE + "\n");
        assertThatThrownBy(() -> ForeignResidents.load(file))
                .hasMessageContaining("Zeile 6, Feld year: 2023 weicht vom Jahr der ersten Zeile ab (2024)")
                .hasMessageContaining("Zeile 7, Feld source: 'Zensus 2022' weicht von der Quelle der ersten Zeile ab")
                .hasMessageContaining("Zeile 8, Feld source: die Quelle fehlt")
                .hasMessageContaining("Zeile 19, Feld ags: '03101' ist kein Kreis in Weser-Ems");
    }

    @Test
    void a_file_that_is_not_there_stops_the_start_with_a_german_message() {
        assertThatThrownBy(() -> ForeignResidents.load(dir.resolve("fehlt.csv")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("die Datei fehlt oder ist nicht lesbar.");
    }

    @Test
    void a_broken_file_stops_the_start_with_its_problems_instead_of_a_stack_trace() throws IOException {
        Path file = write("ags;residents\n");
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ReferenceConfig.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties("dashboard.reference.foreign-residents-file=" + file).run().close());
        assertThat(failure).isNotNull();

        List<FailureAnalyzer> registered = SpringFactoriesLoader.forDefaultResourceLocation()
                // only the analyzers that need nothing injected; Boot's others are not the subject here
                .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(), (type, name, e) -> { });
        FailureAnalysis analysis = registered.stream().filter(ReferenceFileFailureAnalyzer.class::isInstance)
                .findFirst().orElseThrow().analyze(failure);
        assertThat(analysis.getDescription()).startsWith("Die Datei der ausländischen Bevölkerung " + file)
                .contains("Zeile 1: die Kopfzeile muss");
        assertThat(analysis.getAction()).contains("dashboard.reference.foreign-residents-file entfernen");
    }

    @Test
    void without_a_configured_file_the_figures_are_off() throws IOException {
        ReferenceConfig config = new ReferenceConfig();
        assertThat(config.foreignResidents(new ReferenceConfig.ReferenceProperties(null, null, null, null)))
                .isSameAs(ForeignResidents.NONE);
        assertThat(config.foreignResidents(new ReferenceConfig.ReferenceProperties(null, null, null, " ")).available())
                .isFalse();
        assertThat(ForeignResidents.NONE.reference()).isNull();
        Path file = write(ForeignResidents.HEADER + "\n" + rows(d -> "2000", "2024", SOURCE));
        assertThat(config.foreignResidents(new ReferenceConfig.ReferenceProperties(null, null, null, file.toString()))
                .region()).isEqualTo(17 * 2_000);
    }

    private static String rows(java.util.function.Function<District, String> count, String year, String source) {
        return Arrays.stream(District.values()).map(d -> d.ags() + ";" + year + ";" + count.apply(d) + ";" + source)
                .collect(Collectors.joining("\n")) + "\n";
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("auslaender.csv"), content);
    }
}
