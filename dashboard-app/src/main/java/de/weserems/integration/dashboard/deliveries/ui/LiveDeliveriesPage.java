package de.weserems.integration.dashboard.deliveries.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.live.Subscription;
import de.weserems.integration.dashboard.base.ui.PushThrottle;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.deliveries.RetractionOutcomes;

import java.util.ArrayList;
import java.util.List;

/**
 * A page about deliveries that stays live: new deliveries (the audit topic) and retraction outcomes redraw it,
 * at most once per push interval; a detached page cancels its subscriptions.
 */
abstract class LiveDeliveriesPage extends VerticalLayout {

    final ProviderActivity activity;
    final RetractionOutcomes outcomes;
    private final DashboardProperties properties;
    private final List<Subscription> subscriptions = new ArrayList<>();

    LiveDeliveriesPage(ProviderActivity activity, RetractionOutcomes outcomes, DashboardProperties properties) {
        this.activity = activity;
        this.outcomes = outcomes;
        this.properties = properties;
    }

    /** Fills the page from what this instance knows now. */
    abstract void refresh();

    @Override
    protected void onAttach(AttachEvent event) {
        PushThrottle throttle = new PushThrottle(event.getUI(), properties.pushInterval(), this::refresh);
        subscriptions.add(activity.subscribe(changed -> throttle.request()));
        subscriptions.add(outcomes.subscribe(changed -> throttle.request()));
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        subscriptions.forEach(Subscription::cancel);
        subscriptions.clear();
    }
}
