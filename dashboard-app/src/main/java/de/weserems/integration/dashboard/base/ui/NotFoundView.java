package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The page for an address that names no view, or a view this user may not open (Vaadin answers both
 * alike, so that the pages' names stay hidden), in the chosen language: Vaadin's own says it in English
 * only. A view's own reason (an unknown district) is shown as the view translated it.
 */
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        setId("not-found");
        String reason = parameter.hasCustomMessage() ? parameter.getCustomMessage() : getTranslation("error.notFound.text");
        add(new H2(getTranslation("error.notFound.title")), new Paragraph(reason),
                new Anchor("", getTranslation("error.notFound.home")));
        return HttpStatusCode.NOT_FOUND.getCode();
    }

    @Override
    public String getPageTitle() {
        return PageTitles.named("error.notFound.title", this);
    }
}
