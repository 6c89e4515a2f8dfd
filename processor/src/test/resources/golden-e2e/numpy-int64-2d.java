package test;

import dev.scorespec.annotations.*;

/** np.array([[1, 2], [3, 4]], dtype='int64') -> np.array([[1], [0]], dtype='int64') */
public class NumpyInt642d {
    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[1, 2], [3, 4]]", dtype = "int64"))
    @OutputSchema(ndarray = @NdArray(sample = "[[1], [0]]", dtype = "int64"))
    public long[][] run(long[][] data) {
        long[][] odd = new long[data.length][1];
        for (int i = 0; i < data.length; i++) {
            odd[i][0] = data[i][0] & 1;
        }
        return odd;
    }
}
