package de.weserems.integration.ingest.providers;

import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Decides who a request is from, by its bearer key and its {@code X-Provider-Id} header.
 *
 * <ul>
 *   <li>A provider's key: that provider. With an {@code X-Provider-Id} of another provider the request is
 *       refused: a key never speaks for someone else.</li>
 *   <li>A service client's key: the provider named in {@code X-Provider-Id}, which must exist; without it the
 *       request is refused, since the client itself reports for no one.</li>
 * </ul>
 * The key is hashed once and compared with every provider's and every client's hash, whatever matches.
 */
@Component
public class Authenticator {

    /** The header with which a service client names the provider it sends for. */
    public static final String PROVIDER_ID_HEADER = "X-Provider-Id";

    private final ProviderRegistry providers;
    private final ServiceClients clients;

    public Authenticator(ProviderRegistry providers, ServiceClients clients) {
        this.providers = providers;
        this.clients = clients;
    }

    /** The outcome of {@link #authenticate}. */
    public sealed interface Result {
    }

    /** The request is {@code caller}'s. */
    public record Accepted(Caller caller) implements Result {
    }

    /**
     * The request is refused. The words are the API's business (German or English, by the request's
     * {@code Accept-Language}); this names them by a key of ingest's message bundle.
     *
     * @param status    401 (the key is unknown or missing) or 403 (known, but not for this provider)
     * @param type      the problem type
     * @param detailKey the bundle key of what to do about it; its {@code {0}} is {@link #PROVIDER_ID_HEADER}
     */
    public record Refused(int status, String type, String detailKey) implements Result {
    }

    /**
     * @param key        the bearer key; {@code null} when none was sent
     * @param providerId the {@code X-Provider-Id} header; {@code null} when none was sent
     */
    public Result authenticate(String key, String providerId) {
        if (key == null || key.isEmpty()) {
            return new Refused(401, "unauthorized", "problem.unauthorized.missing");
        }
        byte[] hash = ApiKeys.sha256(key);
        Optional<ProviderRegistry.KeyMatch> own = providers.match(hash);
        Optional<String> client = clients.match(hash);
        if (own.isPresent()) {
            Provider provider = own.get().provider();
            if (providerId != null && !providerId.equals(provider.id())) {
                return new Refused(403, "provider-mismatch", "problem.provider-mismatch.detail");
            }
            return new Accepted(new Caller(provider, own.get().keyId(), null));
        }
        if (client.isPresent()) {
            if (providerId == null || providerId.isBlank()) {
                return new Refused(403, "provider-id-required", "problem.provider-id-required.detail");
            }
            return providers.byId(providerId)
                    .<Result>map(p -> new Accepted(new Caller(p, null, client.get())))
                    .orElseGet(() -> new Refused(403, "unknown-provider", "problem.unknown-provider.detail"));
        }
        return new Refused(401, "unauthorized", "problem.unauthorized.unknown");
    }
}
