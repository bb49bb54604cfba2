package dev.kotae.corpus.formats;

import dev.kotae.corpus.DocumentKind;
import dev.kotae.corpus.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Excel (.xlsx), streamed with POI's event API so that a large workbook is never held whole: each
 * sheet is a section; its first row with text is the header row, and every later row is a passage
 * written with its header cells ({@code 項目：値}), cited as {@code N行目}. Cells show what Excel shows
 * (formatted numbers and dates, the last calculated value of a formula).
 */
final class SpreadsheetReader implements DocumentReader {

    @Override
    public ReadDocument read(SourceFile file, ReadBudget budget) throws Unreadable, IOException {
        OPCPackage pkg = OfficePackages.open(file, budget);
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            String title = pkg.getPackageProperties().getTitleProperty().orElse(null);
            if (title == null || title.isBlank()) {
                title = file.name();
            }
            OutlineBuilder out = new OutlineBuilder(file.name(), SourceKind.TEXT, title, false, budget);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            int count = 0;
            while (sheets.hasNext()) {
                budget.check();
                try (InputStream sheet = sheets.next()) {
                    count++;
                    out.page(null);
                    out.heading(1, sheets.getSheetName(), 1);
                    Rows rows = new Rows(out, budget);
                    XMLReader xml = XMLHelper.newXMLReader();
                    DataFormatter formatter = new DataFormatter();
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, formatter, false));
                    xml.parse(new InputSource(sheet));
                }
            }
            if (out.passageCount() == 0) {
                throw new Unreadable("表にデータ行がありません（1行目を見出し、2行目からをデータとして読みます）");
            }
            return new ReadDocument(DocumentKind.EXCEL, ContentTypes.XLSX, title, count, 0, out.build(), List.of());
        } catch (Unreadable | ReadBudget.LimitExceeded e) {
            throw e;
        } catch (Exception e) {
            throw OfficePackages.failure(e, budget);
        } finally {
            pkg.revert();
        }
    }

    /** Collects a row's cells by column; the first row with text is the header. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        final OutlineBuilder out;
        final ReadBudget budget;
        List<String> headers;
        final List<String> cells = new ArrayList<>();

        Rows(OutlineBuilder out, ReadBudget budget) {
            this.out = out;
            this.budget = budget;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            budget.check();
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (headers == null) {
                headers = List.copyOf(cells);
                return;
            }
            out.page((rowNum + 1) + "行目");
            out.row(headers, cells, rowNum + 1);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column > 16_384) {
                return;
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, value == null ? "" : value);
        }
    }
}
