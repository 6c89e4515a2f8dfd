package dev.scorespec.processor.emit;

import dev.scorespec.annotations.internal.OpenApiVersion;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;

/** swagger-parser's checks of a whole document, as messages: none means it is valid to the parser. */
public final class DocumentParsers {

    private DocumentParsers() {}

    public static List<String> messages(String document, OpenApiVersion version) {
        return version == OpenApiVersion.V2_0 ? swagger2(document) : openApi3(document);
    }

    /** OpenAPI 3.0 or 3.1 through {@link OpenAPIV3Parser}, references resolved. */
    static List<String> openApi3(String document) {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, resolving());
        List<String> messages = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
        if (result.getOpenAPI() == null) {
            messages.add("no document was read");
        }
        return messages;
    }

    /**
     * Swagger 2.0 through swagger-parser's 2.0 reader and converter, whose own messages cover missing
     * and unexpected attributes; the converted 3.0 form then goes through {@link #openApi3}, which
     * reports dangling references the 2.0 reader lets through.
     */
    static List<String> swagger2(String document) {
        SwaggerParseResult result = new SwaggerConverter().readContents(document, null, resolving());
        List<String> messages = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
        if (result.getOpenAPI() == null) {
            messages.add("no document was read");
        } else {
            openApi3(Json.pretty(result.getOpenAPI())).forEach(m -> messages.add("converted: " + m));
        }
        return messages;
    }

    private static ParseOptions resolving() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return options;
    }
}
