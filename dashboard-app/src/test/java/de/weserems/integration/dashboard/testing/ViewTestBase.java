package de.weserems.integration.dashboard.testing;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import de.weserems.integration.browserless.ServicesInstantiatorFactory;
import de.weserems.integration.dashboard.base.security.OidcLogin;
import de.weserems.integration.dashboard.base.security.OidcLoginTestAccess;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.deliveries.ProviderActivityTestAccess;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.reference.ForeignResidents;
import de.weserems.integration.dashboard.reference.Population;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.Region;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Views without a browser, reached through the router as a user reaches them (query parameters,
 * route parameters), with the services a view's constructor asks for taken from this test's read
 * model. "Today" is 25 November 2026.
 */
public abstract class ViewTestBase extends BrowserlessTest {

    protected static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    protected final IndicatorReadModel model = startsLoaded() ? TestReadModels.empty() : TestReadModels.loading();
    protected final DashboardProperties properties = new DashboardProperties(true,
            new DashboardProperties.Confidentiality(3, 10, null, 3, 1.0), new DashboardProperties.Kafka(3, (short) 1, 1),
            List.of(), Duration.ofSeconds(1));
    protected final IndicatorQueries queries = new IndicatorQueries(model, properties,
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC), Population.reference2018(),
            foreignResidents());

    /** The residents of foreign nationality an operator supplied: none unless a test supplies them. */
    protected ForeignResidents foreignResidents() {
        return ForeignResidents.NONE;
    }

    /** Kafka as the "data delayed" notice sees it: up unless a test says otherwise. */
    protected final java.util.concurrent.atomic.AtomicBoolean kafkaUp = new java.util.concurrent.atomic.AtomicBoolean(true);
    protected final de.weserems.integration.dashboard.base.live.DataFlowStatus dataFlow =
            new de.weserems.integration.dashboard.base.live.DataFlowStatus(
                    () -> kafkaUp.get() ? org.springframework.boot.health.contributor.Health.up().build()
                            : org.springframework.boot.health.contributor.Health.down().build(),
                    Clock.fixed(TODAY.atTime(9, 30).atZone(Region.ZONE).toInstant(), ZoneOffset.UTC));

    /** What ingest's audit says was delivered: nothing unless a test delivers. */
    protected final ProviderActivity activity = ProviderActivityTestAccess.empty();

    protected ViewTestBase() {
        ServicesInstantiatorFactory.use(Map.of(IndicatorReadModel.class, model,
                DashboardProperties.class, properties, IndicatorQueries.class, queries,
                de.weserems.integration.dashboard.base.live.DataFlowStatus.class, dataFlow,
                ProviderActivity.class, activity,
                de.weserems.integration.dashboard.base.live.Alerts.class, de.weserems.integration.dashboard.base.live.Alerts.NONE,
                OidcLogin.class, OidcLoginTestAccess.none()));
    }

    /** Whether the read model has read the indicator topic when the test starts (an instance up for a while). */
    protected boolean startsLoaded() {
        return true;
    }

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(ServicesInstantiatorFactory.class);
    }

    @BeforeEach
    protected void german() {
        UI.getCurrent().setLocale(Locale.GERMANY);
    }

    /** Navigates to {@code view} with the URL query {@code query} ({@code a=1&b=2}), as a link would. */
    protected <T extends Component> T open(Class<T> view, String query) {
        UI.getCurrent().navigate(view, QueryParameters.fromString(query));
        return view.cast(getCurrentView());
    }

    protected void enrol(District district, int times, LocalDate on, CourseType type) {
        for (int i = 0; i < times; i++) {
            count(EventType.COURSE_ENROLMENT, district, on, type, null, null);
        }
    }

    protected void enrol(District district, int times) {
        enrol(district, times, TODAY, CourseType.INTEGRATION_COURSE);
    }

    protected void complete(District district, int times, LocalDate on, Outcome outcome) {
        for (int i = 0; i < times; i++) {
            count(EventType.COURSE_COMPLETION, district, on, CourseType.INTEGRATION_COURSE, outcome, null);
        }
    }

    private void count(EventType type, District district, LocalDate on, CourseType course, Outcome outcome,
                       String participant) {
        TestReadModels.count(model, new IntegrationEvent(UUID.randomUUID(), type, on, district, participant,
                course, outcome, null, null, "demo", Instant.now()));
    }
}
