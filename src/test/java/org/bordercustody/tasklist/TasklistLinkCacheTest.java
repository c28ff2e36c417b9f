package org.bordercustody.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache;
import org.camunda.bpm.engine.rest.hal.group.HalGroup;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.camunda.bpm.engine.rest.hal.user.HalUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tasklist's pages of tasks take the users, groups and process definitions they link to from the relation cache. */
@CustodyApplicationTest
class TasklistLinkCacheTest {

    @LocalServerPort
    int port;

    @Test
    void aPageOfTasksLeavesItsLinkedProcessDefinitionInTheCacheForTheNextPage() {
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("HAL0001")).status())
                .isEqualTo(201);
        assertThat(Hal.getInstance().getHalRelationCache(HalUser.class)).isNotNull();
        assertThat(Hal.getInstance().getHalRelationCache(HalGroup.class)).isNotNull();
        DefaultHalResourceCache definitions = (DefaultHalResourceCache) Hal.getInstance()
                .getHalRelationCache(HalProcessDefinition.class);
        definitions.destroy();

        ApiClient.Response page = agent.send("GET", "/engine-rest/task?processInstanceBusinessKey=HAL0001-01", null,
                null, false, java.util.Map.of("Accept", "application/hal+json"));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().at("/_embedded/processDefinition/0/key").asText()).isEqualTo("migrantCustody");
        assertThat(definitions.size()).isEqualTo(1);
        assertThat(definitions.getSecondsToLive()).isEqualTo(300);
    }
}
