package test;

import dev.scorespec.annotations.*;

/**
 * np.array([('Sarah', (8.0, 7.0)), ('John', (6.0, 7.0))], dtype=[('name', 'U10'), ('grades', 'f8', (2,))])
 * -> np.array([(8.0, 7.0), (6.0, 7.0)], dtype='float64, float64')
 */
public class NumpyStructured {
    public record Student(String name, double[] grades) {}

    public record Grades(double f0, double f1) {}

    @InputSchema(param = "data", ndarray = @NdArray(sample = """
            [{"name": "Sarah", "grades": [8.0, 7.0]}, {"name": "John", "grades": [6.0, 7.0]}]"""))
    @OutputSchema(ndarray = @NdArray(sample = "[{\"f0\": 8.0, \"f1\": 7.0}, {\"f0\": 6.0, \"f1\": 7.0}]"))
    public Grades[] run(Student[] data) {
        Grades[] out = new Grades[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = new Grades(data[i].grades()[0], data[i].grades()[1]);
        }
        return out;
    }
}
