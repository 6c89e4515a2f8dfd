package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.IOContext;
import java.io.IOException;

/**
 * The factory of every request's JSON parser: Jackson's, whose parsers over a UTF-8 byte array are
 * {@link BodyParser}s, which let the readers of large arrays ({@link FastArrays}) read the numbers
 * straight from the bytes. Everything else, every error message and position included, is Jackson's.
 *
 * <p>For generated code and the server; not public API.
 */
public final class BodyJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    private BodyJsonFactory(JsonFactoryBuilder settings) {
        super(settings);
    }

    /** A new factory with the server's settings: fast floating-point parsing on. */
    public static JsonFactory create() {
        return new BodyJsonFactory(settings());
    }

    /** The server's parser settings; a plain factory built from them is the careful path alone. */
    static JsonFactoryBuilder settings() {
        JsonFactoryBuilder settings = new JsonFactoryBuilder();
        settings.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER);
        settings.enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER);
        return settings;
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        if (!isPlainUtf8(data, offset, len)
                || !JsonFactory.Feature.CANONICALIZE_FIELD_NAMES.enabledIn(_factoryFeatures)) {
            return super._createParser(data, offset, len, ctxt);
        }
        // What Jackson's own bootstrapping does for UTF-8 without a byte order mark.
        _streamReadConstraints.validateDocumentLength(len);
        ctxt.setEncoding(JsonEncoding.UTF8);
        return new BodyParser(
                ctxt,
                _parserFeatures,
                _objectCodec,
                _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
                data,
                offset,
                offset + len);
    }

    /**
     * Whether Jackson would read these bytes as UTF-8 from their first byte: no byte order mark, and no
     * NUL among the first four bytes, from which it would guess UTF-16 or UTF-32.
     */
    private static boolean isPlainUtf8(byte[] data, int offset, int len) {
        if (len > 0) {
            int first = data[offset] & 0xFF;
            if (first == 0xEF || first == 0xFE || first == 0xFF) {
                return false;
            }
        }
        for (int i = offset; i < offset + Math.min(4, len); i++) {
            if (data[i] == 0) {
                return false;
            }
        }
        return true;
    }
}
