package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorespec.runtime.ModelDir;
import java.io.IOException;
import java.util.List;

/**
 * What every generated binder has in common: its scoring class's name, documents and body kind, the one
 * scoring object that {@link #init} creates and every request then uses, and writing a result that
 * {@link JsonOutput} can write by its Java type. A generated binder adds only what its samples decide:
 * how the object is created, how a request is bound and how {@code run} is called. Part of the contract
 * with generated code, not an API for users.
 *
 * @param <S> the scoring class
 * @param <A> the bound arguments of {@code run}, a record generated next to the binder
 * @param <R> what {@code run} returns
 */
public abstract class GeneratedBinder<S, A, R> implements ScoringBinder<A, R> {

    private final String scoringClass;
    private final BodyKind bodyKind;
    private final List<String> documentVersions;

    /** Created by {@link #init}; read by every request after it. */
    private volatile S scoring;

    /**
     * @param scoringClass the binary name of the scoring class, as {@link Class#getName()} spells it
     * @param bodyKind how {@code run} takes the request body
     * @param documentVersions the OpenAPI versions of the documents written at compile time
     */
    protected GeneratedBinder(String scoringClass, BodyKind bodyKind, String... documentVersions) {
        this.scoringClass = scoringClass;
        this.bodyKind = bodyKind;
        this.documentVersions = List.of(documentVersions);
    }

    @Override
    public final String scoringClass() {
        return scoringClass;
    }

    @Override
    public final List<String> documentVersions() {
        return documentVersions;
    }

    @Override
    public final BodyKind bodyKind() {
        return bodyKind;
    }

    @Override
    public void init(ModelDir models) throws Exception {
        scoring = create(models);
    }

    /** The scoring object {@link #init} created, for calls of the scoring class other than {@code run}. */
    protected final S scoring() {
        return scoring;
    }

    /** Creates the scoring object and calls its {@code @Init} method, if any. */
    protected abstract S create(ModelDir models) throws Exception;

    @Override
    public R run(A arguments) throws Exception {
        return run(scoring, arguments);
    }

    /** Calls {@code run} on the scoring object with the bound arguments. */
    protected abstract R run(S scoring, A arguments) throws Exception;

    /** Writes the result by its Java type; binders whose output sample says more override this. */
    @Override
    public void write(R result, JsonGenerator out) throws IOException {
        JsonOutput.write(out, result);
    }
}
