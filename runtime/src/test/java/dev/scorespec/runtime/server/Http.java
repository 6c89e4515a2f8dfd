package dev.scorespec.runtime.server;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** A loopback HTTP client for one server. */
final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final int port;

    Http(int port) {
        this.port = port;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20));
    }

    Reply send(HttpRequest request) {
        try {
            return new Reply(CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The status of a GET, or an IOException when nothing answers (yet). */
    int tryGet(String pathAndQuery) throws IOException, InterruptedException {
        return CLIENT.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    Reply get(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = request(pathAndQuery).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    Reply postJson(String path, String body, String... headers) {
        return post(path, "application/json", body, headers);
    }

    Reply post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    Reply method(String method, String path, String... headers) {
        HttpRequest.Builder b = request(path).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    /** A response with its body as text. */
    static final class Reply {
        final HttpResponse<byte[]> response;

        Reply(HttpResponse<byte[]> response) {
            this.response = response;
        }

        int status() {
            return response.statusCode();
        }

        String body() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        JsonObject json() {
            return new JsonObject(body());
        }

        String message() {
            return json().getString("message");
        }

        String header(String name) {
            Optional<String> v = response.headers().firstValue(name);
            return v.orElse(null);
        }

        @Override
        public String toString() {
            return status() + " " + response.headers().map() + " " + body();
        }
    }
}
