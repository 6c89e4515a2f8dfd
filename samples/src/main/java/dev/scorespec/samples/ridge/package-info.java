/** The diabetes ridge-regression sample model, run with ONNX Runtime. */
package dev.scorespec.samples.ridge;
