package dev.kotae.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Japan's prefectures and the regions people name them by. Documents write 山形県 or 愛媛県; staff
 * ask about 山形, 東北, 四国 or Osaka. A question naming a prefecture without its suffix, in romaji,
 * or by its region also means the prefecture the documents name — one way only: 愛媛県 does not
 * mean all of 四国.
 */
public final class Places {
    private Places() {}

    /** A prefecture as documents write it, its short and romaji names, and the regions it is in. */
    record Prefecture(String name, String shortName, String romaji, List<String> regions) {}

    private static final List<Prefecture> PREFECTURES = new ArrayList<>();
    /** Region names in other spellings (関西 = 近畿) and in English. */
    private static final Map<String, List<String>> REGION_ALIASES = new LinkedHashMap<>();

    static {
        add("北海道", "北海道", "hokkaido", "北海道");
        for (String[] p : new String[][] {{"青森", "aomori"}, {"岩手", "iwate"}, {"宮城", "miyagi"}, {"秋田", "akita"},
                {"山形", "yamagata"}, {"福島", "fukushima"}}) {
            add(p[0] + "県", p[0], p[1], "東北");
        }
        for (String[] p : new String[][] {{"茨城", "ibaraki"}, {"栃木", "tochigi"}, {"群馬", "gunma"}}) {
            add(p[0] + "県", p[0], p[1], "関東", "北関東");
        }
        for (String[] p : new String[][] {{"埼玉", "saitama"}, {"千葉", "chiba"}, {"神奈川", "kanagawa"}}) {
            add(p[0] + "県", p[0], p[1], "関東", "首都圏");
        }
        add("東京都", "東京", "tokyo", "関東", "首都圏");
        add("新潟県", "新潟", "niigata", "中部", "北陸", "甲信越");
        for (String[] p : new String[][] {{"富山", "toyama"}, {"石川", "ishikawa"}, {"福井", "fukui"}}) {
            add(p[0] + "県", p[0], p[1], "中部", "北陸");
        }
        add("山梨県", "山梨", "yamanashi", "中部", "甲信越");
        add("長野県", "長野", "nagano", "中部", "甲信越");
        for (String[] p : new String[][] {{"岐阜", "gifu"}, {"静岡", "shizuoka"}, {"愛知", "aichi"}}) {
            add(p[0] + "県", p[0], p[1], "中部", "東海");
        }
        add("三重県", "三重", "mie", "近畿", "東海");
        for (String[] p : new String[][] {{"滋賀", "shiga"}, {"兵庫", "hyogo"}, {"奈良", "nara"}, {"和歌山", "wakayama"}}) {
            add(p[0] + "県", p[0], p[1], "近畿");
        }
        add("京都府", "京都", "kyoto", "近畿");
        add("大阪府", "大阪", "osaka", "近畿");
        for (String[] p : new String[][] {{"鳥取", "tottori"}, {"島根", "shimane"}, {"岡山", "okayama"}, {"広島", "hiroshima"},
                {"山口", "yamaguchi"}}) {
            add(p[0] + "県", p[0], p[1], "中国地方");
        }
        for (String[] p : new String[][] {{"徳島", "tokushima"}, {"香川", "kagawa"}, {"愛媛", "ehime"}, {"高知", "kochi"}}) {
            add(p[0] + "県", p[0], p[1], "四国");
        }
        for (String[] p : new String[][] {{"福岡", "fukuoka"}, {"佐賀", "saga"}, {"長崎", "nagasaki"}, {"熊本", "kumamoto"},
                {"大分", "oita"}, {"宮崎", "miyazaki"}, {"鹿児島", "kagoshima"}}) {
            add(p[0] + "県", p[0], p[1], "九州");
        }
        add("沖縄県", "沖縄", "okinawa", "九州", "沖縄");
        REGION_ALIASES.put("東北", List.of("東北地方", "tohoku"));
        REGION_ALIASES.put("関東", List.of("関東地方", "kanto"));
        REGION_ALIASES.put("中部", List.of("中部地方", "chubu"));
        REGION_ALIASES.put("北陸", List.of("北陸地方", "hokuriku"));
        REGION_ALIASES.put("東海", List.of("東海地方", "tokai"));
        REGION_ALIASES.put("近畿", List.of("近畿地方", "関西", "関西地方", "kansai", "kinki"));
        REGION_ALIASES.put("中国地方", List.of("chugoku"));
        REGION_ALIASES.put("四国", List.of("四国地方", "shikoku"));
        REGION_ALIASES.put("九州", List.of("九州地方", "kyushu"));
    }

    private static void add(String name, String shortName, String romaji, String... regions) {
        PREFECTURES.add(new Prefecture(name, shortName, romaji, List.of(regions)));
    }

    /**
     * One-way synonym rules (as {@link SynonymTable#addRules} takes them) for the prefectures a corpus
     * names: the short name, the romaji and every name of its regions lead to the prefecture.
     *
     * @param corpusText all the corpus's text, normalised, to find which prefectures it names
     */
    public static List<dev.kotae.corpus.SynonymFile.Pair> rulesFor(String corpusText) {
        List<dev.kotae.corpus.SynonymFile.Pair> pairs = new ArrayList<>();
        for (Prefecture p : PREFECTURES) {
            if (!corpusText.contains(p.name())) {
                continue;
            }
            if (!p.shortName().equals(p.name())) {
                pairs.add(new dev.kotae.corpus.SynonymFile.Pair(p.shortName(), p.name()));
            }
            pairs.add(new dev.kotae.corpus.SynonymFile.Pair(p.romaji(), p.name()));
            for (String region : p.regions()) {
                pairs.add(new dev.kotae.corpus.SynonymFile.Pair(region, p.name()));
                for (String alias : REGION_ALIASES.getOrDefault(region, List.of())) {
                    pairs.add(new dev.kotae.corpus.SynonymFile.Pair(alias, p.name()));
                }
            }
        }
        return pairs;
    }
}
