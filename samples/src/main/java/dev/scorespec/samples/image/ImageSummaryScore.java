package dev.scorespec.samples.image;

import dev.scorespec.annotations.RawHttp;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.ScoringResponse;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A {@code @RawHttp} service, the Azure ML docs' raw example made useful: {@code POST /score} with the bytes
 * of a PNG or JPEG ({@code Content-Type: application/octet-stream} or {@code image/...}) answers its format,
 * size and colour summary, decoded with the JDK's ImageIO; {@code GET /score} answers the full path it was
 * called with, as the docs' example does.
 *
 * <pre>{@code
 * {"format": "png", "width": 16, "height": 16, "meanColor": {"r": 127.5, "g": 63.8, "b": 191.3}, "brightness": 0.373}
 * }</pre>
 *
 * A body that is no PNG or JPEG is a 400, another Content-Type a 415, both with a JSON message, as the
 * server's own errors are.
 */
public final class ImageSummaryScore {

    /** Decoded images are held whole in memory: 40 megapixels, 160 MB of pixels, is the most this accepts. */
    static final long MAX_PIXELS = 40_000_000L;

    private static final Set<String> FORMATS = Set.of("png", "jpeg");

    @RawHttp
    public ScoringResponse run(ScoringRequest request) throws IOException {
        if (request.method().equals("GET")) {
            return ScoringResponse.text(200, request.fullPath());
        }
        String type = request.mediaType().orElse("none");
        if (!type.equals("application/octet-stream") && !type.startsWith("image/")) {
            return error(
                    415,
                    "Send the image's bytes with Content-Type application/octet-stream, image/png or "
                            + "image/jpeg, not " + type + ".");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(request.bodyStream())) {
            ImageReader reader = pngOrJpegReader(in);
            if (reader == null) {
                return error(400, "The body is not a PNG or JPEG image (" + request.body().length + " bytes).");
            }
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    // checked before decoding: a few kilobytes of PNG can claim gigabytes of pixels
                    return error(400, "The image has " + pixels + " pixels; at most " + MAX_PIXELS + " are accepted.");
                }
                BufferedImage image = reader.read(0);
                return ScoringResponse.json(200, summary(reader.getFormatName().toLowerCase(Locale.ROOT), image));
            } catch (IOException | RuntimeException e) {
                // ImageIO's decoders throw both for truncated or corrupt data
                return error(
                        400,
                        "The " + reader.getFormatName().toUpperCase(Locale.ROOT) + " image cannot be decoded: "
                                + e.getMessage());
            } finally {
                reader.dispose();
            }
        }
    }

    /** The reader for the body's format, found from its first bytes, if that format is PNG or JPEG. */
    private static ImageReader pngOrJpegReader(ImageInputStream in) throws IOException {
        if (in == null) {
            return null;
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                return reader;
            }
        }
        return null;
    }

    /** Format, size, mean colour (0-255 per channel) and mean brightness (Rec. 709 luma of the means, 0-1). */
    static Map<String, Object> summary(String format, BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        long red = 0;
        long green = 0;
        long blue = 0;
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                red += (argb >> 16) & 0xff;
                green += (argb >> 8) & 0xff;
                blue += argb & 0xff;
            }
        }
        double pixels = (double) width * height;
        double r = red / pixels;
        double g = green / pixels;
        double b = blue / pixels;
        Map<String, Object> mean = new LinkedHashMap<>();
        mean.put("r", round(r, 1));
        mean.put("g", round(g, 1));
        mean.put("b", round(b, 1));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("format", format);
        summary.put("width", width);
        summary.put("height", height);
        summary.put("meanColor", mean);
        summary.put("brightness", round((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255, 3));
        return summary;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static ScoringResponse error(int status, String message) {
        return ScoringResponse.json(status, Map.of("message", message));
    }
}
