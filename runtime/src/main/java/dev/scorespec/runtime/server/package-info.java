/**
 * The embedded scoring server: a ScoreSpec {@link dev.scorespec.runtime.binding.ScoringBinder} served over
 * HTTP (Vert.x Web on Netty) with the contract of the Python {@code azureml-inference-server-http}.
 *
 * <h2>Starting</h2>
 * <ul>
 *   <li>From a command line: {@code java -cp app.jar:libs/* dev.scorespec.runtime.Main [flags]}; see
 *       {@link dev.scorespec.runtime.server.Launcher} for the exit codes (2: configuration, 3: start).</li>
 *   <li>Embedded or in tests: {@link dev.scorespec.runtime.server.ScoringServer#start}; close the returned
 *       server.</li>
 * </ul>
 *
 * <h2>Configuration</h2>
 * A flag beats its environment variable; an empty environment variable counts as unset; underscores in
 * flag names read as dashes ({@code --model_dir}). Flags are read by picocli: {@code --help} lists them,
 * {@code --version} prints the runtime's version.
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Environment variable</th><th>Flag</th><th>Default</th></tr>
 *   <tr><td>SERVER_PORT</td><td>--port</td><td>5001 (1-65535)</td></tr>
 *   <tr><td>SCORESPEC_HOST</td><td>--host</td><td>0.0.0.0 (the builder: 127.0.0.1)</td></tr>
 *   <tr><td>AZUREML_MODEL_DIR</td><td>--model-dir</td><td>unset: {@code ModelDir.unconfigured()}, the working
 *       directory</td></tr>
 *   <tr><td>SERVICE_NAME</td><td>--service-name</td><td>unset: the documents keep
 *       {@code @ScoringService(title)}, by default ML service</td></tr>
 *   <tr><td>SERVICE_VERSION</td><td>--service-version</td><td>unset: the documents keep
 *       {@code @ScoringService(version)}, by default 1.0</td></tr>
 *   <tr><td>SERVICE_PATH_PREFIX</td><td>--service-path-prefix</td><td>none</td></tr>
 *   <tr><td>SCORING_TIMEOUT_MS</td><td>--scoring-timeout-ms</td><td>3600000</td></tr>
 *   <tr><td>AML_APP_ROOT</td><td>--app-root</td><td>the working directory</td></tr>
 *   <tr><td>SCORESPEC_MAX_REQUEST_BYTES</td><td>--max-request-bytes</td><td>104857600 (100 MiB)</td></tr>
 *   <tr><td>SCORESPEC_MAX_BYTES_IN_FLIGHT</td><td>--max-bytes-in-flight</td><td>an eighth of the maximum
 *       heap</td></tr>
 *   <tr><td>SCORESPEC_IDLE_TIMEOUT_SECONDS</td><td>--idle-timeout-seconds</td><td>60 (0: never)</td></tr>
 *   <tr><td>WORKER_COUNT</td><td>--worker-count</td><td>the number of cores</td></tr>
 *   <tr><td>SCORESPEC_SCORING_CLASS</td><td>--scoring-class</td><td>the only binder on the class path</td></tr>
 *   <tr><td>SCORESPEC_MODEL_NAME / SCORESPEC_MODEL_VERSION</td><td>--model-name / --model-version</td><td>the
 *       scoring class's simple name / the service version: the model of the Open Inference Protocol routes
 *       ({@code OpenInferenceRoutes})</td></tr>
 *   <tr><td>AML_CORS_ORIGINS</td><td>--cors-origins (--access-control-allow-origins)</td><td>CORS off</td></tr>
 *   <tr><td>SCORESPEC_AUTH_KEY</td><td>--auth-key</td><td>key authentication off</td></tr>
 *   <tr><td>SCORESPEC_AUTH_KEY_FILE</td><td>--auth-key-file</td><td>key authentication off</td></tr>
 *   <tr><td>SCORESPEC_LOG_FORMAT</td><td>--log-format</td><td>plain (json: one JSON object per line; see
 *       {@link dev.scorespec.runtime.logging.DefaultLogging})</td></tr>
 *   <tr><td>SCORESPEC_BATCH_MAX_ROWS / SCORESPEC_BATCH_MAX_DELAY_MS</td><td>--batch-max-rows /
 *       --batch-max-delay-ms</td><td>{@code @Batching}'s {@code maxRows} / {@code maxDelayMs} (0 rows: batching
 *       off)</td></tr>
 * </table>
 *
 * <h2>Operations</h2>
 * <ul>
 *   <li>The port opens before {@code @Init} runs: {@code GET /v2/health/live} answers 200 at once,
 *       {@code GET /v2/health/ready} 503 until {@code @Init} has returned and 200 after; every other route,
 *       {@code GET /} included, answers 503 with {@code Retry-After: 1} until then. An {@code @Init} that
 *       throws closes the port and ends the launcher with exit code 3.</li>
 *   <li>{@code GET /metrics}: Micrometer's meters in Prometheus's text format ({@code ServerMetrics}), open
 *       like the probes.</li>
 *   <li>Logging through SLF4J only: a start-up line ({@code Ready: ...}), one access line per request on
 *       the logger {@code dev.scorespec.access}, every 500 with its stack trace; the request id is in the MDC
 *       as {@code request_id} while a request's code runs ({@code RequestMdc}).</li>
 * </ul>
 *
 * <h2>Where the server deliberately differs from the Python one</h2>
 * <ul>
 *   <li>{@code SERVER_PORT} is read; the Python server overwrites it with its default, so only
 *       {@code --port} works there.</li>
 *   <li>{@code WORKER_COUNT} sizes a thread pool in one JVM, default the number of cores; in Python it counts
 *       gunicorn processes, default 1.</li>
 *   <li>The scoring timeout counts from the hand-over to the worker pool, not from the start of
 *       {@code run}, so a request queued behind busy workers is answered at the timeout too; a run that
 *       started is interrupted (Python raises in it through SIGALRM).</li>
 *   <li>{@code x-ms-run-fn-exec-ms} is also sent on 500 answers when {@code run} ran (Python: only on
 *       success).</li>
 *   <li>Request bodies are limited ({@code SCORESPEC_MAX_REQUEST_BYTES}, 413); request lines may be 64 KiB
 *       for long {@code GET /score} queries (gunicorn: 4094 bytes).</li>
 *   <li>The health answer is {@code text/plain}, not {@code text/html}.</li>
 *   <li>The routes answer under {@code SERVICE_PATH_PREFIX} and without it (Python: only without it, the
 *       prefix being for the documents); {@code "/"} as a prefix means none (Python writes {@code //score}).</li>
 *   <li>Request-id headers, JSON error bodies and the access log cover every route, 404 and 405 included;
 *       a 431 for a too-long {@code x-request-id} still carries a generated {@code x-request-id}.</li>
 *   <li>An empty {@code x-request-id} is replaced by a generated one.</li>
 *   <li>A raw-text {@code run} receives the body of a form ({@code multipart/form-data},
 *       {@code application/x-www-form-urlencoded}) as sent; Flask gives it an empty string.</li>
 *   <li>405 has an {@code Allow} header everywhere, and {@code OPTIONS} on every route answers 200 with it.</li>
 *   <li>The x-ms-request-id deprecation warning is logged once, not on every request.</li>
 *   <li>Health probes ({@code GET /}, {@code /v2/health/live} and {@code /v2/health/ready} answered 200) are
 *       access-logged at DEBUG; Python does not log them.</li>
 *   <li>The port opens before {@code init} runs, and the routes answer 503 until it has returned; the Python
 *       server answers no request before {@code init} has returned.</li>
 *   <li>Liveness and readiness probes ({@code /v2/health/live}, {@code /v2/health/ready}) and Prometheus
 *       metrics ({@code /metrics}), which the Python server does not have.</li>
 *   <li>CORS exposes the request-id and run headers to browsers. Preflights are answered by the server before
 *       any route: 204 with {@code Access-Control-Max-Age} for an allowed origin, 403 with a JSON message for
 *       another (flask-cors lets them reach the route: 200, with or without CORS headers).
 *       {@code Vary: Origin} is on every answer when origins are listed (flask-cors: only with several).</li>
 *   <li>A {@code @RawHttp} run receives {@code GET} and {@code POST} only (Python: every routed method,
 *       {@code OPTIONS} included), a {@code GET}'s body included, and must return a
 *       {@link dev.scorespec.runtime.ScoringResponse}; its headers replace the server's CORS headers of the
 *       same name (flask-cors adds none when the response has {@code Access-Control-Allow-Origin}).</li>
 *   <li>No {@code x-ms-server-version} header.</li>
 *   <li>Optional key authentication: with {@code SCORESPEC_AUTH_KEY} or {@code SCORESPEC_AUTH_KEY_FILE} set,
 *       {@code /score} and {@code /swagger.json} require {@code Authorization: Bearer <key>} (401 otherwise);
 *       the health probe, {@code OPTIONS} and {@code /docs} stay open. The Python server checks no key (Azure
 *       ML's endpoint does, in front of it).</li>
 *   <li>{@code GET /docs} serves Swagger UI over the OpenAPI 3.1 document, from the class path.</li>
 *   <li>Cleartext HTTP/2 (h2c) is spoken, by upgrade or with prior knowledge; gunicorn speaks HTTP/1.1 only.</li>
 *   <li>The idle timeout ({@code SCORESPEC_IDLE_TIMEOUT_SECONDS}, 60 s) closes only connections with no request
 *       in flight, so a {@code run} may take the whole scoring timeout (gunicorn's worker timeout is separate
 *       from its keep-alive). The access log says {@code no response} when a connection closed before an
 *       answer was sent.</li>
 *   <li>Request bodies held at once are bounded ({@code SCORESPEC_MAX_BYTES_IN_FLIGHT}): a body that would pass
 *       the budget is answered 503 with {@code Retry-After: 1} before it is read, one larger than the whole
 *       budget 413; gunicorn has no such budget.</li>
 *   <li>A {@code @Batching} class's requests are scored together, through a
 *       {@link dev.scorespec.runtime.batching.Batcher}: bound on the worker pool, queued, run in batches on the
 *       batcher's thread, written on the worker pool. A request that cannot be scored before its scoring
 *       timeout, or that finds the queue full, is answered 503 with {@code Retry-After}; the Python server
 *       does not batch.</li>
 *   <li>A {@code SERVICE_PATH_PREFIX} that a request path cannot carry as it is, or that would hide a route
 *       ({@code /score}, {@code /swagger.json}, {@code /docs}), and a key over 8192 characters stop the start
 *       (exit code 2); Python starts and then answers 404 or 405.</li>
 *   <li>{@code Transfer-Encoding} other than {@code chunked} is 501 and closes the connection; two {@code Host}
 *       headers or none are 400; {@code OPTIONS *} answers 200 with the server's methods; {@code CONNECT} is
 *       405; a path with a {@code %} that starts no escape of two hex digits ({@code /%zz}) is 400, without
 *       the ERROR line Vert.x Web would log.</li>
 *   <li>A {@code @RawHttp} run sees every value of a repeated header
 *       ({@link dev.scorespec.runtime.ScoringRequest#headerValues}), as Flask's
 *       {@code request.headers.getlist} gives them.</li>
 *   <li>Bodies the binders refuse in our own words, never a 500 (the reference answers some of these 500):
 *       a JSON body that is not UTF-8 (an overlong form, a surrogate, a code point past U+10FFFF, a NUL in
 *       its first four bytes that would make Jackson guess UTF-16 or UTF-32) is 400 naming the byte offset;
 *       every read limit (a string over 20,000,000 characters, a number or name too long, nesting too deep)
 *       is 400 naming the path; parse errors name the line and column without quoting Jackson's internals;
 *       a number whose exponent no decimal holds is out of range.</li>
 *   <li>No silent change of data: Tablesaw's missing-value markers ({@code Long.MIN_VALUE} in a
 *       {@code LONG} column, {@code Integer.MIN_VALUE} in an {@code INTEGER} one, {@code ""} in a nullable
 *       string column) are refused with 400; a NaN or infinite result that the output sample does not allow
 *       is a 500 with the reason in the log, never a {@code null} under a non-nullable schema.</li>
 * </ul>
 *
 * <h2>Vert.x Web's handlers, and where the contract keeps code hand-written</h2>
 * The routes are Vert.x Web routes by method and path, built in one place
 * ({@code ScoringServer.router()}), so Vert.x answers an unknown path 404 and a known path with another
 * method 405 with {@code Allow}; its error handlers give those the Python server's JSON bodies. Still
 * hand-written, each with the reason at the class: CORS (flask-cors serves a refused origin without CORS
 * headers, Vert.x's {@code CorsHandler} answers it 403), the body reader (forms reach a raw run as sent, a
 * memory budget across requests, one copy of a body), query decoding (werkzeug's rules, see
 * {@link dev.scorespec.runtime.QueryString}), the scoring timeout (500, counted from the hand-over to the
 * workers, interrupting {@code run}), and the Swagger UI files (an allow-list of four files served from
 * memory, gzipped once).
 */
package dev.scorespec.runtime.server;
