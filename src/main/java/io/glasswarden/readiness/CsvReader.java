package io.glasswarden.readiness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF or LF. */
final class CsvReader {
    private final List<List<String>> rows = new ArrayList<>();
    private List<String> row = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private boolean rowStarted;

    private CsvReader() {
    }

    static List<List<String>> read(Reader source) throws IOException {
        CsvReader csv = new CsvReader();
        Reader reader = source instanceof BufferedReader ? source : new BufferedReader(source);
        boolean quoted = false;
        int c;
        while ((c = reader.read()) != -1) {
            csv.rowStarted = true;
            if (quoted) {
                quoted = csv.quotedChar(c, reader);
            } else if (c == '"') {
                quoted = true;
            } else {
                csv.plainChar(c);
            }
        }
        if (csv.rowStarted) {
            csv.endRow();
        }
        return csv.rows;
    }

    /** Handles a character inside quotes; returns whether the field is still quoted. */
    private boolean quotedChar(int c, Reader reader) throws IOException {
        if (c != '"') {
            field.append((char) c);
            return true;
        }
        reader.mark(1);
        int next = reader.read();
        if (next == '"') {
            field.append('"');
            return true;
        }
        if (next != -1) {
            reader.reset();
        }
        return false;
    }

    private void plainChar(int c) {
        if (c == ',') {
            endField();
        } else if (c == '\n') {
            endRow();
        } else if (c != '\r') {
            field.append((char) c);
        }
    }

    private void endField() {
        row.add(field.toString());
        field.setLength(0);
    }

    private void endRow() {
        endField();
        rows.add(row);
        row = new ArrayList<>();
        rowStarted = false;
    }
}
