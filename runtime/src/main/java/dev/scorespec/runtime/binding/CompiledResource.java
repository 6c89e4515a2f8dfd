package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.annotations.internal.ScoringResource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the members of the resource the processor wrote for a scoring class ({@link ScoringResource}): its
 * OpenAPI documents and its Open Inference Protocol metadata. A member is handed out as the bytes the
 * processor wrote for it, from the first byte of its value to the last, so whoever reads it sees the
 * document exactly as it was written on its own.
 */
public final class CompiledResource {

    /** A plain factory: the slice relies on the byte offsets of Jackson's own parser. */
    private static final JsonFactory JSON = new JsonFactory();

    private CompiledResource() {}

    /**
     * One member of the resource at the binder's {@link ScoringBinder#documentResource()}, found by the
     * binder's class loader; empty when the class path has no such resource or the resource no such member.
     *
     * @throws IOException when the resource cannot be read or is not a JSON object
     */
    public static Optional<byte[]> member(ScoringBinder<?, ?> binder, String member) throws IOException {
        ClassLoader loader = binder.getClass().getClassLoader();
        if (loader == null) {
            loader = ClassLoader.getSystemClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(binder.documentResource())) {
            return in == null ? Optional.empty() : member(in.readAllBytes(), member);
        }
    }

    /**
     * One member of a resource's bytes; empty when it has none of that name.
     *
     * @throws IOException when the bytes are not a JSON object
     */
    public static Optional<byte[]> member(byte[] resource, String member) throws IOException {
        try (JsonParser parser = JSON.createParser(resource)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("A ScoreSpec resource is a JSON object of documents; this one starts with "
                        + parser.currentToken());
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                long start = parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                if (name.equals(member)) {
                    long end = parser.currentLocation().getByteOffset();
                    return Optional.of(Arrays.copyOfRange(resource, (int) start, (int) end));
                }
            }
            return Optional.empty();
        }
    }
}
