package dev.kotae.usage;

import dev.kotae.answer.AnswerKind;
import dev.kotae.analysis.TextNormalizer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activity logs of an index folder summed up by day, for the console's views: unanswered
 * questions grouped by topic, feedback, usage, and recent admin actions. Each file is read once and
 * then only for what was appended, so a view over a year of logs costs what summing a few hundred
 * days does, not re-reading a million lines. Days are calendar days in {@code zone}.
 *
 * <p>Bounds: at most {@value #MAX_PLATFORMS} platform names (more are counted as {@code other}),
 * {@value #MAX_GROUPS} question groups per view (questions beyond are counted, not grouped, and the
 * view says how many), {@value #MAX_PHRASINGS} phrasings kept per group, {@value #MAX_AUDIT} recent admin
 * actions. A line that does not parse is skipped and counted.
 */
public final class ActivityDigest {
    static final int MAX_PLATFORMS = 16;
    static final int MAX_GROUPS = 100_000;
    static final int MAX_PHRASINGS = 12;
    static final int MAX_AUDIT = 500;
    private static final int MAX_KEY_CACHE = 200_000;
    private static final List<String> KINDS = java.util.Arrays.stream(AnswerKind.values()).map(AnswerKind::label).toList();
    private static final int UNKNOWN_KIND = KINDS.size();
    private static final int KIND_SLOTS = KINDS.size() + 1;
    private static final Logger LOG = LoggerFactory.getLogger(ActivityDigest.class);

    /** Which days and which platform a view covers; null bounds are open, a null platform is every one. */
    public record Filter(LocalDate from, LocalDate to, String platform) {
        public static Filter all() {
            return new Filter(null, null, null);
        }
    }

    public record Phrasing(String text, int count) {}

    /** Questions about one topic, with their count in the filter and their most frequent phrasings. */
    public record Group(String key, int count, List<Phrasing> phrasings, Instant last) {}

    /**
     * @param total     questions in the filter
     * @param perDay    per day, every day of the filter's span that has any
     * @param groups    the most frequent groups first
     * @param ungrouped questions counted but beyond {@value #MAX_GROUPS} groups
     */
    public record UnansweredView(int total, SortedMap<LocalDate, Integer> perDay, List<Group> groups, int groupCount,
                                 int ungrouped) {}

    /** An answer marked not helpful: its question, kind and citations, with its 👎 and 👍. */
    public record Unhelpful(String question, String kind, List<String> citations, int down, int up) {}

    /** @param perDay day → {👍, 👎}; @param perKind kind → {👍, 👎} */
    public record FeedbackView(int up, int down, SortedMap<LocalDate, int[]> perDay, Map<String, int[]> perKind,
                               List<Unhelpful> unhelpful) {}

    public record Topic(String label, int count) {}

    /**
     * @param perDayPlatform day → platform → questions
     * @param perDayAnswered day → {answered, none}
     */
    public record UsageView(int total, int answered, int none, SortedMap<LocalDate, Map<String, Integer>> perDayPlatform,
                            SortedMap<LocalDate, int[]> perDayAnswered, Map<String, Integer> perKind,
                            List<Topic> glossaryTerms, List<Topic> sections) {}

    /** An admin action as the audit log has it. */
    public record AuditLine(Instant at, String platform, String userId, String action, String result, String summary) {}

    /** How much was read: lines taken, lines skipped as malformed or too long. */
    public record Counts(long lines, long skipped) {}

    private final Path dir;
    private final ZoneRules zone;
    private final Function<String, String> groupKey;
    private final List<String> platforms = new ArrayList<>();
    private final Map<String, String> keyCache = new HashMap<>();
    private final Map<String, String> interned = new HashMap<>();
    private final LogLine line = new LogLine();
    private long lines;
    private long skipped;

    private final LogTail unansweredTail;
    private final LogTail feedbackTail;
    private final LogTail usageTail;
    private final LogTail auditTail;
    private Unanswered unanswered = new Unanswered();
    private Feedback feedback = new Feedback();
    private Usage usage = new Usage();
    private Deque<AuditLine> audit = new ArrayDeque<>();

    /**
     * @param groupKey what puts questions in one group (the analysed topic terms); given the question
     *                 as typed. Its results are cached per question text.
     */
    public ActivityDigest(Path dir, ZoneId zone, Function<String, String> groupKey) {
        this.dir = dir;
        this.zone = zone.getRules();
        this.groupKey = groupKey;
        this.unansweredTail = new LogTail(dir.resolve(FileActivityLog.UNANSWERED));
        this.feedbackTail = new LogTail(dir.resolve(FileActivityLog.FEEDBACK));
        this.usageTail = new LogTail(dir.resolve(FileActivityLog.USAGE));
        this.auditTail = new LogTail(dir.resolve(FileActivityLog.AUDIT));
    }

    public Path dir() {
        return dir;
    }

    /** Reads what the logs gained since the last call. */
    public synchronized void refresh() {
        long before = skipped;
        try {
            unansweredTail.read(this::unansweredLine, () -> unanswered = new Unanswered());
            feedbackTail.read(this::feedbackLine, () -> feedback = new Feedback());
            usageTail.read(this::usageLine, () -> usage = new Usage());
            auditTail.read(this::auditLine, () -> audit = new ArrayDeque<>());
        } catch (IOException e) {
            LOG.warn("cannot read the activity logs in {}: {}", dir, e.getMessage());
        }
        if (skipped > before) {
            LOG.warn("activity logs in {}: skipped {} line(s) that are not log entries", dir, skipped - before);
        }
    }

    public synchronized Counts counts() {
        return new Counts(lines, skipped + unansweredTail.skipped() + feedbackTail.skipped() + usageTail.skipped()
                + auditTail.skipped());
    }

    /** Platform names seen in the logs, in the order first seen. */
    public synchronized List<String> platforms() {
        return List.copyOf(platforms);
    }

    // ---- reading ----

    private int day(long epochSecond) {
        int offset = zone.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        return (int) Math.floorDiv(epochSecond + offset, 86_400L);
    }

    private int platform(String name) {
        String p = name == null || name.isBlank() ? "?" : name.length() > 40 ? name.substring(0, 40) : name;
        int i = platforms.indexOf(p);
        if (i >= 0) {
            return i;
        }
        if (platforms.size() < MAX_PLATFORMS - 1) {
            platforms.add(p);
            return platforms.size() - 1;
        }
        int other = platforms.indexOf("other");
        if (other < 0) {
            platforms.add("other");
            other = platforms.size() - 1;
        }
        return other;
    }

    private static int kind(String label) {
        int i = label == null ? -1 : KINDS.indexOf(label);
        return i < 0 ? UNKNOWN_KIND : i;
    }

    private String intern(String s) {
        String seen = interned.putIfAbsent(s, s);
        if (interned.size() > 50_000) {
            interned.clear();
        }
        return seen == null ? s : seen;
    }

    private boolean take(byte[] bytes, int offset, int length) {
        if (line.parse(bytes, offset, length)) {
            lines++;
            return true;
        }
        skipped++;
        return false;
    }

    private void unansweredLine(byte[] bytes, int offset, int length) {
        if (!take(bytes, offset, length) || line.question == null || line.question.isBlank()) {
            return;
        }
        unanswered.add(day(line.epochSecond), platform(line.platform), line.epochSecond, line.question.strip(), key(line.question));
    }

    private void feedbackLine(byte[] bytes, int offset, int length) {
        if (!take(bytes, offset, length)) {
            return;
        }
        String question = line.question == null ? "" : line.question.strip();
        feedback.add(day(line.epochSecond), platform(line.platform), kind(line.kind), line.helpful, question,
                line.citations.stream().map(this::intern).toList(), textKey(question));
    }

    private void usageLine(byte[] bytes, int offset, int length) {
        if (!take(bytes, offset, length)) {
            return;
        }
        List<String> cited = new ArrayList<>(line.citations.size());
        for (String c : line.citations) {
            cited.add(intern(c.length() > 200 ? c.substring(0, 200) : c));
        }
        usage.add(day(line.epochSecond), platform(line.platform), kind(line.kind), cited);
    }

    private void auditLine(byte[] bytes, int offset, int length) {
        if (!take(bytes, offset, length)) {
            return;
        }
        audit.addLast(new AuditLine(Instant.ofEpochSecond(line.epochSecond), line.platform, line.userId, line.action,
                line.result, line.summary));
        if (audit.size() > MAX_AUDIT) {
            audit.removeFirst();
        }
    }

    private String key(String question) {
        String key = keyCache.get(question);
        if (key == null) {
            try {
                key = groupKey.apply(question);
            } catch (RuntimeException e) {
                key = null;
            }
            if (key == null || key.isBlank()) {
                key = textKey(question);
            }
            if (keyCache.size() >= MAX_KEY_CACHE) {
                keyCache.clear();
            }
            keyCache.put(question, key);
        }
        return key;
    }

    /** Questions that read the same once normalised (width, case, spaces and punctuation aside). */
    static String textKey(String question) {
        return TextNormalizer.normalize(question).toLowerCase(Locale.ROOT).replaceAll("[\\s?？!！。、.,]+", "");
    }

    // ---- views ----

    private boolean inFilter(int day, int platform, int fromDay, int toDay, int onlyPlatform) {
        return day >= fromDay && day <= toDay && (onlyPlatform < 0 || platform == onlyPlatform);
    }

    private int[] bounds(Filter f) {
        int from = f.from() == null ? Integer.MIN_VALUE : (int) f.from().toEpochDay();
        int to = f.to() == null ? Integer.MAX_VALUE : (int) f.to().toEpochDay();
        int p = f.platform() == null || f.platform().isBlank() ? -1 : platforms.indexOf(f.platform());
        if (f.platform() != null && !f.platform().isBlank() && p < 0) {
            p = Integer.MAX_VALUE; // a platform never seen: nothing matches
        }
        return new int[] {from, to, p};
    }

    public synchronized UnansweredView unanswered(Filter f, int limit) {
        int[] b = bounds(f);
        SortedMap<LocalDate, Integer> perDay = new TreeMap<>();
        int total = 0;
        for (var e : unanswered.perDay.entrySet()) {
            int day = e.getKey();
            int[] counts = e.getValue();
            for (int p = 0; p < counts.length; p++) {
                if (counts[p] > 0 && inFilter(day, p, b[0], b[1], b[2])) {
                    perDay.merge(LocalDate.ofEpochDay(day), counts[p], Integer::sum);
                    total += counts[p];
                }
            }
        }
        record Counted(QuestionGroup group, int count) {}
        List<Counted> counted = new ArrayList<>();
        int grouped = 0;
        for (QuestionGroup g : unanswered.groups.values()) {
            int count = g.count(b);
            if (count > 0) {
                grouped += count;
                counted.add(new Counted(g, count));
            }
        }
        // Phrasings are sorted only for the groups shown, not for every group of the year.
        counted.sort(Comparator.comparingInt(Counted::count).reversed().thenComparing(c -> c.group().last, Comparator.reverseOrder()));
        List<Group> groups = counted.stream().limit(limit)
                .map(c -> new Group(c.group().key, c.count(), c.group().phrasings(), Instant.ofEpochSecond(c.group().last))).toList();
        int groupCount = counted.size();
        return new UnansweredView(total, perDay, groups, groupCount, total - grouped);
    }

    public synchronized FeedbackView feedback(Filter f, int limit) {
        int[] b = bounds(f);
        SortedMap<LocalDate, int[]> perDay = new TreeMap<>();
        Map<String, int[]> perKind = new LinkedHashMap<>();
        int up = 0;
        int down = 0;
        for (var e : feedback.perDay.entrySet()) {
            int day = e.getKey();
            int[] c = e.getValue();
            for (int p = 0; p < MAX_PLATFORMS; p++) {
                if (!inFilter(day, p, b[0], b[1], b[2])) {
                    continue;
                }
                for (int k = 0; k < KIND_SLOTS; k++) {
                    int u = c[(p * KIND_SLOTS + k) * 2];
                    int d = c[(p * KIND_SLOTS + k) * 2 + 1];
                    if (u + d == 0) {
                        continue;
                    }
                    int[] dayCounts = perDay.computeIfAbsent(LocalDate.ofEpochDay(day), x -> new int[2]);
                    dayCounts[0] += u;
                    dayCounts[1] += d;
                    int[] kindCounts = perKind.computeIfAbsent(k == UNKNOWN_KIND ? "?" : KINDS.get(k), x -> new int[2]);
                    kindCounts[0] += u;
                    kindCounts[1] += d;
                    up += u;
                    down += d;
                }
            }
        }
        List<Unhelpful> unhelpful = new ArrayList<>();
        for (AnswerGroup g : feedback.answers.values()) {
            if (g.down == 0) {
                continue;
            }
            int[] c = g.count(b);
            if (c[1] > 0) {
                unhelpful.add(new Unhelpful(g.question, g.kind == UNKNOWN_KIND ? "?" : KINDS.get(g.kind), g.citations, c[1], c[0]));
            }
        }
        unhelpful.sort(Comparator.comparingInt(Unhelpful::down).reversed().thenComparingInt(Unhelpful::up));
        return new FeedbackView(up, down, perDay, perKind, List.copyOf(unhelpful.subList(0, Math.min(limit, unhelpful.size()))));
    }

    public synchronized UsageView usage(Filter f, int topN) {
        int[] b = bounds(f);
        SortedMap<LocalDate, Map<String, Integer>> perDayPlatform = new TreeMap<>();
        SortedMap<LocalDate, int[]> perDayAnswered = new TreeMap<>();
        Map<String, Integer> perKind = new LinkedHashMap<>();
        int total = 0;
        int none = 0;
        int noneKind = KINDS.indexOf(AnswerKind.NONE.label());
        for (var e : usage.perDay.entrySet()) {
            int day = e.getKey();
            int[] c = e.getValue();
            for (int p = 0; p < MAX_PLATFORMS; p++) {
                if (!inFilter(day, p, b[0], b[1], b[2])) {
                    continue;
                }
                for (int k = 0; k < KIND_SLOTS; k++) {
                    int n = c[p * KIND_SLOTS + k];
                    if (n == 0) {
                        continue;
                    }
                    LocalDate date = LocalDate.ofEpochDay(day);
                    perDayPlatform.computeIfAbsent(date, x -> new LinkedHashMap<>()).merge(platforms.get(p), n, Integer::sum);
                    perDayAnswered.computeIfAbsent(date, x -> new int[2])[k == noneKind ? 1 : 0] += n;
                    perKind.merge(k == UNKNOWN_KIND ? "?" : KINDS.get(k), n, Integer::sum);
                    total += n;
                    if (k == noneKind) {
                        none += n;
                    }
                }
            }
        }
        Map<String, Integer> cited = new HashMap<>();
        for (var e : usage.topics.entrySet()) {
            long dp = e.getKey();
            if (inFilter((int) dp, (int) (dp >>> 32), b[0], b[1], b[2])) {
                e.getValue().forEach((label, n) -> cited.merge(label, n[0], Integer::sum));
            }
        }
        List<Topic> glossary = new ArrayList<>();
        List<Topic> sections = new ArrayList<>();
        cited.forEach((label, n) -> (label.startsWith("用語集") ? glossary : sections).add(new Topic(label, n)));
        Comparator<Topic> most = Comparator.comparingInt(Topic::count).reversed().thenComparing(Topic::label);
        glossary.sort(most);
        sections.sort(most);
        return new UsageView(total, total - none, none, perDayPlatform, perDayAnswered, perKind,
                List.copyOf(glossary.subList(0, Math.min(topN, glossary.size()))),
                List.copyOf(sections.subList(0, Math.min(topN, sections.size()))));
    }

    /** The latest admin actions, newest first. */
    public synchronized List<AuditLine> audit() {
        List<AuditLine> out = new ArrayList<>(audit);
        java.util.Collections.reverse(out);
        return out;
    }

    // ---- what is kept per file ----

    /**
     * A day and a platform as one map key. The day is in the low bits, which is where HashMap looks:
     * with the platform there instead, a year of days fell into a few dozen buckets.
     */
    static long dayPlatform(int day, int platform) {
        return ((long) platform << 32) | (day & 0xffffffffL);
    }

    /**
     * A per-day array in a sorted map, with the latest day's array at hand: logs are appended in time
     * order, so nearly every line is on the same day as the one before.
     */
    private static final class PerDay {
        final TreeMap<Integer, int[]> days = new TreeMap<>();
        private final int size;
        private int lastDay = Integer.MIN_VALUE;
        private int[] last;

        PerDay(int size) {
            this.size = size;
        }

        int[] at(int day) {
            if (day != lastDay || last == null) {
                last = days.computeIfAbsent(day, d -> new int[size]);
                lastDay = day;
            }
            return last;
        }
    }

    /** Per day a count per platform (day × platform), and per group a count per day × platform. */
    private static final class Unanswered {
        final PerDay days = new PerDay(MAX_PLATFORMS);
        final TreeMap<Integer, int[]> perDay = days.days;
        final HashMap<String, QuestionGroup> groups = new HashMap<>();

        void add(int day, int platform, long at, String question, String key) {
            days.at(day)[platform]++;
            QuestionGroup g = groups.get(key);
            if (g == null) {
                if (groups.size() >= MAX_GROUPS) {
                    return;
                }
                g = new QuestionGroup(key);
                groups.put(key, g);
            }
            g.add(day, platform, at, question);
        }
    }

    private static final class QuestionGroup {
        final String key;
        /** {@link #dayPlatform} → count. */
        final HashMap<Long, int[]> counts = new HashMap<>();
        final LinkedHashMap<String, int[]> phrasings = new LinkedHashMap<>();
        long last;

        QuestionGroup(String key) {
            this.key = key;
        }

        private long lastKey = Long.MIN_VALUE;
        private int[] lastCount;

        void add(int day, int platform, long at, String question) {
            long key = dayPlatform(day, platform);
            if (key != lastKey) {
                lastCount = counts.computeIfAbsent(key, x -> new int[1]);
                lastKey = key;
            }
            lastCount[0]++;
            int[] seen = phrasings.get(question);
            if (seen != null) {
                seen[0]++;
            } else if (phrasings.size() < MAX_PHRASINGS) {
                phrasings.put(question.length() > 500 ? question.substring(0, 500) : question, new int[] {1});
            }
            last = Math.max(last, at);
        }

        int count(int[] b) {
            int n = 0;
            for (var e : counts.entrySet()) {
                long dp = e.getKey();
                int day = (int) dp;
                int platform = (int) (dp >>> 32);
                if (day >= b[0] && day <= b[1] && (b[2] < 0 || platform == b[2])) {
                    n += e.getValue()[0];
                }
            }
            return n;
        }

        List<Phrasing> phrasings() {
            return phrasings.entrySet().stream().map(e -> new Phrasing(e.getKey(), e.getValue()[0]))
                    .sorted(Comparator.comparingInt(Phrasing::count).reversed()).toList();
        }
    }

    /** Per day an array of (platform × kind) × {👍, 👎}; per answer (question, kind, citations) its votes. */
    private static final class Feedback {
        final PerDay days = new PerDay(MAX_PLATFORMS * KIND_SLOTS * 2);
        final TreeMap<Integer, int[]> perDay = days.days;
        final HashMap<String, AnswerGroup> answers = new HashMap<>();

        void add(int day, int platform, int kind, boolean helpful, String question, List<String> citations, String textKey) {
            days.at(day)[(platform * KIND_SLOTS + kind) * 2 + (helpful ? 0 : 1)]++;
            String key = textKey + "\u0000" + kind + "\u0000" + String.join("\u0000", citations);
            AnswerGroup g = answers.get(key);
            if (g == null) {
                if (answers.size() >= MAX_GROUPS) {
                    return;
                }
                g = new AnswerGroup(question.length() > 500 ? question.substring(0, 500) : question, kind, citations);
                answers.put(key, g);
            }
            g.counts.computeIfAbsent(dayPlatform(day, platform), x -> new int[2])[helpful ? 0 : 1]++;
            if (!helpful) {
                g.down++;
            }
        }
    }

    private static final class AnswerGroup {
        final String question;
        final int kind;
        final List<String> citations;
        final HashMap<Long, int[]> counts = new HashMap<>();
        /** 👎 in all: an answer never marked not helpful is passed over without summing its days. */
        int down;

        AnswerGroup(String question, int kind, List<String> citations) {
            this.question = question;
            this.kind = kind;
            this.citations = citations;
        }

        int[] count(int[] b) {
            int[] n = new int[2];
            for (var e : counts.entrySet()) {
                long dp = e.getKey();
                int day = (int) dp;
                int platform = (int) (dp >>> 32);
                if (day >= b[0] && day <= b[1] && (b[2] < 0 || platform == b[2])) {
                    n[0] += e.getValue()[0];
                    n[1] += e.getValue()[1];
                }
            }
            return n;
        }
    }

    /** Per day an array of platform × kind; per (day, platform) the citation labels' counts. */
    private static final class Usage {
        final PerDay days = new PerDay(MAX_PLATFORMS * KIND_SLOTS);
        final TreeMap<Integer, int[]> perDay = days.days;
        final HashMap<Long, HashMap<String, int[]>> topics = new HashMap<>();
        /** The latest day's label counts per platform, as {@link PerDay} keeps the latest day's array. */
        private final int[] lastTopicDay = new int[MAX_PLATFORMS];
        @SuppressWarnings("unchecked")
        private final HashMap<String, int[]>[] lastTopics = new HashMap[MAX_PLATFORMS];

        void add(int day, int platform, int kind, List<String> citations) {
            days.at(day)[platform * KIND_SLOTS + kind]++;
            if (citations.isEmpty()) {
                return;
            }
            HashMap<String, int[]> labels = lastTopics[platform];
            if (labels == null || lastTopicDay[platform] != day) {
                labels = topics.computeIfAbsent(dayPlatform(day, platform), x -> new HashMap<>());
                lastTopics[platform] = labels;
                lastTopicDay[platform] = day;
            }
            for (String c : citations) {
                if (labels.size() < 5_000 || labels.containsKey(c)) {
                    labels.computeIfAbsent(c, x -> new int[1])[0]++;
                }
            }
        }
    }
}
