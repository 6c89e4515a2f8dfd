package dev.scorespec.processor.emit;

import dev.scorespec.annotations.internal.ScoringResource;
import java.util.Map;

/**
 * The text of a scoring class's one resource ({@link ScoringResource}): a JSON object with one member per
 * document, each document's pretty-printed text as it is, without further indentation, so the runtime can
 * hand out a member's bytes unchanged.
 */
public final class ScoringResourceText {

    private ScoringResourceText() {}

    /**
     * The resource holding these documents, in the map's order.
     *
     * @param members member name ({@code swagger-2.0}, {@code open-inference}, ...) to the document's JSON
     *     text; names are ScoreSpec's own and need no escaping
     */
    public static String of(Map<String, String> members) {
        StringBuilder text = new StringBuilder("{\n");
        String separator = "";
        for (Map.Entry<String, String> member : members.entrySet()) {
            String document = member.getValue().strip();
            text.append(separator)
                    .append('"')
                    .append(member.getKey())
                    .append("\": ")
                    .append(document);
            separator = ",\n";
        }
        return text.append("\n}\n").toString();
    }
}
