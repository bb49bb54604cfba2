package dev.kotae.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stock baseline measured the way {@code kotae batch} is ({@code scripts/bench.sh stock N}): a
 * process that builds a stock Kuromoji (JapaneseAnalyzer) BM25 index of the seed passages, reads
 * questions from stdin, one per line, and prints one JSON line per question: the top paragraph and
 * its score, and {@code tookMicros} (analysis, search and the stored-field load, as Kotae's covers
 * answering). The same {@link StockSearch} as {@link StockBaselineBench}.
 */
public final class StockBatch {
    private StockBatch() {}

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("org.apache.lucene").setLevel(java.util.logging.Level.SEVERE);
        ObjectMapper json = new ObjectMapper();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        try (StockSearch stock = new StockSearch(Seed.corpus())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                long t0 = System.nanoTime();
                StockSearch.Hit hit = stock.search(line);
                long took = (System.nanoTime() - t0) / 1000;
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("text", hit.text());
                answer.put("score", hit.score());
                answer.put("tookMicros", took);
                out.println(json.writeValueAsString(answer));
                out.flush();
            }
        }
    }
}
