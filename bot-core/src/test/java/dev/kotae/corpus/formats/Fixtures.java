package dev.kotae.corpus.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontFactory;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Writes small documents of every format for the tests, with the libraries Kotae reads them with:
 * no binary fixture is committed. Japanese PDFs use a non-embedded Japanese CID font with a ToUnicode
 * map (as Office's "save as PDF" often does with MS Mincho), so no font file is needed here or in CI.
 */
public final class Fixtures {
    private Fixtures() {}

    /** One line of a PDF page; {@code letterSpaced} prints each character apart, as some layouts do. */
    public record PdfLine(String text, boolean letterSpaced) {
        public static PdfLine of(String text) {
            return new PdfLine(text, false);
        }
    }

    /** A bookmark to a 0-based page. */
    public record Bookmark(String title, int page) {}

    /** Pages of lines; an empty line leaves a paragraph gap. */
    public static void pdf(Path file, List<List<PdfLine>> pages, List<Bookmark> outline) throws IOException {
        try (PDDocument doc = pdfDocument(pages, outline)) {
            doc.save(file.toFile());
        }
    }

    public static void pdfLines(Path file, List<List<String>> pages) throws IOException {
        pdf(file, pages.stream().map(p -> p.stream().map(PdfLine::of).toList()).toList(), List.of());
    }

    public static void passwordPdf(Path file, List<List<String>> pages) throws IOException {
        try (PDDocument doc = pdfDocument(pages.stream().map(p -> p.stream().map(PdfLine::of).toList()).toList(), List.of())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
    }

    /** A scanned page: drawn, with no text layer. */
    public static void imageOnlyPdf(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.addRect(72, 500, 300, 200);
                cs.fill();
            }
            doc.save(file.toFile());
        }
    }

    private static PDDocument pdfDocument(List<List<PdfLine>> pages, List<Bookmark> outline) throws IOException {
        PDDocument doc = new PDDocument();
        PDFont font = japaneseFont(doc);
        for (List<PdfLine> lines : pages) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = 780;
                float pitch = Math.min(16, 740f / Math.max(1, lines.size()));
                for (PdfLine line : lines) {
                    if (!line.text().isEmpty()) {
                        cs.beginText();
                        cs.setFont(font, Math.min(10.5f, pitch * 0.7f));
                        cs.newLineAtOffset(60, y);
                        cs.appendRawCommands(shown(line) + "\n");
                        cs.endText();
                    }
                    y -= pitch;
                }
            }
        }
        if (!outline.isEmpty()) {
            PDDocumentOutline root = new PDDocumentOutline();
            for (Bookmark b : outline) {
                PDOutlineItem item = new PDOutlineItem();
                item.setTitle(b.title());
                PDPageFitDestination dest = new PDPageFitDestination();
                dest.setPage(doc.getPage(b.page()));
                item.setDestination(dest);
                root.addLast(item);
            }
            doc.getDocumentCatalog().setDocumentOutline(root);
        }
        return doc;
    }

    /** The text as UTF-16 codes: with Identity-H they are the glyph ids, and ToUnicode maps them back. */
    private static String shown(PdfLine line) {
        if (!line.letterSpaced()) {
            return "<" + hex(line.text()) + "> Tj";
        }
        StringBuilder tj = new StringBuilder("[");
        for (char c : line.text().toCharArray()) {
            tj.append('<').append(hex(String.valueOf(c))).append("> -700 ");
        }
        return tj.append("] TJ").toString();
    }

    private static String hex(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(String.format("%04X", (int) c));
        }
        return b.toString();
    }

    /**
     * A non-embedded CID font with Identity-H encoding: each code is the character's UTF-16 value, and a
     * ToUnicode map says so, as PDF writers do for text they want extractable.
     */
    private static PDFont japaneseFont(PDDocument doc) throws IOException {
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setName(COSName.BASE_FONT, "MS-Mincho");
        font.setName(COSName.ENCODING, "Identity-H");
        COSDictionary cid = new COSDictionary();
        cid.setItem(COSName.TYPE, COSName.FONT);
        cid.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cid.setName(COSName.BASE_FONT, "MS-Mincho");
        COSDictionary info = new COSDictionary();
        info.setString(COSName.REGISTRY, "Adobe");
        info.setString(COSName.ORDERING, "Identity");
        info.setInt(COSName.SUPPLEMENT, 0);
        cid.setItem(COSName.CIDSYSTEMINFO, info);
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "MS-Mincho");
        descriptor.setInt(COSName.FLAGS, 4);
        descriptor.setItem(COSName.FONT_BBOX, new PDRectangle(0, -120, 1000, 1000).getCOSArray());
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 700);
        descriptor.setInt(COSName.STEM_V, 80);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        cid.setItem(COSName.FONT_DESC, descriptor);
        cid.setInt(COSName.DW, 1000);
        COSArray descendants = new COSArray();
        descendants.add(cid);
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin 12 dict begin begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def /CMapType 2 def
                1 begincodespacerange <0000> <FFFF> endcodespacerange
                256 beginbfrange
                """);
        for (int high = 0; high < 256; high++) {
            cmap.append(String.format("<%02X00> <%02XFF> <%02X00>%n", high, high, high));
        }
        cmap.append("endbfrange endcmap CMapName currentdict /CMap defineresource pop end end\n");
        org.apache.pdfbox.pdmodel.common.PDStream toUnicode = new org.apache.pdfbox.pdmodel.common.PDStream(doc,
                new java.io.ByteArrayInputStream(cmap.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        font.setItem(COSName.TO_UNICODE, toUnicode);
        return PDFontFactory.createFont(font);
    }

    // ---- Word ----

    /** A paragraph of a Word fixture: a heading (level 1–6), a list item, a page break, or body text. */
    public sealed interface Para permits Heading, Item, Body, PageBreak, Table {}

    public record Heading(int level, String text) implements Para {}

    public record Item(String text) implements Para {}

    public record Body(String text) implements Para {}

    public record PageBreak() implements Para {}

    public record Table(List<List<String>> rows) implements Para {}

    /** Heading styles named as Word names them: {@code heading N} (English) or {@code 見出し N} (Japanese Word). */
    public static void docx(Path file, String title, List<Para> paras) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.getProperties().getCoreProperties().setTitle(title);
            XWPFStyles styles = doc.createStyles();
            for (int level = 1; level <= 6; level++) {
                CTStyle style = CTStyle.Factory.newInstance();
                style.setStyleId("Heading" + level);
                style.setType(STStyleType.PARAGRAPH);
                style.addNewName().setVal(level % 2 == 0 ? "見出し " + level : "heading " + level);
                styles.addStyle(new XWPFStyle(style));
            }
            XWPFNumbering numbering = doc.createNumbering();
            CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
            abstractNum.setAbstractNumId(BigInteger.ZERO);
            CTLvl lvl = abstractNum.addNewLvl();
            lvl.setIlvl(BigInteger.ZERO);
            lvl.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
            lvl.addNewLvlText().setVal("%1.");
            lvl.addNewStart().setVal(BigInteger.ONE);
            BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum));
            BigInteger numId = numbering.addNum(abstractId);
            for (Para p : paras) {
                switch (p) {
                    case Heading h -> {
                        XWPFParagraph para = doc.createParagraph();
                        para.setStyle("Heading" + h.level());
                        para.createRun().setText(h.text());
                    }
                    case Item i -> {
                        XWPFParagraph para = doc.createParagraph();
                        para.setNumID(numId);
                        para.setNumILvl(BigInteger.ZERO);
                        para.createRun().setText(i.text());
                    }
                    case Body b -> doc.createParagraph().createRun().setText(b.text());
                    case PageBreak pb -> doc.createParagraph().createRun().addBreak(BreakType.PAGE);
                    case Table t -> {
                        XWPFTable table = doc.createTable(t.rows().size(), t.rows().get(0).size());
                        for (int r = 0; r < t.rows().size(); r++) {
                            for (int c = 0; c < t.rows().get(r).size(); c++) {
                                table.getRow(r).getCell(c).setText(t.rows().get(r).get(c));
                            }
                        }
                    }
                }
            }
            doc.write(out);
        }
    }

    /** The .docx encrypted with a password, as Word saves it: an OLE2 file holding the encrypted package. */
    public static void encrypt(Path docx, Path out) throws Exception {
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("secret");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(Files.readAllBytes(docx));
            }
            try (OutputStream os = Files.newOutputStream(out)) {
                fs.writeFilesystem(os);
            }
        }
    }

    /** A .docx whose document part inflates a thousandfold: what a zip bomb looks like to POI. */
    public static void zipBomb(Path docx, Path out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(docx)); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                byte[] content = in.readAllBytes();
                if (e.getName().equals("word/document.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    content = xml.replace("</w:body>", "<w:p><w:r><w:t xml:space=\"preserve\">" + " ".repeat(30_000_000)
                            + "</w:t></w:r></w:p></w:body>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.write(content);
                zip.closeEntry();
            }
        }
        Files.write(out, bytes.toByteArray());
    }

    // ---- PowerPoint ----

    public record SlideText(String title, String body, String notes) {}

    public static void pptx(Path file, List<SlideText> slides) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
            XSLFSlideLayout layout = show.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_AND_CONTENT);
            for (SlideText s : slides) {
                XSLFSlide slide = show.createSlide(layout);
                slide.getPlaceholder(0).setText(s.title());
                slide.getPlaceholder(1).setText(s.body());
                if (s.notes() != null) {
                    XSLFNotes notes = show.getNotesSlide(slide);
                    for (XSLFShape shape : notes.getShapes()) {
                        if (shape instanceof XSLFTextShape t && t.getPlaceholder() == Placeholder.BODY) {
                            t.setText(s.notes());
                        }
                    }
                }
            }
            show.write(out);
        }
    }

    // ---- Excel ----

    public static void xlsx(Path file, String sheetName, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = book.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(v));
                    }
                }
            }
            book.write(out);
        }
    }

    /** A minimal PNG: what an image dropped into the corpus looks like. */
    public static byte[] png() throws IOException {
        var image = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    public static byte[] zip(String entry, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
