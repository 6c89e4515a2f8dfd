package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorespec.annotations.internal.ScoringResource;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.batching.BatchSpec;
import java.io.IOException;
import java.util.List;

/**
 * The contract between the scoring server and the class the annotation processor generates for each
 * scoring class ({@code RidgeScore_ScoreSpec} for {@code RidgeScore}). Generated binders are listed
 * in {@code META-INF/services/dev.scorespec.runtime.binding.ScoringBinder}, so the server finds them
 * with {@link java.util.ServiceLoader} and never reflects over user code.
 *
 * <p>A binder is created once per server and used from many threads: {@link #init} runs once, then
 * {@link #bind}, {@link #run} and {@link #write} run concurrently for each request.
 *
 * @param <A> the bound arguments of {@code run}, a record generated next to the binder
 * @param <R> what {@code run} returns
 */
public interface ScoringBinder<A, R> {

    /**
     * The binary name of the scoring class, as {@link Class#getName()} spells it ({@code com.example.Outer$Inner}
     * for a nested class): the name {@code --scoring-class} takes and the documents are stored under.
     */
    String scoringClass();

    /**
     * The OpenAPI versions ({@code "2.0"}, {@code "3.0"}, {@code "3.1"}) of the documents written for this
     * class at compile time, in its {@link #documentResource()}. A version the samples cannot express
     * (Swagger 2.0 with mixed-type arrays) is missing.
     */
    List<String> documentVersions();

    /** How {@code run} takes the request body. */
    BodyKind bodyKind();

    /**
     * The class-path resource the processor wrote for this class: the documents of {@link #documentVersions()}
     * and the Open Inference Protocol metadata, one member each ({@link ScoringResource}, read by
     * {@link CompiledResource}).
     */
    default String documentResource() {
        return ScoringResource.of(scoringClass());
    }

    /** Creates the scoring object and calls its {@code @Init} method, if any. Called once. */
    void init(ModelDir models) throws Exception;

    /**
     * Converts the request into the arguments of {@code run}, checking them against the samples. A JSON
     * body is read to its end, and one that is not exactly one JSON object fails: the server relies on it,
     * and parses the body a second time only when binding fails, to say what is wrong with it.
     *
     * @throws BindingException when the body does not fit the input schema; its message names the
     *     JSON path and the problem
     */
    A bind(ScoringRequest request) throws IOException;

    /** Calls {@code run}. Exceptions are the scoring code's own and become a 500. */
    R run(A arguments) throws Exception;

    /**
     * Writes what {@code run} returned as JSON. Never called for a {@link BodyKind#RAW_HTTP} binder, whose
     * {@code run} returns the {@link dev.scorespec.runtime.ScoringResponse} to send.
     */
    void write(R result, JsonGenerator out) throws IOException;

    /**
     * The typed path for batch scoring when the inputs and outputs are tables, or null when they are not:
     * a batch job scores datasets through it, with no JSON in between.
     */
    default TabularBinding<A, R> tabular() {
        return null;
    }

    /**
     * How concurrent requests are scored together, for a scoring class with {@code @Batching}; null for
     * one without, whose requests each get their own {@code run} call.
     */
    default BatchSpec<A, R> batching() {
        return null;
    }
}
