package org.bordercustody.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The web apps' English texts with the agency's words in them: the notice at the top of every page of Tasklist,
 * Cockpit and Admin, login included ({@code custody.notice.text}, none by default), in the place where the web
 * apps show the vendor's Camunda 8 migration banner (an empty notice hides the bar: styles/user-styles.css); and
 * "Custody" as the title of the dashboard section that holds the custody panel; "Case number" wherever Cockpit and
 * Tasklist say "Business Key" (instance lists, search criteria), which is what the key of a custody instance is.
 */
@RestController
class WebappTexts {

    static final String BANNER_KEY = "BANNER_CE_EOL_TEXT";
    static final String DASHBOARD_SECTION_KEY = "DASHBOARD_CUSTOM_PLUGINS";
    private static final Pattern BUSINESS_KEY = Pattern.compile("(?i)business key");
    private static final Set<String> APPS = Set.of("tasklist", "cockpit", "admin", "welcome");

    /** The agency notice: plain text, shown as written. */
    @ConfigurationProperties("custody.notice")
    record Properties(@DefaultValue("") String text) {
    }

    private final ObjectMapper objectMapper;
    private final Properties notice;

    WebappTexts(ObjectMapper objectMapper, Properties notice) {
        this.objectMapper = objectMapper;
        this.notice = notice;
    }

    static String caseNumberFor(String label) {
        return label.replace("Business Key", "Case number").replace("Business key", "Case number")
                .replace("business key", "case number");
    }

    @GetMapping(value = "/camunda/app/{app}/locales/en.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> englishTexts(@PathVariable String app) throws IOException {
        if (!APPS.contains(app)) {
            return ResponseEntity.notFound().build();
        }
        ClassPathResource texts = new ClassPathResource("META-INF/resources/webjars/camunda/app/" + app
                + "/locales/en.json");
        try (InputStream in = texts.getInputStream()) {
            ObjectNode json = (ObjectNode) objectMapper.readTree(in);
            ObjectNode labels = (ObjectNode) json.path("labels");
            labels.put(BANNER_KEY, HtmlUtils.htmlEscape(notice.text().strip()));
            if (labels.has(DASHBOARD_SECTION_KEY)) {
                labels.put(DASHBOARD_SECTION_KEY, "Custody");
            }
            // The business key of every custody process instance is the case number: the lists say so.
            labels.properties().forEach(label -> {
                if (label.getValue().isTextual() && BUSINESS_KEY.matcher(label.getValue().asText()).find()) {
                    label.setValue(TextNode.valueOf(caseNumberFor(label.getValue().asText())));
                }
            });
            return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(json);
        }
    }
}
