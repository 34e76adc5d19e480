package io.glasswarden.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.glasswarden.fuzz.ApiFuzzTest.Answer;

/** Reads a whole HTTP/1.x response (status, content type, body with or without chunked encoding) from its bytes. */
final class HttpAnswer {

    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");

    private HttpAnswer() {
    }

    static Answer parse(byte[] response, long millis) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        Matcher status = STATUS_LINE.matcher(text);
        if (!status.find()) {
            return new Answer(0, null, null, "not an HTTP answer: " + MalformedRequests.abbreviate(text, 80), millis);
        }
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String contentType = null;
        boolean chunked = false;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-type")) {
                contentType = value;
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(response, split + 4, response.length);
        if (chunked) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(status.group(1)), contentType, new String(body, StandardCharsets.UTF_8),
                null, millis);
    }

    /** RFC 9112 section 7.1: hex size line, data, CRLF, ... until a zero size; trailers are ignored. */
    static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                break;
            }
            int from = lineEnd + 2;
            out.write(chunked, from, Math.min(size, chunked.length - from));
            at = from + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
