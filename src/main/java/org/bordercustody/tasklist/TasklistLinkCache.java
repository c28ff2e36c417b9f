package org.bordercustody.tasklist;

import java.util.Map;
import org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache;
import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheBootstrap;
import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheConfiguration;
import org.camunda.bpm.engine.rest.hal.group.HalGroup;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.camunda.bpm.engine.rest.hal.user.HalUser;
import org.springframework.stereotype.Component;

/**
 * Tasklist asks for every page of tasks with the users, groups and process definitions they link to (HAL); the
 * REST API would look each of them up again for every page. Camunda's relation cache keeps them for five minutes
 * (a renamed user or group shows its new name within that time): docs/performance.md, "Tasklist with need to know".
 */
@Component
class TasklistLinkCache {

    static final Map<String, Object> ENTRIES = Map.of("capacity", 1000, "secondsToLive", 300);

    TasklistLinkCache() {
        HalRelationCacheConfiguration configuration = new HalRelationCacheConfiguration();
        configuration.setCacheImplementationClass(DefaultHalResourceCache.class);
        for (Class<?> linked : new Class<?>[] {HalUser.class, HalGroup.class, HalProcessDefinition.class}) {
            configuration.addCacheConfiguration(linked, ENTRIES);
        }
        new HalRelationCacheBootstrap().configureCaches(configuration);
    }
}
