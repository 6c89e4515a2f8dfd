/** Scoring services to copy, run and call. */
package dev.scorespec.samples;
