package de.weserems.integration.dashboard.base.security;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import java.util.Map;

/** For view tests outside this package: the login page as it is without a configured OIDC login. */
public final class OidcLoginTestAccess {

    private OidcLoginTestAccess() {
    }

    public static OidcLogin none() {
        return new OidcLogin(new StaticListableBeanFactory().getBeanProvider(ClientRegistrationRepository.class),
                new OidcSettings("roles", "provider_id", Map.of()));
    }
}
