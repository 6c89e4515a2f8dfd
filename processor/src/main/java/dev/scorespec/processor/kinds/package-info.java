/**
 * The sample kinds, one package each: {@code ndarray}, {@code dataframe}, {@code standard} (values,
 * lists, objects and records) and {@code nested} (records whose components carry their own samples).
 * A kind's package keeps its three layers side by side, named for them: {@code *Samples} checks a
 * sample and infers its {@link dev.scorespec.processor.model.ValueType} (validate), {@code *Schemas}
 * writes its JSON schema and {@code *Binders} its binder code (emit), and {@code *Emitter} is what
 * {@link dev.scorespec.processor.emit.KindEmitters} hands the emitters for it. Emitters read the model
 * only, never {@code javax.lang.model}.
 *
 * <p>The kinds are closed: {@link dev.scorespec.processor.model.ValueType} is sealed and every
 * concern that depends on the kind is a visitor or an abstract method of it, so a new kind does not
 * compile until each place has learnt it (see {@code CONTRIBUTING.md}).
 */
package dev.scorespec.processor.kinds;
