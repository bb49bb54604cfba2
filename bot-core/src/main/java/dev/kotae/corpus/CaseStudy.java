package dev.kotae.corpus;

import java.util.List;

/**
 * A 事例 from the text and slides.
 *
 * @param id           a stable id such as {@code case-4-2-5-1}
 * @param title        the heading as written ({@code 事例1：某ユニット型制御基板製造企業（愛媛県・製造業）})
 * @param organisation {@code 某ユニット型制御基板製造企業}
 * @param region       {@code 愛媛県}, or null
 * @param industry     {@code 製造業}, or null
 * @param theme        one of 守り, 攻め, 次世代技術, インシデント
 * @param sectionId    the text section that tells it
 */
public record CaseStudy(String id, String title, String organisation, String region, String industry,
                        String theme, String sectionId, String doc, String page, List<CasePart> parts) {
    public CaseStudy {
        parts = List.copyOf(parts);
    }
}
