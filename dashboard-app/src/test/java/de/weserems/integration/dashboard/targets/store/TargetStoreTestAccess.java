package de.weserems.integration.dashboard.targets.store;

import tools.jackson.databind.json.JsonMapper;

import java.util.concurrent.atomic.AtomicReference;

/** A target store without Kafka for tests of other packages: a write is read back at once, as the tail would. */
public final class TargetStoreTestAccess {

    private TargetStoreTestAccess() {
    }

    /** A store that has read its (empty) topic and takes every write in at once. */
    public static TargetStore inMemory() {
        AtomicReference<TargetStore> self = new AtomicReference<>();
        TargetStore store = new TargetStore(null, JsonMapper.builder().build(),
                (key, value) -> self.get().accept(key, value));
        self.set(store);
        store.onCaughtUp();
        return store;
    }

    /** A store still reading its topic: it knows no target yet. */
    public static TargetStore reading() {
        return new TargetStore(null, JsonMapper.builder().build(), (key, value) -> {
            throw new IllegalStateException("not written in this test");
        });
    }
}
