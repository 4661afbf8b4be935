package de.weserems.integration.dashboard.upload.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import de.weserems.integration.browserless.ServicesInstantiatorFactory;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.live.Alerts;
import de.weserems.integration.dashboard.base.live.DataFlowStatus;
import de.weserems.integration.dashboard.base.security.OidcLogin;
import de.weserems.integration.dashboard.base.security.OidcLoginTestAccess;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.deliveries.ProviderActivityTestAccess;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import de.weserems.integration.dashboard.upload.IngestClient;
import de.weserems.integration.dashboard.upload.IngestSettings;
import de.weserems.integration.dashboard.upload.StubIngest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The upload page against a stub standing in for ingest: what ingest receives (the bytes as they are, the
 * service credential, the provider id, the charset, the language) and what the user sees of the answer.
 */
class UploadViewTest extends ViewTestBase {

    private static final String KEY = "test-service-key-0123456789abcdef0123";
    private static final String GOOD = "eventId;type;occurredOn;district;participantRef;courseType\r\n"
            + "6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6;COURSE_ENROLMENT;2026-11-20;03454;tn-4711;INTEGRATION_COURSE\r\n"
            + "0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11;COURSE_ENROLMENT;2026-11-21;3403;tn-4712;INTEGRATION_COURSE\r\n";

    private final StubIngest ingest = new StubIngest();

    UploadViewTest() {
        use(ingest.baseUrl());
    }

    private void use(URI baseUrl) {
        ServicesInstantiatorFactory.use(Map.of(IndicatorReadModel.class, model, DashboardProperties.class, properties,
                IndicatorQueries.class, queries, ProviderActivity.class, activity, DataFlowStatus.class, dataFlow,
                Alerts.class, Alerts.NONE, OidcLogin.class, OidcLoginTestAccess.none(),
                IngestClient.class, new IngestClient(new IngestSettings(baseUrl, KEY, Duration.ofSeconds(2),
                        Duration.ofSeconds(10)), new MockEnvironment()),
                Clock.class, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        ingest.close();
        SecurityContextHolder.clearContext();
    }

    private static void loginAs(String name, String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(name, null, authorities));
    }

    private UploadView openAsProvider() {
        loginAs("anbieter", "ROLE_PROVIDER", "PROVIDER_ID:demo");
        return open(UploadView.class, "");
    }

    @Test
    void a_dry_run_hands_ingest_the_bytes_with_the_service_credential_and_shows_its_problems_row_by_row() {
        ingest.problem(422, """
                {"type":"https://weserems.de/problems/invalid-events","title":"Ungültige Ereignisse","status":422,
                 "detail":"1 von 2 Ereignissen ist ungültig. Es wurde nichts gespeichert.",
                 "invalid":[{"index":1,"line":3,"eventId":"0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11","errors":[
                   {"field":"district","rule":"INVALID_VALUE","reason":"kein Landkreis in Weser-Ems"},
                   {"field":"occurredOn","rule":"INVALID_DATE","reason":"kein Datum im Format JJJJ-MM-TT"}]}],
                 "invalidNotListed":0}""");
        UploadView view = openAsProvider();
        byte[] bytes = GOOD.getBytes(StandardCharsets.UTF_8);
        view.received("teilnehmende.csv", bytes);
        waitForAnswer(view);

        StubIngest.Request sent = ingest.requests().getFirst();
        assertThat(sent.path()).isEqualTo("/api/v1/events");
        assertThat(sent.query()).isEqualTo("dryRun=true");
        assertThat(sent.body()).isEqualTo(bytes);
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(sent.header("X-Provider-Id")).isEqualTo("demo");
        assertThat(sent.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(sent.header("Accept-Language")).isEqualTo("de-DE");

        @SuppressWarnings("unchecked")
        Grid<IngestClient.Problem> grid = (Grid<IngestClient.Problem>) $(Grid.class, view).withId("upload-problems")
                .single();
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("3");
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("district");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("kein Landkreis in Weser-Ems");
        assertThat(test(grid).getCellText(1, 1)).isEqualTo("occurredOn");
        assertThat(result(view)).isEqualTo("In 1 Zeilen ist etwas falsch. Es wurde nichts gespeichert. Bitte "
                + "korrigieren Sie die Datei und laden Sie sie erneut hoch.");
        assertThat($(Button.class, view).withId("upload-submit").exists()).as("nothing to submit while the file has errors")
                .isFalse();
        assertThat(view.getElement().getOuterHTML()).as("the key never reaches the browser").doesNotContain(KEY);
    }

    @Test
    void a_file_that_passes_is_submitted_for_real_and_the_answer_says_how_many_were_stored() {
        ingest.accepts(2).accepts(2);
        UploadView view = openAsProvider();
        view.received("teilnehmende.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        waitForAnswer(view);
        assertThat(result(view)).isEqualTo("Prüfung bestanden: 2 Ereignisse sind in Ordnung. Jetzt übermitteln?");
        assertThat(submitButton(view).isVisible()).isTrue();

        test(submitButton(view)).click();
        waitForAnswer(view);
        assertThat(result(view)).isEqualTo("Übermittelt: 2 Ereignisse gespeichert.");
        assertThat(ingest.requests()).hasSize(2);
        assertThat(ingest.requests().get(1).query()).as("the submission is no dry run").isNull();
        assertThat(ingest.requests().get(1).body()).isEqualTo(GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat($(Paragraph.class, view).withId("upload-retract-info").single().getText())
                .startsWith("Zuletzt übermittelt: „teilnehmende.csv“ mit 2 Ereignissen");
    }

    @Test
    void retracting_the_file_sends_one_retraction_per_event_naming_it_and_its_district() {
        ingest.accepts(2).accepts(2).accepts(2);
        UploadView view = openAsProvider();
        view.received("teilnehmende.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        waitForAnswer(view);
        test(submitButton(view)).click();
        waitForAnswer(view);
        Button retract = $(Button.class, view).withId("upload-retract").single();
        assertThat(retract.isVisible()).isTrue();

        test(retract).click();
        waitForAnswer(view);
        StubIngest.Request retraction = ingest.requests().get(2);
        assertThat(retraction.header("Content-Type")).isEqualTo("application/json");
        assertThat(retraction.header("X-Provider-Id")).isEqualTo("demo");
        assertThat(retraction.query()).isNull();
        assertThat(retraction.text()).contains("\"type\":\"RETRACTION\"")
                .contains("\"retracts\":\"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6\"")
                .contains("\"retracts\":\"0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11\"")
                .contains("\"district\":\"03454\"").contains("\"district\":\"03403\"")
                .contains("\"occurredOn\":\"2026-11-25\"");
        assertThat(result(view)).isEqualTo("Zurückgezogen: 2 Rücknahmen für „teilnehmende.csv“ gespeichert.");
        assertThat($(Button.class, view).withId("upload-retract").exists()).as("a file is retracted once").isFalse();
    }

    @Test
    void excels_windows_csv_goes_with_its_charset_and_english_users_get_ingests_english_texts() {
        ingest.accepts(1);
        UploadView view = openAsProvider();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Charset> charset = $(RadioButtonGroup.class, view).withId("upload-charset").single();
        charset.setValue(UploadView.WINDOWS_1252);
        byte[] bytes = GOOD.replace("tn-4711", "tn-Müller").getBytes(UploadView.WINDOWS_1252);
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        view.received("export.csv", bytes);
        waitForAnswer(view);
        StubIngest.Request sent = ingest.requests().getFirst();
        assertThat(sent.header("Content-Type")).isEqualTo("text/csv;charset=windows-1252");
        assertThat(sent.body()).as("the bytes as they are, not re-encoded").isEqualTo(bytes);
        assertThat(sent.header("Accept-Language")).isEqualTo("en");
    }

    @Test
    void an_xlsx_file_goes_with_the_spreadsheet_type() {
        ingest.accepts(0);
        UploadView view = openAsProvider();
        view.received("Export.XLSX", new byte[] {'P', 'K', 3, 4});
        waitForAnswer(view);
        assertThat(ingest.requests().getFirst().header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void ingest_down_gives_a_plain_german_message() {
        ingest.close();
        UploadView view = openAsProvider();
        view.received("teilnehmende.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        waitForAnswer(view);
        assertThat(result(view)).isEqualTo("Der Annahmedienst ist gerade nicht erreichbar. Es wurde nichts "
                + "gespeichert; bitte versuchen Sie es in einigen Minuten noch einmal.");
        assertThat($(Button.class, view).withId("upload-submit").exists()).isFalse();
    }

    @Test
    void a_refusal_without_rows_shows_ingests_title_and_detail() {
        ingest.problem(403, """
                {"title":"Landkreis nicht erlaubt","status":403,"detail":"Dieser Lieferant darf für 03401 nicht melden."}""");
        UploadView view = openAsProvider();
        view.received("teilnehmende.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        waitForAnswer(view);
        assertThat(result(view)).isEqualTo("Die Datei wurde abgelehnt (Status 403): Landkreis nicht erlaubt – "
                + "Dieser Lieferant darf für 03401 nicht melden.");
        assertThat($(Grid.class, view).withId("upload-problems").exists()).isFalse();
    }

    @Test
    void an_admin_uploads_for_the_provider_it_picks_and_must_pick_one() {
        ProviderActivityTestAccess.store(activity, "vhs-leer", "2026-11-20T10:00:00Z", Map.of("03457", 3));
        ingest.accepts(2);
        loginAs("admin", "ROLE_ADMIN", "ROLE_VIEWER");
        UploadView view = open(UploadView.class, "");
        view.received("teilnehmende.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(result(view)).isEqualTo("Bitte zuerst den Datenlieferanten wählen, für den die Datei geliefert wird.");
        assertThat(ingest.requests()).isEmpty();

        @SuppressWarnings("unchecked")
        ComboBox<String> provider = $(ComboBox.class, view).withId("upload-provider").single();
        assertThat(test(provider).getSuggestions()).containsExactly("vhs-leer");
        provider.setValue("vhs-leer");
        view.received("teilnehmende.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        waitForAnswer(view);
        assertThat(ingest.requests().getFirst().header("X-Provider-Id")).isEqualTo("vhs-leer");
    }

    @Test
    void providers_and_admins_may_open_it_viewers_may_not() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Principal someone = () -> "user";
        assertThat(checker.hasAccess(UploadView.class, someone, Set.of("PROVIDER")::contains)).isTrue();
        assertThat(checker.hasAccess(UploadView.class, someone, Set.of("ADMIN", "VIEWER")::contains)).isTrue();
        assertThat(checker.hasAccess(UploadView.class, someone, Set.of("VIEWER", "STATISTICS")::contains)).isFalse();
    }

    @Test
    void the_local_service_key_is_refused_outside_the_local_profile() {
        IngestSettings local = new IngestSettings(ingest.baseUrl(), IngestSettings.LOCAL_SERVICE_KEY,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThatThrownBy(() -> new IngestClient(local, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only allowed with the Spring profile 'local'");
        MockEnvironment localProfile = new MockEnvironment();
        localProfile.setActiveProfiles("local");
        assertThat(new IngestClient(local, localProfile).configured()).isTrue();
    }

    @Test
    void without_an_ingest_address_the_page_says_uploading_is_not_set_up() {
        use(null);
        UploadView view = openAsProvider();
        assertThat(result(view)).isEqualTo("Das Hochladen ist auf diesem Server nicht eingerichtet. Bitte wenden Sie "
                + "sich an die Betreiber.");
    }

    private Button submitButton(UploadView view) {
        return $(Button.class, view).withId("upload-submit").single();
    }

    private String result(UploadView view) {
        return $(Paragraph.class, view).withId("upload-result").single().getText();
    }

    /** Until ingest's answer arrived by server push (the page asks ingest off the UI thread). */
    private void waitForAnswer(UploadView view) {
        await().atMost(Duration.ofSeconds(15)).pollInSameThread().pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> {
                    VaadinService.getCurrent().runPendingAccessTasks(VaadinSession.getCurrent());
                    roundTrip();
                    assertThat(result(view)).isNotEqualTo(view.getTranslation("upload.working"));
                });
    }
}
