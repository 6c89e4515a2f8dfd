package dev.scorespec.samples;
/** Scoring services to copy, run and call. */
