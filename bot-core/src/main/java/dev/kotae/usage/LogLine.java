package dev.kotae.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one activity-log line, read with Jackson's streaming parser (no tree, no line
 * string): a year of logs is read in about a second. Unknown fields are skipped; a line that is not
 * a JSON object, or whose {@code at} is not an ISO instant, is refused (returns false).
 */
final class LogLine {
    private static final JsonFactory JSON = new JsonFactory();
    /** Citation lists are short; a longer one is cut here rather than held whole. */
    private static final int MAX_CITATIONS = 16;

    long epochSecond;
    String platform;
    String question;
    String kind;
    double confidence;
    boolean helpful;
    String userId;
    String action;
    String result;
    String summary;
    final List<String> citations = new ArrayList<>();

    /**
     * Reads one line. Bytes that are not UTF-8 are read as U+FFFD, as {@link JsonLines} reads them, so
     * one bad byte costs a character, not the entry.
     */
    boolean parse(byte[] bytes, int offset, int length) {
        if (parse(bytes, offset, length, null)) {
            return true;
        }
        String replaced = new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8);
        return replaced.indexOf('\uFFFD') >= 0 && parse(null, 0, 0, replaced);
    }

    private boolean parse(byte[] bytes, int offset, int length, String text) {
        epochSecond = Long.MIN_VALUE;
        platform = question = kind = userId = action = result = summary = null;
        confidence = 0;
        helpful = false;
        citations.clear();
        try (JsonParser p = text == null ? JSON.createParser(bytes, offset, length) : JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "at" -> epochSecond = value == JsonToken.VALUE_STRING ? Instants.epochSecond(p.getText()) : Long.MIN_VALUE;
                    case "platform" -> platform = text(p, value);
                    case "question" -> question = text(p, value);
                    case "kind" -> kind = text(p, value);
                    case "userId" -> userId = text(p, value);
                    case "action" -> action = text(p, value);
                    case "result" -> result = text(p, value);
                    case "summary" -> summary = text(p, value);
                    case "confidence" -> confidence = value.isNumeric() ? p.getDoubleValue() : 0;
                    case "helpful" -> helpful = value == JsonToken.VALUE_TRUE;
                    case "citations" -> {
                        if (value == JsonToken.START_ARRAY) {
                            JsonToken item;
                            while ((item = p.nextToken()) != JsonToken.END_ARRAY && item != null) {
                                if (item == JsonToken.VALUE_STRING && citations.size() < MAX_CITATIONS) {
                                    citations.add(p.getText());
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return token == JsonToken.END_OBJECT && epochSecond != Long.MIN_VALUE;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** ISO instants as the logs write them ({@code 2026-11-22T01:02:03.456789Z}), parsed without a formatter. */
    static final class Instants {
        private Instants() {}

        static long epochSecond(String s) {
            if (s.length() >= 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                    && s.charAt(16) == ':' && s.charAt(s.length() - 1) == 'Z') {
                int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
                int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
                if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24
                        && minute >= 0 && minute < 60 && second >= 0 && second < 60) {
                    try {
                        return java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second;
                    } catch (java.time.DateTimeException e) {
                        return Long.MIN_VALUE;
                    }
                }
            }
            try {
                return java.time.Instant.parse(s).getEpochSecond();
            } catch (RuntimeException e) {
                return Long.MIN_VALUE;
            }
        }

        private static int digits(String s, int from, int count) {
            int value = 0;
            for (int i = from; i < from + count; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}
