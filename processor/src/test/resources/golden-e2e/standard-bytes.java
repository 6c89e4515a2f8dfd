package test;

import dev.scorespec.annotations.*;

/** StandardPythonParameterType(b'hello') -> StandardPythonParameterType(b'ok'): bytes travel as base64 */
public class StandardBytes {
    @InputSchema(param = "data", standard = @Standard(sample = "\"aGVsbG8=\""))
    @OutputSchema(standard = @Standard(sample = "\"b2s=\""))
    public byte[] run(byte[] data) {
        return new byte[] {'o', 'k'};
    }
}
