package org.bordercustody.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the application where to point a browser. */
@Component
class StartupBanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        boolean simulator = web.getEnvironment().getProperty("custody.partners.simulator.enabled", Boolean.class, false);
        LOG.info("""
                Border custody workflow is ready:
                  Tasklist  {}/camunda/app/tasklist/
                  Cockpit   {}/camunda/app/cockpit/
                  Admin     {}/camunda/app/admin/
                  Case API  {}/api  (HTTP Basic; described at {}/api/docs)
                  Engine    {}/engine-rest  (HTTP Basic)
                  Health    {}/actuator/health{}""", base, base, base, base, base, base, base,
                simulator ? "\n  Partner simulator  " + base + "/api/simulator  (manager)" : "");
    }
}
