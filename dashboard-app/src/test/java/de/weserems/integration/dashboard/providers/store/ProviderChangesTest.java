package de.weserems.integration.dashboard.providers.store;

import de.weserems.integration.events.providers.ApiKeyHashes;
import de.weserems.integration.events.providers.ProviderEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issuing, rotating and revoking keep every key, store only hashes, and stamp who and when. */
class ProviderChangesTest {

    private final Instant t0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aRotationIssuesANewKeyAndEndsTheOldOneAtTheOverlapAndARevocationEndsOneAtOnce() {
        ProviderEntry created = ProviderChanges.created("vhs-leer", "VHS Leer", Set.of("03457"), "admin", t0);
        ProviderChanges.Issued first = ProviderChanges.issued(created, null, "admin", t0);
        ProviderEntry.Key key1 = first.entry().keys().getFirst();
        assertThat(key1.sha256()).isEqualTo(ApiKeyHashes.sha256Hex(first.key()));
        assertThat(first.entry().toString()).doesNotContain(first.key());
        assertThat(key1.validAt(t0.plusSeconds(1))).isTrue();

        Instant t1 = t0.plus(Duration.ofDays(30));
        Instant overlap = t1.plus(Duration.ofDays(7));
        ProviderChanges.Issued second = ProviderChanges.rotated(first.entry(), first.keyId(), overlap, null, "chef", t1);
        assertThat(second.entry().keys()).hasSize(2);
        assertThat(second.keyId()).isNotEqualTo(first.keyId());
        ProviderEntry.Key old = second.entry().keys().getFirst();
        assertThat(old.validAt(overlap.minusSeconds(1))).isTrue();
        assertThat(old.validAt(overlap)).isFalse();
        assertThat(second.entry().changedBy()).isEqualTo("chef");
        assertThat(second.entry().changedAt()).isEqualTo(t1);

        Instant t2 = t1.plusSeconds(60);
        ProviderEntry revoked = ProviderChanges.revoked(second.entry(), second.keyId(), "admin", t2);
        assertThat(revoked.keys().get(1).validAt(t2)).isFalse();
        assertThat(revoked.keys().getFirst().validAt(t2)).as("the old key keeps its overlap").isTrue();
        assertThat(ProviderEntry.fromJson(revoked.toJson())).isEqualTo(revoked);
        assertThatThrownBy(() -> ProviderChanges.revoked(revoked, "k9-nope", "admin", t2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
