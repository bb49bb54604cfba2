package dev.kotae.corpus.formats;

import dev.kotae.corpus.CorpusLimits;

/**
 * What reading one file may still spend: characters of text and time. Readers charge it as they
 * go (per page, paragraph, row), so a hostile file stops at the limit instead of after it.
 */
public final class ReadBudget {
    private final CorpusLimits limits;
    private final long deadline;
    private long chars;
    private volatile boolean cancelled;

    public ReadBudget(CorpusLimits limits) {
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.maxDocumentTime().toNanos();
    }

    /** For text already in memory, parsed outside a corpus load. */
    static ReadBudget unbounded() {
        return new ReadBudget(new CorpusLimits(Long.MAX_VALUE, Long.MAX_VALUE, java.time.Duration.ofDays(365), Long.MAX_VALUE));
    }

    public CorpusLimits limits() {
        return limits;
    }

    /** Counts {@code text} against the character limit, and checks the time. */
    public void charge(CharSequence text) {
        chars += text.length();
        if (chars > limits.maxDocumentChars()) {
            throw LimitExceeded.chars(limits);
        }
        check();
    }

    /** Refuses a source longer than the whole budget before it is parsed (it is charged as it is read). */
    public void admit(int sourceChars) {
        if (sourceChars > limits.maxDocumentChars()) {
            throw LimitExceeded.chars(limits);
        }
        check();
    }

    /** Throws when the time is up or the read was given up. */
    public void check() {
        if (cancelled || System.nanoTime() - deadline > 0) {
            throw LimitExceeded.time(limits);
        }
    }

    void cancel() {
        cancelled = true;
    }

    long chars() {
        return chars;
    }

    /** A limit was hit: a refusal that names the limit and the setting that raises it. */
    public static final class LimitExceeded extends RuntimeException {
        LimitExceeded(String message) {
            super(message, null, false, false);
        }

        static LimitExceeded chars(CorpusLimits limits) {
            return new LimitExceeded(String.format("文字数の上限を超えています（1文書 %,d 文字まで、KOTAE_MAX_DOCUMENT_CHARS）",
                    limits.maxDocumentChars()));
        }

        static LimitExceeded time(CorpusLimits limits) {
            return new LimitExceeded("読み込みが時間の上限を超えました（1文書 " + limits.maxDocumentTime().toSeconds()
                    + " 秒まで、KOTAE_MAX_DOCUMENT_SECONDS）");
        }

        static LimitExceeded part(CorpusLimits limits) {
            return new LimitExceeded("ファイル内の部品が展開すると大きすぎます（zip 爆弾の防止。1部品 "
                    + limits.maxPartBytes() / CorpusLimits.MB + " MB まで、KOTAE_MAX_DOCUMENT_PART_MB）");
        }
    }
}
