package de.weserems.integration.ingest.publishing;

import de.weserems.integration.ingest.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Replaces a provider's {@code participantRef} by HMAC-SHA256 under a secret key, so the raw value
 * never reaches Kafka while the same participant still links across providers and districts.
 * Without a secret the service refuses to start, except in the {@code local} profile, where a random
 * one is made (pseudonyms then change with every start; {@code ./run-local} passes a kept one).
 */
@Component
public class Pseudonymiser {

    private static final Logger log = LoggerFactory.getLogger(Pseudonymiser.class);
    private static final String ALGORITHM = "HmacSHA256";
    /** A key shorter than the hash's output would be the weakest part of the pseudonym. */
    static final int MIN_BYTES = 32;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public Pseudonymiser(IngestProperties properties, Environment environment) {
        String secret = properties.pseudonymisation().secret();
        if (secret == null || secret.isBlank()) {
            if (!environment.acceptsProfiles(Profiles.of("local"))) {
                throw new IllegalStateException("ingest.pseudonymisation.secret is not set "
                        + "(env INGEST_PSEUDONYMISATION_SECRET). Without it participant references cannot be "
                        + "pseudonymised; the service does not start. Use at least 32 random bytes, e.g. "
                        + "'openssl rand -hex 32', and keep it: a new secret breaks the links between participants' events.");
            }
            byte[] random = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
            log.warn("No pseudonymisation secret configured; using a random one for this run (profile 'local'). "
                    + "Pseudonyms will not match those of earlier runs.");
        } else if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new IllegalStateException("ingest.pseudonymisation.secret is too short ("
                    + secret.getBytes(StandardCharsets.UTF_8).length + " bytes): use at least " + MIN_BYTES
                    + " random bytes, e.g. 'openssl rand -hex 32'");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The pseudonym of a participant reference; {@code null} stays {@code null}. */
    public String pseudonymise(String participantRef) {
        if (participantRef == null) {
            return null;
        }
        // doFinal resets the Mac for the next use; one per thread saves a provider lookup per event
        byte[] digest = macs.get().doFinal(participantRef.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
