package de.weserems.integration.ingest.api;

import de.weserems.integration.events.audit.DeliveryRecord;
import de.weserems.integration.ingest.body.BodyFormat;
import de.weserems.integration.ingest.providers.Caller;
import de.weserems.integration.ingest.providers.Provider;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One request of a provider while it is being answered.
 *
 * @param requestId  a new id for the request, returned as {@code X-Request-Id} and in the audit
 * @param caller     who sent it: the provider, its key id, the service client
 * @param receivedAt when it arrived; stamped on its events as {@code receivedAt}
 * @param format     how its body was read; {@code null} until known
 * @param dryRun     whether it is only checked
 */
public record Delivery(UUID requestId, Caller caller, Instant receivedAt, BodyFormat format, boolean dryRun) {

    /** The provider the request counts for. */
    public Provider provider() {
        return caller.provider();
    }

    Delivery withFormat(BodyFormat newFormat) {
        return new Delivery(requestId, caller, receivedAt, newFormat, dryRun);
    }

    /** The audit summary of this request with how it was answered. */
    DeliveryRecord summary(int status, int events, int accepted, int rejected, List<DeliveryRecord.Reason> reasons,
                           String problem) {
        return new DeliveryRecord(requestId, provider().id(), receivedAt, format == null ? null : format.name(), dryRun,
                status, events, accepted, rejected, reasons, problem, Map.of(), caller.keyId(), caller.via());
    }
}
