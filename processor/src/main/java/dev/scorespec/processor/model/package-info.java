/**
 * The first layer of the processor: an immutable description of each scoring class, read from its
 * annotations and Java types. Nothing here touches {@code javax.lang.model} except through
 * {@link dev.scorespec.processor.model.Location}, an opaque handle the validator reports on.
 */
package dev.scorespec.processor.model;
