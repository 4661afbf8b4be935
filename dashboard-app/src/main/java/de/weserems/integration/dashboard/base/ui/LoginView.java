package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import de.weserems.integration.dashboard.base.security.OidcLogin;

/**
 * Vaadin's login form, in the chosen language (German first); with OIDC configured also a button for
 * the organisation account (a plain link: the login leaves the Vaadin application for the identity
 * provider).
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Query parameter of a refused login after too many failures: the minutes to wait. */
    public static final String THROTTLED = "throttled";

    private final LoginForm form = new LoginForm();
    private final Paragraph oidcProblem = new Paragraph();

    public LoginView(OidcLogin oidc) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(texts());
        add(new H1(getTranslation("app.title")), new Paragraph(getTranslation("login.intro")), form);
        for (String path : oidc.loginPaths()) {
            Anchor organisation = new Anchor(path.substring(1), getTranslation("login.oidc"));
            organisation.setRouterIgnore(true);
            organisation.addClassName("oidc-login");
            add(organisation);
        }
        oidcProblem.getStyle().set("color", "var(--lumo-error-text-color)");
        oidcProblem.setVisible(false);
        add(oidcProblem);
    }

    /**
     * Outside {@link MainLayout}, so the login page translates its own title (Vaadin refuses a
     * {@code @PageTitle} beside this).
     */
    @Override
    public String getPageTitle() {
        return PageTitles.named("login.title", this);
    }

    private LoginI18n texts() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        var throttled = parameters.getOrDefault(THROTTLED, java.util.List.of());
        if (!throttled.isEmpty()) {
            LoginI18n i18n = texts();
            i18n.getErrorMessage().setTitle(getTranslation("login.throttled.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.throttled.message", minutes(throttled.getFirst())));
            form.setI18n(i18n);
            form.setError(true);
            return;
        }
        form.setError(parameters.containsKey("error"));
        boolean noRole = parameters.containsKey(OidcLogin.REFUSED);
        oidcProblem.setText(getTranslation(noRole ? "login.oidc.refused" : "login.oidc.failed"));
        oidcProblem.setVisible(noRole || parameters.containsKey(OidcLogin.FAILED));
    }

    /** The wait as the server sent it; anything else a visitor typed into the address becomes 15. */
    private static int minutes(String value) {
        try {
            return Math.clamp(Integer.parseInt(value), 1, 24 * 60);
        } catch (NumberFormatException e) {
            return 15;
        }
    }
}
