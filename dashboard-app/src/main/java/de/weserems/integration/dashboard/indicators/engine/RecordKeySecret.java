package de.weserems.integration.dashboard.indicators.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Where the record keys' secret comes from: {@code dashboard.confidentiality.record-key-secret}. Without
 * it the dashboard refuses to start, except in the profile {@code local}, where a random one is made
 * for the run ({@code ./run-local} passes a kept one).
 */
final class RecordKeySecret {

    private static final Logger log = LoggerFactory.getLogger(RecordKeySecret.class);
    static final int MIN_LENGTH = 32;

    private RecordKeySecret() {
    }

    static RecordKeys keys(String secret, boolean local) {
        if (secret == null || secret.isBlank()) {
            if (!local) {
                throw new IllegalStateException("dashboard.confidentiality.record-key-secret is not set "
                        + "(env DASHBOARD_CONFIDENTIALITY_RECORD_KEY_SECRET). The published figures' perturbation "
                        + "rests on it; the dashboard does not start without it. Use at least 32 random bytes, e.g. "
                        + "'openssl rand -hex 32', the same in every instance, and keep it.");
            }
            byte[] random = new byte[MIN_LENGTH];
            new SecureRandom().nextBytes(random);
            log.warn("No record-key secret configured; using a random one for this run (profile 'local'). "
                    + "A new engine generation will perturb differently from earlier runs.");
            return RecordKeys.hmac(random);
        }
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("dashboard.confidentiality.record-key-secret is too short ("
                    + secret.length() + " characters): use at least " + MIN_LENGTH + " random bytes");
        }
        return RecordKeys.hmac(secret.getBytes(StandardCharsets.UTF_8));
    }
}
