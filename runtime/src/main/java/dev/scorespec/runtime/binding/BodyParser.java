package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;

/**
 * Jackson's UTF-8 parser over a request body held whole in a byte array, which lets a fast reader take
 * over one array value: it reads the array from the bytes after its {@code [}, then {@link #skipArray}
 * moves the parser to the array's {@code ]} exactly as Jackson's own tokens would have, line and column
 * included. A reader that finds anything unusual does not call it, and the parser has not moved.
 */
final class BodyParser extends UTF8StreamJsonParser {

    BodyParser(
            IOContext ctxt,
            int features,
            ObjectCodec codec,
            ByteQuadsCanonicalizer symbols,
            byte[] body,
            int start,
            int end) {
        super(ctxt, features, null, codec, symbols, body, start, end, 0, false);
    }

    /**
     * Whether a fast reader may take over the current token: an array's {@code [}, the whole body in the
     * buffer, and no token-count limit, which counts each token Jackson reads.
     */
    boolean atArrayStart() {
        return _currToken == JsonToken.START_ARRAY && _inputStream == null && !_trackMaxTokenCount;
    }

    /** The body's bytes; read them only, from {@link #position()} up to {@link #end()}. */
    byte[] bytes() {
        return _inputBuffer;
    }

    /** The offset after the current token: after the {@code [} of {@link #atArrayStart}. */
    int position() {
        return _inputPtr;
    }

    int end() {
        return _inputEnd;
    }

    /** The longest number Jackson reads; a longer one is its error to report. */
    int maxNumberLength() {
        return _streamReadConstraints.getMaxNumberLength();
    }

    /** The longest string Jackson reads; a longer one is its error to report. */
    int maxStringLength() {
        return _streamReadConstraints.getMaxStringLength();
    }

    /** The line count and line start as Jackson keeps them, for a reader that counts line breaks. */
    int line() {
        return _currInputRow;
    }

    int lineStart() {
        return _currInputRowStart;
    }

    /**
     * Moves the parser to the {@code ]} that ends the current array, as if it had read every token in
     * between: {@code after} is the offset after that {@code ]}; {@code line} and {@code lineStart} count
     * the line breaks in between as Jackson does (a CR LF pair is one).
     */
    void skipArray(int after, int line, int lineStart) throws IOException {
        _inputPtr = after;
        _currInputRow = line;
        _currInputRowStart = lineStart;
        // The location of the ']' token, as Jackson records it after reading the character.
        _tokenInputRow = _currInputRow;
        _tokenInputTotal = _currInputProcessed + after;
        _tokenInputCol = after - _currInputRowStart;
        _numTypesValid = NR_UNKNOWN;
        _binaryValue = null;
        _parsingContext = _parsingContext.clearAndGetParent();
        _updateToken(JsonToken.END_ARRAY);
    }
}
