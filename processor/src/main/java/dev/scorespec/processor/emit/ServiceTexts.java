package dev.scorespec.processor.emit;

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
    static final String SCORE_OPERATION = "RunMLService";
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

    static final String SERVICE_INPUT = "ServiceInput";
    static final String SERVICE_OUTPUT = "ServiceOutput";
    static final String ERROR_RESPONSE = "ErrorResponse";

    static final String JSON = "application/json";
    static final String TEXT = "text/plain";
    static final String OCTET_STREAM = "application/octet-stream";
    static final String ANY = "*/*";

    private ServiceTexts() {
    }
}
