package org.bordercustody.system;

import java.time.Duration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Calls of the application to the identity provider: never longer than a few seconds, so a slow one holds nothing. */
final class IdentityProviderCalls {

    private static final Duration CONNECT = Duration.ofSeconds(3);
    private static final Duration ANSWER = Duration.ofSeconds(5);

    static RestClient client() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(CONNECT);
        requests.setReadTimeout(ANSWER);
        return RestClient.builder().requestFactory(requests).build();
    }

    private IdentityProviderCalls() {
    }
}
