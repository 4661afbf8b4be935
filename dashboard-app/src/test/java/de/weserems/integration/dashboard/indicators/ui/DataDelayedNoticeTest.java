package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** While Kafka does not answer, every page says the data are delayed and keeps its last figures. */
class DataDelayedNoticeTest extends PublishedViewTestBase {

    @Test
    void the_notice_comes_when_kafka_stops_answering_and_goes_when_it_is_back() {
        enrol(de.weserems.integration.events.District.EMSLAND, 12);
        OverviewView view = open(OverviewView.class, "");
        String enrolments = german(published(report(view.state()).region().count("enrolments"), 12));
        // browserless finds visible components only: hidden, the notice is not found
        assertThat($(Span.class).withId("data-delayed").all()).isEmpty();

        kafkaUp.set(false);
        dataFlow.check();
        roundTrip();
        Span notice = $(Span.class).withId("data-delayed").single();
        assertThat(notice.getText()).startsWith("Daten verzögert: Kafka antwortet seit 09:30 nicht.");
        assertThat(notice.getElement().getAttribute("role")).isEqualTo("alert");
        // the last figures stay
        assertThat($(Span.class, view).withId("region-enrolments").single().getText()).isEqualTo(enrolments);

        kafkaUp.set(true);
        dataFlow.check();
        roundTrip();
        assertThat($(Span.class).withId("data-delayed").all()).isEmpty();
    }
}
