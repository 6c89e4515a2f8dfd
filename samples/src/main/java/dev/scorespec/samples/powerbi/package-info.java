/** The Azure ML docs' Power BI example: nested {@code Inputs}, optional {@code GlobalParameters}, {@code Results}. */
package dev.scorespec.samples.powerbi;
