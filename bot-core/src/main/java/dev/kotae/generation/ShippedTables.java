package dev.kotae.generation;

import dev.kotae.analysis.AnalysisTables;
import dev.kotae.analysis.SynonymKey;
import dev.kotae.analysis.SynonymTable;
import dev.kotae.analysis.TextAnalysis;
import dev.kotae.analysis.Tokens;
import dev.kotae.corpus.Corpus;
import dev.kotae.index.IndexCodeDigest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a start computes from the embedded corpus, computed by the build and shipped beside its index
 * ({@code kotae-index/TABLES}): the corpus as read and its {@link AnalysisTables}. A start uses them
 * only when this build has the files they were computed from ({@link ShippedFiles}): the same code,
 * and the same files in the embedded corpus; anything else reads and analyses the corpus as before.
 *
 * @param build       Lucene's version and the analysis options they were computed with ({@link ShippedFiles#build})
 * @param code        the classes of the code that computed them, by name: size and CRC-32
 * @param corpusFiles the embedded corpus's files they were computed from, by name: size and CRC-32
 * @param indexCode   the index code digest of that code ({@link IndexCodeDigest}), as the shipped index is stamped
 * @param fingerprint the corpus's fingerprint, as the shipped index is stamped
 */
record ShippedTables(String build, Map<String, Long> code, Map<String, Long> corpusFiles, String indexCode, String fingerprint,
                     Corpus corpus, AnalysisTables analysis) {
    static final String NAME = "TABLES";

    /**
     * The tables as read from the class path: both null when none are shipped (a class folder the build
     * did not finish), else the tables or why they cannot be used (unreadable, damaged, another layout).
     * Read without logging, so that a start can read them before logging is set up.
     */
    record Read(ShippedTables tables, String problem) {
        static Read fromClassPath() {
            if (TextAnalysis.mappedInDictionary()) {
                return new Read(null, null); // an experiment's analysis: the tables are computed without it
            }
            URL url = ShippedTables.class.getClassLoader().getResource(EmbeddedIndex.ROOT + "/" + NAME);
            if (url == null) {
                return new Read(null, null);
            }
            try (InputStream in = url.openStream()) {
                return new Read(decode(in.readAllBytes()), null);
            } catch (IOException e) {
                return new Read(null, e.getMessage());
            }
        }
    }

    /** The first bytes; the number after them changes with the layout. */
    private static final byte[] MAGIC = "kotae-tables 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUM = 32;

    /** The resource's bytes: the magic line, the tables, then a SHA-256 of what comes before it. */
    byte[] encode() {
        TableWriter out = new TableWriter();
        out.string(build);
        writeFiles(code, out);
        writeFiles(corpusFiles, out);
        out.string(indexCode);
        out.string(fingerprint);
        CorpusCodec.write(corpus, out);
        SynonymTable.State synonyms = analysis.synonyms();
        out.number(synonyms.groups().size());
        synonyms.groups().forEach(out::strings);
        out.strings(synonyms.keys());
        synonyms.groupOfKey().forEach(out::number);
        out.strings(synonyms.mappedKeys());
        synonyms.mappedTo().forEach(out::strings);
        out.strings(synonyms.mappedWords());
        out.number(analysis.synonymKeys().size());
        for (SynonymKey key : analysis.synonymKeys()) {
            out.string(key.key());
            out.string(key.word());
            out.strings(key.alternatives());
        }
        out.string(analysis.dictionaryCsv());
        // Sets and maps sorted, so that the same corpus and code give the same bytes.
        out.strings(analysis.vocabulary().stream().sorted().toList());
        writeMap(analysis.byOkurigana(), out);
        writeMap(analysis.variantSpellings(), out);
        out.strings(analysis.acronyms().stream().sorted().toList());
        Map<String, List<Tokens.Tagged>> tokens = new TreeMap<>(analysis.bodyTokens());
        out.number(tokens.size());
        tokens.forEach((text, tagged) -> {
            out.string(text);
            out.number(tagged.size());
            for (Tokens.Tagged t : tagged) {
                out.string(t.term());
                out.string(t.partOfSpeech());
            }
        });
        writeMap(analysis.preparations(), out);
        byte[] body = out.toBytes();
        byte[] all = Arrays.copyOf(MAGIC, MAGIC.length + body.length + CHECKSUM);
        System.arraycopy(body, 0, all, MAGIC.length, body.length);
        System.arraycopy(sha256(all, 0, MAGIC.length + body.length), 0, all, MAGIC.length + body.length, CHECKSUM);
        return all;
    }

    /** Reads {@link #encode}'s bytes; an IOException says what is wrong with them (another layout, damage). */
    static ShippedTables decode(byte[] bytes) throws IOException {
        if (bytes.length < MAGIC.length + CHECKSUM || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException("not shipped tables of this layout (" + bytes.length + " bytes)");
        }
        int end = bytes.length - CHECKSUM;
        if (!Arrays.equals(sha256(bytes, 0, end), 0, CHECKSUM, bytes, end, bytes.length)) {
            throw new IOException("checksum mismatch: the resource is damaged");
        }
        TableReader in = new TableReader(bytes, MAGIC.length, end);
        try {
            String build = in.string();
            Map<String, Long> code = readFiles(in);
            Map<String, Long> corpusFiles = readFiles(in);
            String indexCode = in.string();
            String fingerprint = in.string();
            Corpus corpus = CorpusCodec.read(in);
            List<List<String>> groups = new ArrayList<>();
            for (int n = in.count(); n > 0; n--) {
                groups.add(in.strings());
            }
            List<String> keys = in.strings();
            List<Integer> groupOfKey = new ArrayList<>(keys.size());
            for (int n = keys.size(); n > 0; n--) {
                groupOfKey.add(in.number());
            }
            List<String> mappedKeys = in.strings();
            List<List<String>> mappedTo = new ArrayList<>(mappedKeys.size());
            for (int n = mappedKeys.size(); n > 0; n--) {
                mappedTo.add(in.strings());
            }
            SynonymTable.State synonyms = new SynonymTable.State(groups, keys, groupOfKey, mappedKeys, mappedTo, in.strings());
            List<SynonymKey> synonymKeys = new ArrayList<>();
            for (int n = in.count(); n > 0; n--) {
                // Mutable, as SynonymTable.alternativesOf makes them: a question's synonyms hand them out.
                synonymKeys.add(new SynonymKey(in.string(), in.string(), new ArrayList<>(in.strings())));
            }
            String dictionaryCsv = in.string();
            List<String> vocabulary = in.strings();
            Map<String, String> byOkurigana = readMap(in);
            Map<String, String> variantSpellings = readMap(in);
            List<String> acronyms = in.strings();
            int texts = in.count();
            Map<String, List<Tokens.Tagged>> tokens = new HashMap<>(texts * 2);
            for (int n = texts; n > 0; n--) {
                String text = in.string();
                Tokens.Tagged[] tagged = new Tokens.Tagged[in.count()];
                for (int i = 0; i < tagged.length; i++) {
                    tagged[i] = new Tokens.Tagged(in.string(), in.string());
                }
                tokens.put(text, List.of(tagged));
            }
            Map<String, String> preparations = readMap(in);
            if (!in.atEnd()) {
                throw in.corrupt("bytes left after the tables");
            }
            return new ShippedTables(build, code, corpusFiles, indexCode, fingerprint, corpus,
                    new AnalysisTables(synonyms, synonymKeys, dictionaryCsv, Set.copyOf(vocabulary), byOkurigana, variantSpellings,
                            Set.copyOf(acronyms), tokens, preparations));
        } catch (RuntimeException e) {
            // A null where none may be, a record refusing its fields: damage the checksum did not catch.
            throw in.corrupt(e.toString());
        }
    }

    private static void writeFiles(Map<String, Long> files, TableWriter out) {
        Map<String, Long> sorted = new TreeMap<>(files);
        out.number(sorted.size());
        sorted.forEach((name, sizeAndCrc) -> {
            out.string(name);
            out.bits(sizeAndCrc);
        });
    }

    private static Map<String, Long> readFiles(TableReader in) throws IOException {
        int n = in.count();
        Map<String, Long> files = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            files.put(in.string(), in.bits());
        }
        return files;
    }

    private static void writeMap(Map<String, String> map, TableWriter out) {
        Map<String, String> sorted = new TreeMap<>(map);
        out.number(sorted.size());
        sorted.forEach((key, value) -> {
            out.string(key);
            out.string(value);
        });
    }

    private static Map<String, String> readMap(TableReader in) throws IOException {
        int n = in.count();
        Map<String, String> map = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            map.put(in.string(), in.string());
        }
        return map;
    }

    private static byte[] sha256(byte[] bytes, int from, int to) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, from, to - from);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
