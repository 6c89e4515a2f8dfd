/** A raw HTTP sample: image bytes in, their size and colours out, decoded with the JDK's ImageIO. */
package dev.scorespec.samples.image;
