package de.weserems.integration.dashboard.providers.store;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/** A provider store without Kafka for tests of other packages: a write is read back at once, as the tail would. */
public final class ProviderStoreTestAccess {

    private ProviderStoreTestAccess() {
    }

    public static ProviderStore inMemory(Clock clock) {
        AtomicReference<ProviderStore> self = new AtomicReference<>();
        ProviderStore store = new ProviderStore(null, (key, value) -> self.get().accept(key, value), clock);
        self.set(store);
        return store;
    }
}
