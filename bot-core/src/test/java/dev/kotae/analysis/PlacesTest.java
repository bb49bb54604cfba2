package dev.kotae.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.corpus.SynonymFile.Pair;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacesTest {
    @Test
    void aPrefectureTheCorpusNamesIsFoundByShortNameRomajiAndRegion() {
        List<Pair> rules = Places.rulesFor("某マッシュルーム生産販売業（山形県・農業）と某製造企業（愛媛県・製造業）");
        assertTrue(rules.contains(new Pair("山形", "山形県")));
        assertTrue(rules.contains(new Pair("yamagata", "山形県")));
        assertTrue(rules.contains(new Pair("東北", "山形県")));
        assertTrue(rules.contains(new Pair("四国", "愛媛県")));
        assertTrue(rules.contains(new Pair("shikoku", "愛媛県")));
        // one way only, and only the prefectures the corpus names
        assertFalse(rules.contains(new Pair("山形県", "東北")));
        assertFalse(rules.stream().anyMatch(p -> p.to().equals("大阪府")));
    }

    @Test
    void aQuestionAboutARegionMeetsTheCorpusPrefecture() {
        SynonymTable table = new SynonymTable();
        table.addRules(Places.rulesFor("某製造企業（愛媛県・製造業）"));
        assertTrue(table.alternativesOf("四国").contains("愛媛県"));
        assertTrue(table.alternativesOf("愛媛").contains("愛媛県"));
        assertTrue(table.alternativesOf("愛媛県").isEmpty());
    }
}
