/** The two-model sample: a regression and a banding model read from one several-models directory. */
package dev.scorespec.samples.risk;
