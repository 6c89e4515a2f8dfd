package dev.scorespec.processor.model;

/**
 * Where in the source a model part came from: an element, optionally one of its annotations and one
 * of that annotation's values. Opaque to the validator and emitters; the processor's reporter
 * unwraps it into {@code Messager} arguments so IDEs underline the right spot.
 */
public interface Location {}
