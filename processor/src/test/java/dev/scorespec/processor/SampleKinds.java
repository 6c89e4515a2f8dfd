package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * A catalogue of scoring classes, one per kind of sample the processor knows: the golden end-to-end
 * cases, the Power BI and nested-record classes, and the kinds below that no other test compiles
 * (more dtypes and ranks, pinned and loose dataframe columns, nested standard values, optional
 * parameters). Compiled once per JVM, in one compilation, for the fuzz targets to bind against.
 */
final class SampleKinds {

    private static final Pattern CLASS_NAME = Pattern.compile("public (?:final )?class (\\w+)");

    /** Kinds only this catalogue has, by class name. */
    private static final Map<String, String> EXTRA = Map.ofEntries(
            Map.entry("NdInt32Rank3", """
                    public class NdInt32Rank3 {
                        @InputSchema(param = "data", ndarray = @NdArray(sample = "[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]", dtype = "int32"))
                        public int run(int[][][] data) { return data.length; }
                    }
                    """),
            Map.entry("NdFloat32Rank2", """
                    public class NdFloat32Rank2 {
                        @InputSchema(param = "data", ndarray = @NdArray(sample = "[[1.5, 2.5, 3.5]]", dtype = "float32"))
                        public int run(float[][] data) { return data.length; }
                    }
                    """),
            Map.entry("NdLooseShape", """
                    public class NdLooseShape {
                        @InputSchema(param = "data", ndarray = @NdArray(sample = "[[1.0, 2.0], [3.0, 4.0]]", enforceShape = false))
                        public int run(double[][] data) { return data.length; }
                    }
                    """),
            Map.entry("NdAnyRank", """
                    public class NdAnyRank {
                        @InputSchema(param = "bytes", ndarray = @NdArray(sample = "[[0, 255], [7, 8]]", dtype = "uint8"))
                        @InputSchema(param = "halves", ndarray = @NdArray(sample = "[0.5, 1.5]", dtype = "float16"))
                        @InputSchema(param = "small", ndarray = @NdArray(sample = "[[[-128]]]", dtype = "int8"))
                        @InputSchema(param = "words", ndarray = @NdArray(sample = "[\\"a\\", \\"bc\\"]", dtype = "str"))
                        @InputSchema(param = "flags", ndarray = @NdArray(sample = "[[true], [false]]", dtype = "bool"))
                        public int run(NDArray bytes, NDArray halves, NDArray small, NDArray words, NDArray flags) {
                            return bytes.shape(0);
                        }
                    }
                    """),
            Map.entry("NdTimes", """
                    public class NdTimes {
                        @InputSchema(param = "at", ndarray = @NdArray(sample = "[[\\"2020-01-01T00:00:00\\"]]", dtype = "datetime64"))
                        @InputSchema(param = "gaps", ndarray = @NdArray(sample = "[\\"P1D\\", \\"PT2H\\"]", dtype = "timedelta64"))
                        public int run(LocalDateTime[][] at, Duration[] gaps) { return at.length + gaps.length; }
                    }
                    """),
            Map.entry("FramePinned", """
                    public class FramePinned {
                        @InputSchema(param = "data", dataframe = @DataFrame(orient = Orient.SPLIT, sample = \"""
                                {"n": [1, 2], "big": [3, 4], "x": [1, 2], "d": ["2020-01-02", "2021-03-04"],
                                 "t": ["10:15:30", "23:59:59"], "at": ["2020-01-02T03:04:05Z", "2020-01-02T03:04:06+02:00"],
                                 "ok": [true, false], "note": [null, "x"]}\""",
                                columns = {@DataFrame.Column(name = "n", type = ColumnKind.INTEGER),
                                           @DataFrame.Column(name = "x", type = ColumnKind.DOUBLE),
                                           @DataFrame.Column(name = "note", type = ColumnKind.STRING)}))
                        public int run(tech.tablesaw.api.Table data) { return data.rowCount(); }
                    }
                    """),
            Map.entry("FramePinnedRecords", """
                    public class FramePinnedRecords {
                        @InputSchema(param = "data", dataframe = @DataFrame(sample = \"""
                                [{"n": 1, "when": "2020-01-02T03:04:05", "gap": "PT1H"}]\""",
                                columns = @DataFrame.Column(name = "n", type = ColumnKind.INTEGER)))
                        public int run(tech.tablesaw.api.Table data) { return data.rowCount(); }
                    }
                    """),
            Map.entry("FrameLoose", """
                    public class FrameLoose {
                        @InputSchema(param = "data", dataframe = @DataFrame(orient = Orient.COLUMNS, sample = \"""
                                {"a": [1, 2], "b": ["x", "y"]}\""", enforceColumnType = false, enforceShape = false))
                        @InputSchema(param = "rows", dataframe = @DataFrame(orient = Orient.VALUES, sample = \"""
                                {"a": [1.5], "b": [true]}\""", enforceShape = false))
                        public int run(tech.tablesaw.api.Table data, tech.tablesaw.api.Table rows) { return data.rowCount(); }
                    }
                    """),
            Map.entry("StandardNested", """
                    public class StandardNested {
                        public record Visit(@Standard(sample = "\\"2020-01-02\\"") LocalDate day,
                                @Standard(sample = "\\"AAEC\\"") byte[] blob,
                                @Standard(sample = "{\\"a\\": [1, 2]}") Map<String, List<Long>> counts) {}

                        public record Patient(@Standard(sample = "\\"Ann\\"") String name,
                                @Standard(sample = "[\\"2020-01-02T03:04:05\\"]") List<LocalDateTime> seen,
                                List<Visit> visits, Visit last) {}

                        @InputSchema(param = "patient")
                        @InputSchema(param = "limit", optional = true, standard = @Standard(sample = "3"))
                        @InputSchema(param = "tags", optional = true, standard = @Standard(sample = "[\\"a\\", \\"b\\"]"))
                        @InputSchema(param = "extra", optional = true, standard = @Standard(sample = "{\\"k\\": {\\"x\\": 1.5}}"))
                        public int run(Patient patient, Long limit, List<String> tags, Map<String, Map<String, Double>> extra) {
                            return patient.visits().size();
                        }
                    }
                    """),
            Map.entry("StandardScalars", """
                    public class StandardScalars {
                        @InputSchema(param = "t", standard = @Standard(sample = "\\"10:15:30\\""))
                        @InputSchema(param = "f", standard = @Standard(sample = "1.5"))
                        @InputSchema(param = "b", optional = true, standard = @Standard(sample = "true"))
                        @InputSchema(param = "mixed", optional = true, standard = @Standard(sample = "[1, \\"a\\", 2.5, true]"))
                        public int run(LocalTime t, double f, Boolean b, List<Object> mixed) { return 1; }
                    }
                    """),
            Map.entry("Scores", NestedBinderTest.SCORES));

    private static List<ScoringBinder<Object, Object>> binders;

    private SampleKinds() {}

    /** The binders of the catalogue, sorted by class name, so an input means the same binder in every run. */
    static synchronized List<ScoringBinder<Object, Object>> binders() throws Exception {
        if (binders == null) {
            Map<String, JavaFileObject> sources = new TreeMap<>();
            for (String resource : List.of("/golden-e2e", "/nested")) {
                for (Path file : javaFiles(resource)) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Matcher name = CLASS_NAME.matcher(text);
                    if (!name.find()) {
                        throw new IllegalStateException("no public class in " + file);
                    }
                    sources.put(name.group(1), JavaFileObjects.forSourceString("test." + name.group(1), text));
                }
            }
            EXTRA.forEach((name, body) -> sources.put(name, Sources.source(name, body)));
            Compilation compilation = Sources.compile(sources.values().toArray(JavaFileObject[]::new));
            assertThat(compilation).succeeded();
            CompiledClasses classes = new CompiledClasses(compilation);
            List<ScoringBinder<Object, Object>> all = new ArrayList<>();
            for (String name : sources.keySet()) {
                ScoringBinder<Object, Object> binder = classes.instance("test." + name + "_ScoreSpec");
                binder.init(ModelDir.of(Path.of(".")));
                all.add(binder);
            }
            binders = List.copyOf(all);
        }
        return binders;
    }

    private static List<Path> javaFiles(String resource) {
        try (Stream<Path> files =
                Files.list(Path.of(SampleKinds.class.getResource(resource).toURI()))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
