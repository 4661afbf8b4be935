package support;

import java.net.http.HttpClient;
import java.time.Duration;

/** HTTP as the bench programs use it: HTTP/1.1, one connection per concurrent request. */
public final class Http {

    private Http() {
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
