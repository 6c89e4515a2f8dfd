package dev.scorespec.annotations.internal;

/**
 * Where the processor writes a scoring class's Open Inference Protocol (KServe V2) model metadata (the
 * {@link #MEMBER} of its {@link ScoringResource}), and the names of the tensor parameters that tell the runtime where each input goes in the {@code /score}
 * body: the processor writes them, the runtime reads them.
 */
public final class OpenInferenceResource {

    /** MLServer's decoding hint: {@code np}, {@code pd}, {@code str}, {@code base64}, {@code datetime}. */
    public static final String CONTENT_TYPE = "content_type";
    /** The JSON pointer of the input's value in the {@code /score} body, such as {@code /Inputs/input1}. */
    public static final String PATH = "scorespec_path";
    /** For a dataframe column: its name in the frame. */
    public static final String COLUMN = "scorespec_column";
    /** For a dataframe column: the orient of its frame in the {@code /score} body ({@code records}, ...). */
    public static final String ORIENT = "scorespec_orient";
    /** For a value the protocol cannot carry: why; {@code infer} answers 400 with it. */
    public static final String UNSUPPORTED = "scorespec_unsupported";
    /** For a value the protocol cannot carry: whether {@code run} requires it (then no request can bind). */
    public static final String REQUIRED = "scorespec_required";

    /** The member of the class's {@link ScoringResource} that holds the metadata. */
    public static final String MEMBER = "open-inference";

    private OpenInferenceResource() {}
}
