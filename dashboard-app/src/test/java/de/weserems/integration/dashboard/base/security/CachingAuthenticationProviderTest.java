package de.weserems.integration.dashboard.base.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTP basic without a bcrypt per request: verified once, never a wrong password from the cache. */
class CachingAuthenticationProviderTest {

    private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final AtomicInteger verifications = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            verifications.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
            User.withUsername("planer").password(bcrypt.encode("richtig")).roles("VIEWER").build());
    private final CachingAuthenticationProvider provider;

    CachingAuthenticationProviderTest() {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(counting);
        provider = new CachingAuthenticationProvider(passwords, users, Duration.ofMinutes(5), 100);
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void the_password_is_verified_once_for_many_requests() {
        var first = provider.authenticate(login("planer", "richtig")).getAuthorities().stream().map(Object::toString).toList();
        for (int i = 0; i < 20; i++) {
            var result = provider.authenticate(login("planer", "richtig"));
            assertThat(result.isAuthenticated()).isTrue();
            assertThat(result.getAuthorities()).as("the same authorities as the verified login")
                    .extracting(Object::toString).containsExactlyInAnyOrderElementsOf(first).contains("ROLE_VIEWER");
        }
        assertThat(verifications).hasValue(1);
    }

    @Test
    void a_wrong_password_is_never_answered_from_the_cache() {
        provider.authenticate(login("planer", "richtig"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("planer", "richtig "))).isInstanceOf(BadCredentialsException.class);
            assertThatThrownBy(() -> provider.authenticate(login("planer", "Richtig"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(verifications).as("each wrong password is checked by bcrypt").hasValue(7);
    }

    @Test
    void a_changed_user_is_verified_afresh() {
        provider.authenticate(login("planer", "richtig"));
        users.updateUser(User.withUsername("planer").password(bcrypt.encode("neu")).roles("VIEWER").build());
        assertThatThrownBy(() -> provider.authenticate(login("planer", "richtig"))).isInstanceOf(BadCredentialsException.class);
        assertThat(provider.authenticate(login("planer", "neu")).isAuthenticated()).isTrue();

        users.updateUser(User.withUsername("planer").password(bcrypt.encode("neu")).roles("VIEWER").disabled(true).build());
        assertThatThrownBy(() -> provider.authenticate(login("planer", "neu")))
                .as("a disabled user is not served from the cache").isNotNull();
    }
}
