package fr.egide.monitoring.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Works out how an import file is written before it is read: its format (CSV, JSON array, JSON Lines) and
 * its encoding. Spreadsheets on Windows still save CSV in Windows-1252, so a file that is not valid UTF-8
 * is read as Windows-1252. The whole file is scanned (a stray "é" can sit on the last line), streaming, so a
 * large file never sits in memory.
 */
final class ImportFileFormat {

    enum Format {
        CSV, JSON, JSON_LINES
    }

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    record Detected(Format format, Charset charset, boolean bom) {
    }

    private ImportFileFormat() {
    }

    static Detected detect(String fileName, Supplier<InputStream> content) throws IOException {
        boolean bom;
        int firstChar;
        try (var in = new BufferedInputStream(content.get())) {
            in.mark(4);
            var head = in.readNBytes(3);
            bom = head.length == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf;
            if (head.length >= 2 && ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe
                    || (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff)) {
                throw new ImportFailure("Fichier en UTF-16 (export « Texte Unicode » d'Excel) : enregistrez-le au format "
                        + "« CSV UTF-8 » puis recommencez.");
            }
            if (!bom) {
                in.reset();
            }
            firstChar = firstNonBlank(in);
        }
        var charset = bom || validUtf8(content) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        return new Detected(format(fileName, firstChar), charset, bom);
    }

    private static Format format(String fileName, int firstChar) {
        var name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Format.JSON_LINES;
        }
        if (name.endsWith(".json")) {
            return firstChar == '{' ? Format.JSON_LINES : Format.JSON;
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return Format.CSV;
        }
        if (firstChar == '[') {
            return Format.JSON;
        }
        return firstChar == '{' ? Format.JSON_LINES : Format.CSV;
    }

    private static int firstNonBlank(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return -1;
    }

    private static boolean validUtf8(Supplier<InputStream> content) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        var bytes = ByteBuffer.allocate(64 * 1024);
        var chars = CharBuffer.allocate(64 * 1024);
        try (var in = content.get()) {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer, 0, bytes.remaining())) != -1) {
                bytes.put(buffer, 0, read);
                bytes.flip();
                if (decoder.decode(bytes, chars, false).isError()) {
                    return false;
                }
                bytes.compact();
                chars.clear();
            }
            bytes.flip();
            if (decoder.decode(bytes, chars, true).isError()) {
                return false;
            }
            return !decoder.flush(chars).isError();
        }
    }

}
