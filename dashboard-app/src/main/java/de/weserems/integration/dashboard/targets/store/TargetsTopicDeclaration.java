package de.weserems.integration.dashboard.targets.store;

import de.weserems.integration.kafka.TopicDeclarations;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the targets topic at start, as the engine's topics are created: compacted, never deleted by the app. */
@Configuration(proxyBeanMethods = false)
class TargetsTopicDeclaration {

    @Bean
    NewTopic targetsTopic(TopicDeclarations topics) {
        return topics.targets();
    }
}
