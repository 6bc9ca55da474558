package fr.egide.cases.internal;

import fr.egide.cases.Dossier;
import fr.egide.cases.Dossiers;
import fr.egide.evidence.Captures;
import fr.egide.practice.PracticeManagement;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole dossier as one ZIP for the lawyer or the commissaire de justice: the dossier PDF (summary, deadlines,
 * evidence, timeline), the dossier as JSON, the sealed evidence bundles with their chain of custody (as the evidence
 * module exports them) or the uploaded screenshots, the letters, and SHA256SUMS.txt over every file. The export is
 * written in the timeline before anything is sent.
 */
@Component
class DossierExport {

    private final Dossiers dossiers;

    private final Captures captures;

    private final PracticeManagement practice;

    private final JsonMapper json;

    private final org.springframework.beans.factory.ObjectProvider<LetterFiles> letterFiles;

    DossierExport(Dossiers dossiers, Captures captures, PracticeManagement practice, JsonMapper json,
            org.springframework.beans.factory.ObjectProvider<LetterFiles> letterFiles) {
        this.dossiers = dossiers;
        this.captures = captures;
        this.practice = practice;
        this.json = json;
        this.letterFiles = letterFiles;
    }

    /** The letters' files of a dossier (PDF and DOCX), given by the letters part of the module. */
    interface LetterFiles {

        /** File name → content. */
        Map<String, byte[]> files(Dossier dossier);

    }

    /** An export ready to be written. */
    interface Prepared {

        String fileName();

        void writeTo(OutputStream out) throws IOException;

    }

    Prepared prepare(UUID dossierId) {
        return dossiers.asDossierReader(dossierId, () -> prepareReadable(dossierId));
    }

    private Prepared prepareReadable(UUID dossierId) {
        var before = dossiers.get(dossierId);
        dossiers.recordExport(dossierId, "export du dossier entier (ZIP) : chronologie, courriers, preuves, délais");
        var dossier = dossiers.get(dossierId);
        var cabinet = practice.cabinet(dossier.cabinetId()).name();
        var files = new LinkedHashMap<String, byte[]>();
        files.put("dossier.pdf", TimelinePdf.of(dossier, cabinet));
        files.put("dossier.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(dossier));
        files.put("delais.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(dossier.deadlines()));
        for (var letters : letterFiles.orderedStream().toList()) {
            letters.files(dossier).forEach((name, content) -> files.put("courriers/" + name, content));
        }
        var bundles = new ArrayList<Map.Entry<String, Captures.Export>>();
        var notes = new StringBuilder();
        for (var evidence : dossier.evidence()) {
            if ("CAPTURE_ECRAN".equals(evidence.kind())) {
                var upload = dossiers.screenshot(dossierId, evidence.id());
                files.put("preuves/captures-ecran/" + evidence.id().toString().substring(0, 8) + "-" + upload.fileName(), upload.content());
            }
            else if ("SCELLEE".equals(evidence.captureStatus())) {
                bundles.add(Map.entry("preuves/" + evidence.captureId() + ".zip", captures.export(evidence.captureId())));
            }
            else {
                notes.append("Capture ").append(evidence.captureId()).append(" : ").append(evidence.captureStatus())
                    .append(" au moment de l'export (non jointe).\n");
            }
        }
        if (!notes.isEmpty()) {
            files.put("preuves/A-LIRE.txt", notes.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        var name = "dossier-" + before.reference() + ".zip";
        return new Prepared() {

            @Override
            public String fileName() {
                return name;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                var sums = new StringBuilder();
                try (var zip = new ZipOutputStream(out)) {
                    for (var file : files.entrySet()) {
                        zip.putNextEntry(new ZipEntry(file.getKey()));
                        zip.write(file.getValue());
                        zip.closeEntry();
                        sums.append(HexFormat.of().formatHex(digest().digest(file.getValue()))).append("  ").append(file.getKey()).append('\n');
                    }
                    for (var bundle : bundles) {
                        zip.putNextEntry(new ZipEntry(bundle.getKey()));
                        var digest = digest();
                        var digesting = new DigestOutputStream(new NonClosing(zip), digest);
                        bundle.getValue().writeTo(digesting);
                        digesting.flush();
                        zip.closeEntry();
                        sums.append(HexFormat.of().formatHex(digest.digest())).append("  ").append(bundle.getKey()).append('\n');
                    }
                    zip.putNextEntry(new ZipEntry("SHA256SUMS.txt"));
                    zip.write(sums.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }

        };
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The bundle writer closes its own ZIP stream; the dossier's must stay open. */
    private static final class NonClosing extends java.io.FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }

    }

}
