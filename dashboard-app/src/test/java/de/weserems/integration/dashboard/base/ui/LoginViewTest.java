package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.component.login.LoginForm;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The login form says in German why a login failed: a wrong password, or too many failures and how long to wait. */
class LoginViewTest extends ViewTestBase {

    private String i18n(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }

    @Test
    void a_throttled_login_shows_the_wait_in_minutes() {
        LoginView view = open(LoginView.class, "throttled=12");
        LoginForm form = $(LoginForm.class, view).single();
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).contains("Zu viele Fehlversuche").contains("Bitte in 12 Minuten erneut versuchen.");
    }

    @Test
    void a_wrong_password_shows_the_usual_message_and_a_made_up_wait_is_bounded() {
        LoginForm wrong = $(LoginForm.class, open(LoginView.class, "error")).single();
        assertThat(wrong.isError()).isTrue();
        assertThat(i18n(wrong)).contains("Benutzername oder Passwort ist falsch").doesNotContain("Fehlversuche");

        LoginForm typed = $(LoginForm.class, open(LoginView.class, "throttled=<script>")).single();
        assertThat(i18n(typed)).contains("Bitte in 15 Minuten erneut versuchen.").doesNotContain("<script>");
        assertThat($(LoginForm.class, open(LoginView.class, "")).single().isError()).isFalse();
    }
}
