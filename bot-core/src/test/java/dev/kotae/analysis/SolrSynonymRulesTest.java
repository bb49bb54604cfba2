package dev.kotae.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.corpus.CorpusProblem;
import dev.kotae.corpus.SynonymFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The curated synonym file means what the Solr format says (read with Lucene's SolrSynonymParser). */
class SolrSynonymRulesTest {
    @Test
    void anArrowMapsOneWayAndACommaListBothWays() {
        SynonymTable table = new SynonymTable();
        table.addRules(SynonymFile.pairs(List.of("小さい会社, 小さな会社 => 中小企業", "テレワーク, リモートワーク")));
        assertEquals(List.of("中小企業"), table.alternativesOf("小さい会社"));
        assertTrue(table.alternativesOf("中小企業").isEmpty(), "=> is one way");
        assertEquals(List.of("リモートワーク"), table.alternativesOf("テレワーク"));
        assertEquals(List.of("テレワーク"), table.alternativesOf("リモートワーク"));
    }

    @Test
    void aMalformedLineIsRefusedByLine() {
        List<CorpusProblem> problems = new ArrayList<>();
        List<String> rules = SynonymFile.parse("synonyms.txt", "# comment\nWAF, ワフ\na => b => c\nonlyone\n", problems);
        assertEquals(List.of("WAF, ワフ"), rules);
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(3, problems.get(0).line());
        assertEquals(4, problems.get(1).line());
    }

    @Test
    void everySpellingOfAGroupIsFoundInAQuestion() {
        SynonymTable table = new SynonymTable();
        table.addRules(SynonymFile.pairs(List.of("金属製作所, metal works, metalworks")));
        assertTrue(table.spellings().containsAll(List.of("metal works", "metalworks")));
    }
}
