package de.weserems.integration.dashboard.providers.store;

import de.weserems.integration.kafka.TopicDeclarations;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the providers topic at start: compacted, never deleted by the app (ingest only reads it). */
@Configuration(proxyBeanMethods = false)
class ProvidersTopicDeclaration {

    @Bean
    NewTopic providersTopic(TopicDeclarations topics) {
        return topics.providers();
    }
}
