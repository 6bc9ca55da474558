/**
 * Journal et RGPD: the insert-only, hash-chained audit log of sensitive acts (who signed in, viewed a dossier or an
 * evidence bundle, exported, generated or sent a letter, published a reply, changed a role or a setting), and the
 * cabinet's rights under the GDPR — export of all its data, deletion, retention periods applied by a job, and the
 * records of processing (art. 30). Modules record through {@link fr.egide.audit.AuditLog}, contribute their data
 * through {@link fr.egide.audit.CabinetData} and delete theirs on {@link fr.egide.audit.CabinetDeletionRequested};
 * this module depends on no business module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journal et RGPD")
package fr.egide.audit;
