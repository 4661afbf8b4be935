package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import de.weserems.integration.browserless.ServicesInstantiatorFactory;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.live.DataFlowStatus;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.indicators.generation.CatchUpProgress;
import de.weserems.integration.dashboard.indicators.generation.EngineGeneration;
import de.weserems.integration.dashboard.indicators.generation.EngineProperties;
import de.weserems.integration.dashboard.indicators.generation.GenerationMarkers;
import de.weserems.integration.dashboard.indicators.generation.GenerationProgress;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The admins' Berechnung page: the progress of a generation catching up, in words a person reads. */
class EngineViewTest extends ViewTestBase {

    private static final EngineGeneration V5 = new EngineGeneration("v5");
    private CatchUpProgress progress;

    EngineViewTest() {
        GenerationProgress monitor = new GenerationProgress() {
            @Override
            public EngineGeneration generation() {
                return V5;
            }

            @Override
            public CatchUpProgress progress() {
                return progress;
            }
        };
        ServicesInstantiatorFactory.use(Map.of(IndicatorReadModel.class, model, DashboardProperties.class, properties,
                IndicatorQueries.class, queries, DataFlowStatus.class, dataFlow, ProviderActivity.class, activity,
                GenerationProgress.class, monitor, GenerationMarkers.class, new GenerationMarkers(null, null),
                EngineProperties.class, new EngineProperties("v5", Duration.ofMillis(100), Duration.ofSeconds(5), 1000, Duration.ofSeconds(30),
                        Duration.ofSeconds(5))));
    }

    @Test
    void a_generation_catching_up_shows_processed_of_total_rate_and_time_left() {
        progress = new CatchUpProgress(V5, Instant.now(), 1_200_000, 2_000_000, 0, 30_000, null);
        EngineView view = open(EngineView.class, "");

        assertThat($(Paragraph.class, view).withId("engine-progress").single().getText()).isEqualTo(
                "Holt auf: 1.200.000 von 2.000.000 Datensätzen verarbeitet (60\u00a0%), 30.000 Datensätze je Sekunde, "
                        + "noch etwa 26 s. Sie gilt als aufgeholt, wenn höchstens 1.000 Datensätze 30 s lang offen bleiben.");
        assertThat($(ProgressBar.class, view).withId("engine-progress-bar").single().getValue()).isEqualTo(0.6);
        assertThat($(Paragraph.class, view).withId("engine-serving").single().getText())
                .isEqualTo("Noch hat keine Generation aufgeholt: Die Kennzahlen werden geladen.");
    }

    @Test
    void before_the_first_measurement_it_says_so() {
        EngineView view = open(EngineView.class, "");
        assertThat($(Paragraph.class, view).withId("engine-progress").single().getText())
                .isEqualTo("Der Fortschritt wird gemessen …");
    }

    @Test
    void only_admins_may_open_it() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Principal someone = () -> "user";
        assertThat(checker.hasAccess(EngineView.class, someone, Set.of("ADMIN", "VIEWER")::contains)).isTrue();
        assertThat(checker.hasAccess(EngineView.class, someone, Set.of("VIEWER")::contains)).isFalse();
    }
}
