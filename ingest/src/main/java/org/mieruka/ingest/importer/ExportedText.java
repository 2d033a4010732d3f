package org.mieruka.ingest.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an exported text file. Japanese municipal systems still export Shift_JIS (in practice
 * Microsoft's CP932, which is what "Shift_JIS" files from Windows are), Teams exports UTF-16LE
 * with a BOM, the rest UTF-8 with or without a BOM. {@code auto}: a BOM decides; else UTF-8 when
 * the bytes are valid UTF-8; else windows-31j.
 */
final class ExportedText {

    static final Charset CP932 = Charset.forName("windows-31j");

    private ExportedText() {
    }

    static String decode(byte[] bytes, String encoding) throws ImportException {
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("auto")) {
            return decodeAuto(bytes);
        }
        Charset charset;
        try {
            charset = encoding.equalsIgnoreCase("Shift_JIS") || encoding.equalsIgnoreCase("SJIS")
                    ? CP932 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new ImportException("encoding: not a charset this JVM knows", e);
        }
        return stripBom(new String(bytes, charset));
    }

    private static String decodeAuto(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, CP932);
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
