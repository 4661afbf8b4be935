package de.weserems.integration.dashboard.base.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** A login refused without looking at its password, because of earlier failures ({@link LoginThrottle}). */
final class LoginThrottledException extends AuthenticationException {

    private final transient Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until the next try may pass, at least 1 (the {@code Retry-After} value). */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
