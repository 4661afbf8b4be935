package de.weserems.integration.dashboard.base.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts failed logins per user name and per source address (the client's address as the proxy forwarded
 * it). After {@code maxFailures} failures of a user, or {@code maxFailuresPerAddress} from an address,
 * within the window that began with the first failure, logins of that user or from that address are
 * refused until the window ends, so guessing costs the attacker hours, not
 * seconds. A success resets its user's count; the address keeps its count, or one address could guess
 * for many users by mixing in a known login of its own.
 *
 * <p>Both tables are capped ({@code tracked} entries each, least recently used forgotten first) and forget
 * an entry when its window ends: any number of user names or addresses costs bounded memory.
 */
final class LoginThrottle {

    /** Failures counted since {@code since}; refused from the limit on until {@code since + window}. */
    private record Failures(int count, Instant since) {
    }

    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Failures> byUser;
    private final Cache<String, Failures> bySource;

    LoginThrottle(LoginProperties properties, Clock clock) {
        this.maxFailures = properties.maxFailures();
        this.maxFailuresPerAddress = properties.maxFailuresPerAddress();
        this.window = properties.window();
        this.clock = clock;
        this.byUser = cache(properties);
        this.bySource = cache(properties);
    }

    private Cache<String, Failures> cache(LoginProperties properties) {
        return Caffeine.newBuilder().maximumSize(properties.tracked()).expireAfterWrite(properties.window())
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** How long logins of {@code user} or from {@code source} are still refused; empty if they may try. */
    Optional<Duration> refusedFor(String user, String source) {
        Instant now = clock.instant();
        Duration wait = max(remaining(byUser.getIfPresent(key(user)), maxFailures, now),
                remaining(bySource.getIfPresent(source), maxFailuresPerAddress, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String user, String source) {
        Instant now = clock.instant();
        byUser.asMap().compute(key(user), (k, f) -> count(f, now));
        bySource.asMap().compute(source, (k, f) -> count(f, now));
    }

    void succeeded(String user) {
        byUser.invalidate(key(user));
    }

    private Failures count(Failures failures, Instant now) {
        if (failures == null || !now.isBefore(failures.since().plus(window))) {
            return new Failures(1, now);
        }
        return new Failures(failures.count() + 1, failures.since());
    }

    private Duration remaining(Failures failures, int allowed, Instant now) {
        if (failures == null || failures.count() < allowed) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, failures.since().plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** User names are case-insensitive (as the user store treats them): {@code Admin} counts for {@code admin}. */
    private static String key(String user) {
        return user == null ? "" : user.toLowerCase(Locale.ROOT);
    }

    /** Entries held now (for the test that many names cost bounded memory). */
    long tracked() {
        byUser.cleanUp();
        bySource.cleanUp();
        return byUser.estimatedSize() + bySource.estimatedSize();
    }
}
