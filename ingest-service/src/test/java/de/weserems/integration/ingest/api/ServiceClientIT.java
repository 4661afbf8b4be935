package de.weserems.integration.ingest.api;

import de.weserems.integration.events.Topics;
import de.weserems.integration.events.audit.DeliveryRecord;
import de.weserems.integration.ingest.providers.ProviderRegistry;
import de.weserems.integration.ingest.providers.ServiceClients;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's service key sends for the provider named in {@code X-Provider-Id}, exactly as that provider
 * would, and the audit names the client; a provider key never speaks for another provider.
 */
class ServiceClientIT extends IngestApiTestBase {

    private static final String SERVICE_KEY = ServiceClients.LOCAL_SERVICE_KEY;

    @Test
    void aServiceKeyWithAProviderIdIsHandledAsThatProviderAndAuditedWithTheClientsName() throws Exception {
        HttpResponse<String> own = send(SERVICE_KEY, "emden-only", "[" + enrolment(UUID.randomUUID().toString(), "03402", null) + "]");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(202);
        // the provider's districts apply: Emden's provider may not report for Emsland
        HttpResponse<String> foreign = send(SERVICE_KEY, "emden-only", "[" + enrolment(UUID.randomUUID().toString(), "03454", null) + "]");
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);

        DeliveryRecord stored = audited(own);
        assertThat(stored.providerId()).isEqualTo("emden-only");
        assertThat(stored.via()).isEqualTo("dashboard");
        assertThat(stored.keyId()).isNull();
        assertThat(stored.status()).isEqualTo(202);
        DeliveryRecord refused = audited(foreign);
        assertThat(refused.via()).isEqualTo("dashboard");
        assertThat(refused.status()).isEqualTo(403);

        HttpResponse<String> deliveries = http.send(HttpRequest.newBuilder(uri("/api/v1/deliveries"))
                .header("Authorization", "Bearer " + SERVICE_KEY).header("X-Provider-Id", "emden-only")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deliveries.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(deliveries.body()).get("provider").asString()).isEqualTo("emden-only");
        assertThat(deliveries.body()).contains(own.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void aServiceKeyWithoutOrWithAnUnknownProviderIdIsRefused() throws Exception {
        String body = "[" + enrolment(UUID.randomUUID().toString(), "03402", null) + "]";
        HttpResponse<String> without = send(SERVICE_KEY, null, body);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(without.body()).get("type").asString()).isEqualTo("/problems/provider-id-required");
        // sent without Accept-Language: German, the default of ingest's answers
        assertThat(JSON.readTree(without.body()).get("detail").asString())
                .isEqualTo("Ein Dienstschlüssel sendet für einen Lieferanten: nennen Sie ihn in X-Provider-Id.");
        HttpResponse<String> unknown = send(SERVICE_KEY, "no-such-provider", body);
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(unknown.body()).get("type").asString()).isEqualTo("/problems/unknown-provider");
        assertThat(unknown.body()).doesNotContain(SERVICE_KEY).doesNotContain("no-such-provider");
        HttpResponse<String> wrongKey = send("not-the-service-key", "emden-only", body);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void aProviderKeyMayNameOnlyItsOwnProvider() throws Exception {
        String body = "[" + enrolment(UUID.randomUUID().toString(), "03402", null) + "]";
        HttpResponse<String> other = send(EMDEN_KEY, "demo", body);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(other.body()).get("type").asString()).isEqualTo("/problems/provider-mismatch");
        assertThat(JSON.readTree(other.body()).get("title").asString()).isEqualTo("Schlüssel eines anderen Lieferanten");
        HttpResponse<String> itself = send(EMDEN_KEY, "emden-only", body);
        assertThat(itself.statusCode()).as(itself.body()).isEqualTo(202);
        DeliveryRecord audited = audited(itself);
        assertThat(audited.keyId()).isEqualTo(ProviderRegistry.CONFIGURED_KEY_ID);
        assertThat(audited.via()).isNull();
    }

    private HttpResponse<String> send(String key, String providerId, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/events")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Content-Type", JSON_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (providerId != null) {
            request.header("X-Provider-Id", providerId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The audit record of the request that got {@code response}, once it is on the topic. */
    private static DeliveryRecord audited(HttpResponse<String> response) {
        UUID requestId = UUID.fromString(response.headers().firstValue("X-Request-Id").orElseThrow());
        return await().atMost(Duration.ofSeconds(30)).until(() -> readAll(Topics.INGEST_AUDIT, true).stream()
                .map(r -> DeliveryRecord.fromJson(r.value().getBytes(StandardCharsets.UTF_8)))
                .filter(d -> d.requestId().equals(requestId)).findFirst(), Optional::isPresent).orElseThrow();
    }
}
