package dev.scorespec.processor.emit;

import dev.scorespec.processor.model.ScoringSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed parts of the Python server's document templates ({@code swagger2_template.json},
 * {@code swagger3_template.json} of azureml-inference-server-http): operation ids, descriptions and
 * definition names that clients of the Python service may rely on.
 */
final class ServiceTexts {

    static final String SECURITY_SCHEME = "Bearer";
    static final String SECURITY_HEADER = "Authorization";
    static final String SECURITY_DESCRIPTION = "For example: Bearer abc123";

    static final String HEALTH_PATH = "/";
    static final String HEALTH_OPERATION = "ServiceHealthCheck";
    static final String HEALTH_DESCRIPTION =
            "Simple health check endpoint to ensure the service is up at any given point.";
    static final String HEALTH_OK =
            "If service is up and running, this response will be returned with the content 'Healthy'";
    static final String HEALTHY = "Healthy";

    static final String SCORE_PATH = "/score";
    static final String SCORE_DESCRIPTION = "Run web service's model and get the prediction output";
    static final String SCORE_BODY_NAME = "serviceInputPayload";
    static final String SCORE_BODY_DESCRIPTION =
            "The input payload for executing the real-time machine learning service.";
    static final String SCORE_RAW_BODY_DESCRIPTION = "The request body as it came, of any Content-Type: run "
            + "receives it unparsed, with the method, path and headers.";
    static final String SCORE_RAW_OK = "What run answered: its status, headers and body, of any Content-Type.";
    static final String SCORE_OK =
            "The service processed the input correctly and provided a result prediction, if applicable.";

    static final String SWAGGER_PATH = "/swagger.json";
    static final String SWAGGER_OPERATION = "GetSwaggerSpec";
    static final String SWAGGER_DESCRIPTION = "Get the Swagger specification.";
    static final String SWAGGER_VERSION_PARAMETER = "version";
    static final String SWAGGER_OK = "The Swagger specification.";

    static final String ERROR_DESCRIPTION = "The service failed to execute due to an error.";
    static final String HEALTH_NOT_READY = "@Init has not finished yet; retry after the seconds of Retry-After.";
    static final String NOT_READY_OR_FULL = "@Init has not finished yet, or the server is full (its memory budget "
            + "for request bodies, or its batch queue when batching is on). Nothing was run; retry after the "
            + "seconds of Retry-After.";

    /** Whether the server answers 415 to a body that is not JSON: for {@code @InputSchema} parameters only. */
    static boolean checksContentType(ScoringSpec spec) {
        return spec.bodyKind() == ScoringSpec.BodyKind.JSON_PARAMETERS;
    }

    /**
     * The error answers the server gives on {@code /score}, by status, each with an {@code ErrorResponse}
     * body; the reference lists only {@code default}, which generated clients cannot tell apart.
     *
     * @param contentTypeChecked whether the server refuses a body that is not JSON (415), as it does
     *     for a run with {@code @InputSchema} parameters
     */
    static Map<String, String> scoreErrors(boolean contentTypeChecked) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(
                "400",
                "The input does not fit the schema, or run refused it: the message names the field "
                        + "and the problem.");
        errors.put("401", "A key is configured and the request did not send it as 'Authorization: Bearer <key>'.");
        errors.put("413", "The request body is larger than the server accepts.");
        if (contentTypeChecked) {
            errors.put("415", "The request's Content-Type is not application/json.");
        }
        errors.put("500", "run failed, did not finish in time, or its result could not be written.");
        errors.put("503", NOT_READY_OR_FULL);
        return errors;
    }

    static final String SERVICE_INPUT = "ServiceInput";
    static final String SERVICE_OUTPUT = "ServiceOutput";
    static final String ERROR_RESPONSE = "ErrorResponse";

    static final String JSON = "application/json";
    static final String TEXT = "text/plain";
    static final String OCTET_STREAM = "application/octet-stream";
    static final String ANY = "*/*";

    private ServiceTexts() {}
}
