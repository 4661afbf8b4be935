package de.weserems.integration.browserless;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinService;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For browserless view tests: creates views through their constructors with the services a test
 * hands in, as Spring does in the app. It lives outside the application's packages on purpose:
 * Vaadin's Spring integration picks up every {@link InstantiatorFactory} it finds there, and in the
 * integration tests (same classpath) this one would replace Spring's.
 */
public class ServicesInstantiatorFactory implements InstantiatorFactory {

    private static final Map<Class<?>, Object> SERVICES = new ConcurrentHashMap<>();

    /** The services the next views get, by type. */
    public static void use(Map<Class<?>, Object> services) {
        SERVICES.clear();
        SERVICES.putAll(services);
    }

    @Override
    public Instantiator createInstantitor(VaadinService service) {
        return new DefaultInstantiator(service) {
            @Override
            public <T> T getOrCreate(Class<T> type) {
                Object known = SERVICES.get(type);
                if (known == null && type.getName().startsWith("de.weserems.")) {
                    // as Spring injects a bean by any type it has, e.g. the read model as its FiguresStatus
                    known = SERVICES.values().stream().filter(type::isInstance).findFirst().orElse(null);
                }
                if (known != null) {
                    return type.cast(known);
                }
                Constructor<?>[] constructors = type.getConstructors();
                if (Component.class.isAssignableFrom(type) && constructors.length == 1
                        && constructors[0].getParameterCount() > 0) {
                    try {
                        Object[] args = Arrays.stream(constructors[0].getParameterTypes()).map(this::getOrCreate).toArray();
                        return type.cast(constructors[0].newInstance(args));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return super.getOrCreate(type);
            }
        };
    }
}
