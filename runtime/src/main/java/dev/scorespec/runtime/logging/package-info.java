/**
 * Logging out of the box: with logback on a service's class path and no logback configuration of its
 * own, {@link dev.scorespec.runtime.logging.DefaultLogging} writes plain or JSON lines to standard output
 * ({@link dev.scorespec.runtime.logging.LogFormat}). The runtime itself logs through SLF4J only.
 */
package dev.scorespec.runtime.logging;
