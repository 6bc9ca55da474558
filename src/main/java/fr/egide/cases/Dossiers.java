package fr.egide.cases;

import fr.egide.analysis.AnalysisRequest;
import fr.egide.analysis.MentionAnalyses;
import fr.egide.analysis.StrategyKind;
import fr.egide.evidence.CaptureSummary;
import fr.egide.evidence.Captures;
import fr.egide.identity.CabinetAccess;
import fr.egide.identity.Permission;
import fr.egide.monitoring.FrenchDates;
import fr.egide.monitoring.MentionDetail;
import fr.egide.monitoring.Mentions;
import fr.egide.system.ConflictException;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dossiers of a cabinet: opened from one or several mentions, then taken through the method — keep the proof,
 * qualify (the analyser's indicators accepted or rejected, the user's qualification), weigh the impact, choose a
 * strategy, act (letters), close with an outcome. Each step is checked (no qualification without evidence, no
 * strategy without a qualification, no platform notice without evidence) and written in an insert-only timeline.
 */
@Service
public class Dossiers {

    private final fr.egide.audit.AuditLog audit;

    /** Reminders before a deadline, in days. */
    public static final List<Integer> REMINDER_DAYS = List.of(30, 14, 7, 2);

    /** Uploaded screenshots: these types, 10 MB at most. */
    public static final long MAX_UPLOAD = 10L * 1024 * 1024;

    static final Map<String, String> UPLOAD_TYPES = Map.of("image/png", "PNG", "image/jpeg", "JPEG", "application/pdf", "PDF",
            "image/webp", "WebP");

    private final JdbcClient jdbc;

    private final CabinetAccess access;

    private final Mentions mentions;

    private final MentionAnalyses analyses;

    private final Captures captures;

    private final JsonMapper json;

    private final fr.egide.monitoring.MentionFeed feed;

    private final fr.egide.practice.PracticeManagement practice;

    private final Clock clock = Clock.systemUTC();

    private final fr.egide.identity.CabinetMembers members;

    Dossiers(JdbcClient jdbc, CabinetAccess access, Mentions mentions, MentionAnalyses analyses, Captures captures, JsonMapper json,
            fr.egide.monitoring.MentionFeed feed, fr.egide.practice.PracticeManagement practice, fr.egide.audit.AuditLog audit,
            fr.egide.identity.CabinetMembers members) {
        this.audit = audit;
        this.members = members;
        this.feed = feed;
        this.practice = practice;
        this.jdbc = jdbc;
        this.access = access;
        this.mentions = mentions;
        this.analyses = analyses;
        this.captures = captures;
        this.json = json;
    }

    /** A dossier in a list. */
    public record DossierSummary(UUID id, UUID cabinetId, String reference, String title, DossierStage stage, DossierOutcome outcome,
            DossierQualification qualification, Instant createdAt, int mentions, LocalDate nextDeadline, Instant prescribedAt) {
    }

    /** A reminder due on {@code on} for a deadline of a dossier. */
    public record Reminder(UUID dossierId, String reference, String title, LocalDate on, int daysBefore, String kind, String label,
            LocalDate deadline, String basis) {
    }

    // ------------------------------------------------------------------ opening and reading

    /**
     * Opens a dossier about the given mentions of a cabinet (none is allowed: a dossier may start from a page not
     * yet watched). The mentions' sealed captures join it as evidence; the first step is recorded.
     */
    @Transactional
    public Dossier open(UUID cabinetId, List<UUID> mentionIds, UUID practitionerId, String title) {
        access.require(cabinetId, Permission.READ, Permission.EDIT_DOSSIER);
        var ids = mentionIds == null ? List.<UUID>of() : mentionIds.stream().distinct().toList();
        var details = new ArrayList<MentionDetail>();
        for (var id : ids) {
            var detail = mentions.detail(id);
            if (!detail.mention().cabinetId().equals(cabinetId)) {
                throw new NotFoundException("Mention introuvable.");
            }
            details.add(detail);
        }
        var name = title == null || title.isBlank()
                ? details.isEmpty() ? null : "Mention de " + Optional.ofNullable(details.get(0).mention().author()).orElse("auteur inconnu")
                        + " sur " + details.get(0).mention().sourceName()
                : title.strip();
        if (name == null) {
            throw new InvalidRequestException("Donnez un titre au dossier, ou ouvrez-le depuis une mention.");
        }
        if (name.length() > 200) {
            name = name.substring(0, 199) + "…";
        }
        var id = UUID.randomUUID();
        var year = Year.now(FrenchDates.PARIS).getValue();
        // The reference is unique per cabinet: taking the cabinet's dossiers in a lock keeps two openings apart.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("cases:" + cabinetId).query(Object.class).list();
        var count = jdbc.sql("select count(*) from cases_dossier where cabinet_id = ? and reference like ?").params(cabinetId, "D-" + year + "-%")
            .query(Long.class).single();
        var reference = "D-%d-%04d".formatted(year, count + 1);
        jdbc.sql("insert into cases_dossier (id, cabinet_id, practitioner_id, reference, title, created_by) values (?, ?, ?, ?, ?, ?)")
            .params(id, cabinetId, practitionerId, reference, name, access.currentUser().id()).update();
        log(id, "OUVERTURE", "Dossier " + reference + " ouvert : " + name);
        for (var detail : details) {
            jdbc.sql("insert into cases_dossier_mention (dossier_id, mention_id, added_by) values (?, ?, ?)")
                .params(id, detail.mention().id(), access.currentUser().id()).update();
            log(id, "MENTION", "Mention ajoutée : « " + shorten(detail.mention().text(), 120) + " » (" + detail.mention().sourceName() + ")");
            for (var capture : captures.list(cabinetId, detail.mention().id(), 0, 100).items()) {
                if (!"ECHEC".equals(capture.status())) {
                    addBundle(id, capture);
                }
            }
        }
        return get(id);
    }

    public Dossier get(UUID dossierId) {
        var row = row(dossierId);
        return asReader(row, () -> assemble(row));
    }

    /**
     * Runs {@code work} once the dossier is known readable by the current user. A CONSEIL reads a dossier shared with
     * them through the other modules (mentions, analyses, captures), which only know roles: the right to read is lent
     * to them in that cabinet for the time of the call, and only then.
     */
    public <T> T asDossierReader(UUID dossierId, java.util.function.Supplier<T> work) {
        return asReader(row(dossierId), work);
    }

    private <T> T asReader(Row row, java.util.function.Supplier<T> work) {
        if (access.may(row.cabinetId(), Permission.READ)) {
            return work.get();
        }
        return access.lending(row.cabinetId(), Set.of(Permission.READ), work);
    }

    public List<DossierSummary> list(UUID cabinetId) {
        // A CONSEIL sees only the dossiers shared with them; other roles without READ are refused.
        var role = access.require(cabinetId);
        if (!role.may(Permission.READ) && !role.may(Permission.READ_SHARED_DOSSIERS)) {
            throw CabinetAccess.refusal(role, Permission.READ);
        }
        var onlyShared = !role.may(Permission.READ);
        if (onlyShared) {
            // The deadlines of the shared dossiers read their mentions: the right is lent for that, and only then.
            return access.lending(cabinetId, Set.of(Permission.READ), () -> summaries(cabinetId, true));
        }
        return summaries(cabinetId, false);
    }

    private List<DossierSummary> summaries(UUID cabinetId, boolean onlyShared) {
        return jdbc.sql("""
                select d.*, (select count(*) from cases_dossier_mention m where m.dossier_id = d.id) as mention_count
                from cases_dossier d where d.cabinet_id = :cabinet
                and (not :onlyShared or exists (select 1 from cases_dossier_share s where s.dossier_id = d.id
                    and s.user_id = :user and s.revoked_at is null))
                order by d.created_at desc
                """).param("cabinet", cabinetId).param("onlyShared", onlyShared).param("user", access.currentUser().id())
            .query((rs, n) -> {
                var id = rs.getObject("id", UUID.class);
                return new DossierSummary(id, rs.getObject("cabinet_id", UUID.class), rs.getString("reference"), rs.getString("title"),
                        DossierStage.valueOf(rs.getString("stage")), enumOf(DossierOutcome.class, rs.getString("outcome")),
                        enumOf(DossierQualification.class, rs.getString("qualification")), rs.getTimestamp("created_at").toInstant(),
                        rs.getInt("mention_count"), null, instant(rs, "prescribed_at"));
            })
            .list()
            .stream()
            .map(summary -> new DossierSummary(summary.id(), summary.cabinetId(), summary.reference(), summary.title(), summary.stage(),
                    summary.outcome(), summary.qualification(), summary.createdAt(), summary.mentions(),
                    summary.stage() == DossierStage.CLOS ? null : nextDeadline(summary.id()), summary.prescribedAt()))
            .toList();
    }

    /** The open dossiers of a mention (the mention page shows them). */
    public List<DossierSummary> ofMention(UUID mentionId) {
        var mention = feed.get(mentionId).orElseThrow(() -> new NotFoundException("Mention introuvable."));
        access.requireOn(mention.cabinetId(), "Mention introuvable.", Permission.READ);
        var cabinets = access.cabinetsOfCurrentUser();
        return jdbc.sql("""
                select d.id, d.cabinet_id from cases_dossier d join cases_dossier_mention m on m.dossier_id = d.id
                where m.mention_id = ? order by d.created_at desc
                """).param(mentionId)
            .query((rs, n) -> new UUID[] { rs.getObject("id", UUID.class), rs.getObject("cabinet_id", UUID.class) }).list().stream()
            .filter(ids -> cabinets.contains(ids[1]))
            .flatMap(ids -> list(ids[1]).stream().filter(summary -> summary.id().equals(ids[0])))
            .toList();
    }

    // ------------------------------------------------------------------ shares with a CONSEIL

    /** Someone a dossier is shared with (a CONSEIL of the cabinet), since when and by whom. */
    public record Share(UUID userId, String displayName, String email, Instant sharedAt, String sharedBy) {
    }

    /** The active shares of a dossier (those withdrawn are kept in the table and in the timeline). */
    public List<Share> shares(UUID dossierId) {
        var row = row(dossierId);
        var byId = new HashMap<UUID, fr.egide.identity.EgideUser>();
        members.withRoles(row.cabinetId()).forEach(member -> byId.put(member.user().id(), member.user()));
        var rows = jdbc.sql("select user_id, shared_by, shared_at from cases_dossier_share where dossier_id = ? and revoked_at is null order by shared_at")
            .param(dossierId)
            .query((rs, n) -> new Object[] { rs.getObject("user_id", UUID.class), rs.getObject("shared_by", UUID.class),
                    rs.getTimestamp("shared_at").toInstant() })
            .list();
        var names = access.displayNames(rows.stream().map(r -> (UUID) r[1]).toList());
        return rows.stream().filter(r -> byId.containsKey((UUID) r[0])).map(r -> {
            var user = byId.get((UUID) r[0]);
            return new Share(user.id(), user.displayName(), user.email(), (Instant) r[2], names.get((UUID) r[1]));
        }).toList();
    }

    /** Shares the dossier with a member of the cabinet whose role is CONSEIL (only the titulaire shares). */
    @Transactional
    public List<Share> share(UUID dossierId, String email) {
        var row = checked(dossierId, Permission.MANAGE_CABINET);
        var member = members.byEmail(row.cabinetId(), email)
            .orElseThrow(() -> new InvalidRequestException("Aucun membre du cabinet n'a l'adresse « " + (email == null ? "" : email.strip())
                    + " » : invitez d'abord votre conseil avec le rôle Conseil (page Membres du cabinet)."));
        if (member.role() != fr.egide.identity.CabinetRole.CONSEIL) {
            throw new InvalidRequestException(member.user().displayName() + " est " + member.role().label()
                    + " du cabinet et voit déjà ses dossiers : on ne partage un dossier qu'avec un conseil.");
        }
        var added = jdbc.sql("""
                insert into cases_dossier_share (id, dossier_id, user_id, shared_by) values (?, ?, ?, ?)
                on conflict (dossier_id, user_id) where revoked_at is null do nothing
                """).params(UUID.randomUUID(), dossierId, member.user().id(), access.currentUser().id()).update();
        if (added > 0) {
            log(dossierId, "PARTAGE", "Dossier partagé avec " + member.user().displayName() + " (conseil)");
        }
        return shares(dossierId);
    }

    /** Withdraws a share: the conseil no longer sees the dossier; the share stays recorded, dated. */
    @Transactional
    public List<Share> unshare(UUID dossierId, UUID userId) {
        checked(dossierId, Permission.MANAGE_CABINET);
        var withdrawn = jdbc.sql("update cases_dossier_share set revoked_at = now(), revoked_by = ? where dossier_id = ? and user_id = ? and revoked_at is null")
            .params(access.currentUser().id(), dossierId, userId).update();
        if (withdrawn == 0) {
            throw new NotFoundException("Ce dossier n'est pas partagé avec cette personne.");
        }
        log(dossierId, "PARTAGE", "Partage retiré à " + access.displayNames(List.of(userId)).getOrDefault(userId, "un ancien membre"));
        return shares(dossierId);
    }

    // ------------------------------------------------------------------ evidence

    /** Links a capture of the evidence module (sealed, or still running) to the dossier. */
    @Transactional
    public Dossier linkCapture(UUID dossierId, String captureId) {
        var row = open(dossierId);
        var capture = captures.get(captureId);
        if (!capture.cabinetId().equals(row.cabinetId())) {
            throw new NotFoundException("Capture introuvable.");
        }
        if ("ECHEC".equals(capture.status())) {
            throw new InvalidRequestException("Cette capture a échoué (" + capture.error() + ") : elle ne prouve rien, refaites-la.");
        }
        addBundle(dossierId, capture);
        return get(dossierId);
    }

    /** Asks the evidence module to capture the page of each mention now, and links the captures as they run. */
    @Transactional
    public Dossier captureNow(UUID dossierId) {
        var row = open(dossierId);
        var ids = mentionIds(dossierId);
        if (ids.isEmpty()) {
            throw new InvalidRequestException("Ce dossier ne concerne aucune mention : capturez la page depuis l'onglet Preuves et liez-la.");
        }
        for (var mentionId : ids) {
            var capture = captures.requestForMention(mentionId, "preuve du dossier " + row.reference());
            addBundle(dossierId, capture);
        }
        return get(dossierId);
    }

    /** Keeps a screenshot the user took (PNG, JPEG, WebP or PDF, 10 MB at most) with its SHA-256 and time. */
    @Transactional
    public Dossier addScreenshot(UUID dossierId, String fileName, String contentType, byte[] content) {
        open(dossierId);
        if (content == null || content.length == 0) {
            throw new InvalidRequestException("Le fichier est vide : choisissez la capture d'écran à joindre.");
        }
        if (content.length > MAX_UPLOAD) {
            throw new InvalidRequestException("Le fichier fait " + content.length / (1024 * 1024) + " Mo : 10 Mo au plus.");
        }
        var type = sniff(content);
        if (type == null) {
            throw new InvalidRequestException("Type de fichier refusé : seules les images PNG, JPEG ou WebP et les PDF sont acceptés "
                    + "(le contenu du fichier est vérifié, pas seulement son nom).");
        }
        var name = safeName(fileName, type);
        var sha = sha256(content);
        jdbc.sql("""
                insert into cases_evidence (id, dossier_id, kind, file_name, content_type, size, sha256, content, added_by)
                values (?, ?, 'CAPTURE_ECRAN', ?, ?, ?, ?, ?, ?)
                """)
            .params(UUID.randomUUID(), dossierId, name, type, (long) content.length, sha, content, access.currentUser().id()).update();
        log(dossierId, "PREUVE", "Capture d'écran jointe : " + name + " (" + content.length + " octets, SHA-256 " + sha + ")");
        advanceIfAt(dossierId, DossierStage.OUVERT, DossierStage.PREUVES, "une preuve est conservée");
        return get(dossierId);
    }

    /** An uploaded screenshot, for download and export. */
    public record Upload(String fileName, String contentType, byte[] content, String sha256) {
    }

    public Upload screenshot(UUID dossierId, UUID evidenceId) {
        row(dossierId);
        return jdbc.sql("select file_name, content_type, content, sha256 from cases_evidence where id = ? and dossier_id = ? and content is not null")
            .params(evidenceId, dossierId)
            .query((rs, n) -> new Upload(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content"), rs.getString("sha256")))
            .optional().orElseThrow(() -> new NotFoundException("Pièce introuvable."));
    }

    private void addBundle(UUID dossierId, CaptureSummary capture) {
        var added = jdbc.sql("""
                insert into cases_evidence (id, dossier_id, kind, capture_id, sha256, added_by)
                values (?, ?, 'LOT_SCELLE', ?, ?, ?) on conflict do nothing
                """)
            .params(UUID.randomUUID(), dossierId, capture.id(), capture.bundleSha256() == null ? "en attente du scellement" : capture.bundleSha256(),
                    access.currentUser().id())
            .update();
        if (added > 0) {
            log(dossierId, "PREUVE", "Capture " + capture.id() + " liée (" + capture.url() + ", " + capture.status().toLowerCase() + ")");
            advanceIfAt(dossierId, DossierStage.OUVERT, DossierStage.PREUVES, "une preuve est conservée");
        }
    }

    // ------------------------------------------------------------------ qualification, impact, strategy

    /** The user's decision on one of the analyser's indicators for a mention of the dossier. */
    @Transactional
    public Dossier decideIndicator(UUID dossierId, UUID mentionId, String type, boolean accepted) {
        open(dossierId);
        if (!mentionIds(dossierId).contains(mentionId)) {
            throw new NotFoundException("Cette mention n'appartient pas au dossier.");
        }
        var indicator = indicatorsOf(mentionId).stream().filter(i -> i.type().name().equals(type)).findFirst()
            .orElseThrow(() -> new InvalidRequestException("L'analyse de cette mention ne relève pas d'indicateur " + type + "."));
        var words = String.join(" … ", indicator.spans().stream().map(fr.egide.analysis.Span::text).toList());
        jdbc.sql("""
                insert into cases_indicator_decision (dossier_id, mention_id, indicator_type, accepted, words, decided_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (dossier_id, mention_id, indicator_type) do update set accepted = excluded.accepted,
                    decided_by = excluded.decided_by, decided_at = now()
                """)
            .params(dossierId, mentionId, type, accepted, words, access.currentUser().id()).update();
        log(dossierId, "INDICATEUR", "Indicateur " + type + " (« " + shorten(words, 80) + " ») " + (accepted ? "retenu" : "écarté"));
        return get(dossierId);
    }

    /**
     * The qualification the user retains. It needs a kept proof first (the method: keep the proof, then qualify) and
     * moves the dossier to QUALIFIE.
     */
    @Transactional
    public Dossier qualify(UUID dossierId, DossierQualification qualification, String reason) {
        var row = open(dossierId);
        if (qualification == null) {
            throw new InvalidRequestException("Choisissez une qualification (seul un juge qualifie : c'est votre appréciation, à discuter avec votre conseil).");
        }
        if (!row.stage().atLeast(DossierStage.PREUVES)) {
            throw new ConflictException("Conservez d'abord une preuve (capture scellée ou capture d'écran) avant de qualifier le contenu : "
                    + "un contenu peut disparaître à tout moment.");
        }
        jdbc.sql("update cases_dossier set qualification = ?, qualification_reason = ? where id = ?")
            .params(qualification.name(), text(reason), dossierId).update();
        log(dossierId, "QUALIFICATION", "Qualification retenue : " + qualification.label() + (text(reason) == null ? "" : " — " + text(reason))
                + " (appréciation de l'utilisateur ; seul un juge qualifie)");
        advanceIfAt(dossierId, DossierStage.PREUVES, DossierStage.QUALIFIE, "qualification retenue");
        return get(dossierId);
    }

    /** The three criteria the user knows (position, audience, author); the risk comes from the analyser. */
    @Transactional
    public Dossier assessImpact(UUID dossierId, String position, String audience, String author) {
        open(dossierId);
        var context = fr.egide.analysis.ImpactContext.of(author, position, audience);
        var impact = computeImpact(dossierId, context.searchPosition(), context.audience(), context.author(), true);
        jdbc.sql("update cases_dossier set impact = ?::jsonb where id = ?").params(json.writeValueAsString(impact), dossierId).update();
        log(dossierId, "IMPACT", "Impact évalué : " + impact.score() + "/100 (position " + label(impact.position()) + ", audience "
                + label(impact.audience()) + ", auteur " + label(impact.author()) + ")");
        return get(dossierId);
    }

    /**
     * The strategy chosen, beside the analyser's recommendation; choosing another needs a reason. It needs a
     * qualification and moves the dossier to STRATEGIE.
     */
    @Transactional
    public Dossier chooseStrategy(UUID dossierId, StrategyKind strategy, String reason) {
        var row = open(dossierId);
        if (strategy == null) {
            throw new InvalidRequestException("Choisissez une stratégie : neutre, défensive, pacifique ou offensive.");
        }
        if (row.qualification() == null) {
            throw new ConflictException("Pas de stratégie sans qualification : qualifiez d'abord le contenu.");
        }
        var recommended = recommendation(dossierId);
        if (recommended != null && recommended != strategy && text(reason) == null) {
            throw new InvalidRequestException("Vous choisissez une autre stratégie que celle recommandée (" + recommended
                    + ") : indiquez pourquoi, la raison sera conservée.");
        }
        if (row.qualification().lawful() && strategy == StrategyKind.OFFENSIVE) {
            throw new ConflictException("Une critique licite ne se combat pas en justice : signaler un contenu licite est lui-même puni. "
                    + "Changez la qualification si vous pensez que le contenu est illicite.");
        }
        jdbc.sql("update cases_dossier set strategy = ?, strategy_reason = ? where id = ?").params(strategy.name(), text(reason), dossierId)
            .update();
        log(dossierId, "STRATEGIE", "Stratégie choisie : " + strategy + (recommended == null ? "" : " (recommandée : " + recommended + ")")
                + (text(reason) == null ? "" : " — " + text(reason)));
        advanceIfAt(dossierId, DossierStage.QUALIFIE, DossierStage.STRATEGIE, "stratégie choisie");
        return get(dossierId);
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Moves the dossier to a stage, checked: forward one step at a time, each with what it needs; CLOS from any
     * stage with an outcome; nothing after CLOS.
     */
    @Transactional
    public Dossier advance(UUID dossierId, DossierStage target) {
        var row = checked(dossierId, Permission.EDIT_DOSSIER);
        if (target == null) {
            throw new InvalidRequestException("Étape inconnue : " + java.util.Arrays.toString(DossierStage.values()) + ".");
        }
        if (row.stage() == DossierStage.CLOS) {
            throw new ConflictException("Ce dossier est clos : il ne change plus d'étape.");
        }
        if (target == DossierStage.CLOS) {
            throw new InvalidRequestException("Pour clore le dossier, indiquez son issue (contenu retiré, réponse publiée, accord amiable…).");
        }
        if (target.ordinal() <= row.stage().ordinal()) {
            throw new ConflictException("Le dossier est déjà à l'étape « " + row.stage().label() + " » : on ne revient pas en arrière, "
                    + "la chronologie garde chaque étape.");
        }
        if (target != row.stage().next()) {
            throw new ConflictException("On ne saute pas d'étape : après « " + row.stage().label() + " » vient « " + row.stage().next().label()
                    + " ».");
        }
        var missing = switch (target) {
            case PREUVES -> evidenceCount(dossierId) == 0 ? "Joignez d'abord une preuve (capture scellée ou capture d'écran)." : null;
            case QUALIFIE -> row.qualification() == null ? "Choisissez d'abord une qualification." : null;
            case STRATEGIE -> row.strategy() == null ? "Pas de stratégie sans qualification : choisissez d'abord une stratégie." : null;
            case ACTIONS -> letterCount(dossierId) == 0 ? "Générez d'abord un courrier (ou clore le dossier si la stratégie est de ne rien faire)." : null;
            default -> null;
        };
        if (missing != null) {
            throw new ConflictException(missing);
        }
        move(dossierId, target, "étape demandée");
        return get(dossierId);
    }

    /** Closes the dossier with its outcome; a closed dossier is kept, whole, and changes no more. */
    @Transactional
    public Dossier close(UUID dossierId, DossierOutcome outcome, String comment) {
        var row = open(dossierId);
        if (outcome == null) {
            throw new InvalidRequestException("Indiquez l'issue du dossier : " + java.util.Arrays.stream(DossierOutcome.values())
                .map(DossierOutcome::label).reduce((a, b) -> a + ", " + b).orElse("") + ".");
        }
        jdbc.sql("update cases_dossier set stage = 'CLOS', outcome = ?, closed_at = now() where id = ?").params(outcome.name(), dossierId)
            .update();
        log(dossierId, "CLOTURE", "Dossier clos depuis l'étape « " + row.stage().label() + " » : " + outcome.label()
                + (text(comment) == null ? "" : " — " + text(comment)));
        return get(dossierId);
    }

    // ------------------------------------------------------------------ deadlines

    /**
     * The dossier's deadlines: for each mention and each version of its text (an edited text starts its own clock,
     * the original keeps its own), those the qualification opens — or, before one is chosen, those of the accepted
     * indicators, or of all the analyser's indicators — plus those events opened (letters sent…).
     */
    public List<Dossier.DeadlineItem> deadlines(UUID dossierId) {
        var row = row(dossierId);
        return asReader(row, () -> computeDeadlines(row));
    }

    /** Events of a dossier that open a deadline of their own (delais.tsv, « événement » triggers), with their French name. */
    public static final Map<String, String> EVENTS = Map.of(
            "DECISION_PLATEFORME", "Décision de la plateforme reçue (retrait refusé ou contenu maintenu)",
            "SAISINE_ORGANISME", "Organisme de règlement extrajudiciaire saisi",
            "DEMANDE_RGPD_PROLONGEE", "Prolongation annoncée par le responsable du traitement");

    /**
     * Records an event that opens a deadline (a platform's decision: 6 months for the internal complaint; the
     * out-of-court body seized: 90 days for its decision; a GDPR answer postponed: 3 months from receipt).
     */
    @Transactional
    public Dossier recordEvent(UUID dossierId, String event, LocalDate on, String note) {
        open(dossierId);
        if (event == null || !EVENTS.containsKey(event)) {
            throw new InvalidRequestException("Événement inconnu : indiquez l'un de " + String.join(", ", new java.util.TreeSet<>(EVENTS.keySet())) + ".");
        }
        if (on == null) {
            throw new InvalidRequestException("Indiquez la date de l'événement.");
        }
        if (on.isAfter(LocalDate.now(clock.withZone(FrenchDates.PARIS)))) {
            throw new InvalidRequestException("La date de l'événement ne peut pas être dans le futur.");
        }
        var opened = new ArrayList<String>();
        for (var rule : DeadlineRules.standard().of(event)) {
            var due = rule.lastDay(on);
            jdbc.sql("""
                    insert into cases_deadline (id, dossier_id, kind, trigger, start_date, due_date, basis, description)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(UUID.randomUUID(), dossierId, rule.kind().name(), event, on, due, rule.basis(), rule.description()).update();
            opened.add(label(rule.kind()) + " au " + due);
        }
        log(dossierId, "EVENEMENT", EVENTS.get(event) + " le " + on + (text(note) == null ? "" : " — " + text(note))
                + (opened.isEmpty() ? "" : " ; échéance ouverte : " + String.join(", ", opened)));
        return get(dossierId);
    }

    /** The reminders (J-30, J-14, J-7, J-2) of every open dossier of the cabinet falling between two days. */
    public List<Reminder> reminders(UUID cabinetId, LocalDate from, LocalDate to) {
        access.requireAccess(cabinetId);
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidRequestException("Indiquez une période : du (from) au (to), dans cet ordre.");
        }
        var reminders = new ArrayList<Reminder>();
        // The open dossiers only, without list()'s next deadline: it would compute every dossier's deadlines twice (the
        // dashboard asks for the reminders on each display).
        var open = jdbc.sql("select id, reference, title from cases_dossier where cabinet_id = ? and stage <> 'CLOS'").param(cabinetId)
            .query((rs, n) -> new DossierSummary(rs.getObject("id", UUID.class), cabinetId, rs.getString("reference"),
                    rs.getString("title"), null, null, null, null, 0, null, null))
            .list();
        for (var dossier : open) {
            for (var deadline : computeDeadlines(row(dossier.id()))) {
                if (deadline.date() == null) {
                    continue;
                }
                for (var days : REMINDER_DAYS) {
                    var on = deadline.date().minusDays(days);
                    if (!on.isBefore(from) && !on.isAfter(to)) {
                        reminders.add(new Reminder(dossier.id(), dossier.reference(), dossier.title(), on, days, deadline.kind(),
                                deadline.label(), deadline.date(), deadline.basis()));
                    }
                }
            }
        }
        reminders.sort(Comparator.comparing(Reminder::on).thenComparing(Reminder::reference));
        return reminders;
    }

    /**
     * For the daily job (no user): open dossiers without action whose every criminal deadline has passed are marked
     * prescribed, once, with a timeline entry. Only what the dossier itself holds is used — the qualification, or
     * the indicators the user accepted — and each date is taken on the late side (the latest possible publication,
     * the current version's first sight), so that a dossier is never marked too early.
     */
    @Transactional
    int markPrescribed() {
        var candidates = jdbc.sql("""
                select id from cases_dossier d where stage not in ('ACTIONS', 'CLOS') and prescribed_at is null
                  and not exists (select 1 from cases_letter l where l.dossier_id = d.id and l.sent_on is not null)
                """).query(UUID.class).list();
        int marked = 0;
        var today = LocalDate.now(clock.withZone(FrenchDates.PARIS));
        for (var id : candidates) {
            var row = rowUnchecked(id);
            LocalDate last = null;
            boolean unknown = false;
            for (var mentionId : mentionIds(id)) {
                var triggers = row.qualification() != null
                        ? (row.qualification().trigger() == null ? List.<String>of() : List.of(row.qualification().trigger()))
                        : jdbc.sql("select indicator_type from cases_indicator_decision where dossier_id = ? and mention_id = ? and accepted")
                            .params(id, mentionId).query(String.class).list();
                var text = feed.get(mentionId).orElse(null);
                var place = feed.place(mentionId).orElse(null);
                for (var trigger : triggers) {
                    for (var rule : DeadlineRules.standard().of(trigger)) {
                        if (rule.kind() != DeadlineKind.PRESCRIPTION_PENALE) {
                            continue;
                        }
                        if (text == null || text.publishedLatest() == null) {
                            unknown = true;
                            continue;
                        }
                        var late = text.publishedLatest();
                        // An edited text has its own clock, which started at the latest when its current version was seen.
                        if (place != null && place.versionCount() > 1 && place.currentSince() != null && place.currentSince().isAfter(late)) {
                            late = place.currentSince();
                        }
                        var date = rule.lastDay(late.atZone(FrenchDates.PARIS).toLocalDate());
                        last = last == null || date.isAfter(last) ? date : last;
                    }
                }
            }
            if (last != null && !unknown && last.isBefore(today)) {
                jdbc.sql("update cases_dossier set prescribed_at = now() where id = ? and prescribed_at is null").param(id).update();
                logAs(id, null, "Égide", "PRESCRIPTION", "Délai de prescription pénale dépassé sans action (dernier jour : " + last
                        + ") : l'action pénale n'est plus possible ; les voies civiles peuvent rester ouvertes.");
                marked++;
            }
        }
        return marked;
    }

    /** An export of the dossier, recorded in its timeline before anything is written. */
    @Transactional
    public void recordExport(UUID dossierId, String what) {
        var row = checked(dossierId, Permission.EXPORT_EVIDENCE);
        log(dossierId, "EXPORT", what);
        audit.record(row.cabinetId(), fr.egide.audit.AuditAction.EXPORT, "dossier", dossierId, Map.of("reference", row.reference(), "quoi", what));
    }

    /** A dossier as a person reads it (page or API): the reading is recorded in the audit log. */
    @Transactional
    public Dossier view(UUID dossierId) {
        var dossier = get(dossierId);
        audit.record(dossier.cabinetId(), fr.egide.audit.AuditAction.CONSULTATION_DOSSIER, "dossier", dossierId,
                Map.of("reference", dossier.reference()));
        return dossier;
    }

    // ------------------------------------------------------------------ internals shared with the module

    record Row(UUID id, UUID cabinetId, UUID practitionerId, String reference, String title, DossierStage stage, DossierOutcome outcome,
            DossierQualification qualification, String qualificationReason, String impact, StrategyKind strategy, String strategyReason,
            Instant prescribedAt, Instant createdAt, Instant closedAt) {
    }

    /** A dossier the current user may read (a CONSEIL: only when it is shared with them). */
    Row row(UUID dossierId) {
        return checked(dossierId, Permission.READ);
    }

    /**
     * A dossier the current user may read and act on with this permission: "not found" outside their cabinets and,
     * for a CONSEIL, when it is not shared with them; "forbidden" when their role lacks the permission.
     */
    Row checked(UUID dossierId, Permission permission) {
        var row = rowUnchecked(dossierId);
        var role = access.requireOn(row.cabinetId(), "Dossier introuvable.");
        if (!role.may(Permission.READ)) {
            if (!role.may(Permission.READ_SHARED_DOSSIERS) || !sharedWithCurrentUser(dossierId)) {
                throw new NotFoundException("Dossier introuvable.");
            }
        }
        if (permission != Permission.READ && !role.may(permission)) {
            throw CabinetAccess.refusal(role, permission);
        }
        return row;
    }

    private boolean sharedWithCurrentUser(UUID dossierId) {
        return jdbc.sql("select exists (select 1 from cases_dossier_share where dossier_id = ? and user_id = ? and revoked_at is null)")
            .params(dossierId, access.currentUser().id()).query(Boolean.class).single();
    }

    Row rowUnchecked(UUID dossierId) {
        return jdbc.sql("select * from cases_dossier where id = ?").param(dossierId)
            .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("cabinet_id", UUID.class),
                    rs.getObject("practitioner_id", UUID.class), rs.getString("reference"), rs.getString("title"),
                    DossierStage.valueOf(rs.getString("stage")), enumOf(DossierOutcome.class, rs.getString("outcome")),
                    enumOf(DossierQualification.class, rs.getString("qualification")), rs.getString("qualification_reason"),
                    rs.getString("impact"), enumOf(StrategyKind.class, rs.getString("strategy")), rs.getString("strategy_reason"),
                    instant(rs, "prescribed_at"), rs.getTimestamp("created_at").toInstant(), instant(rs, "closed_at")))
            .optional().orElseThrow(() -> new NotFoundException("Dossier introuvable."));
    }

    /** A dossier that may still change: not closed. */
    Row open(UUID dossierId) {
        return open(dossierId, Permission.EDIT_DOSSIER);
    }

    /** A dossier that may still change, by someone whose role has this permission. */
    Row open(UUID dossierId, Permission permission) {
        var row = checked(dossierId, permission);
        if (row.stage() == DossierStage.CLOS) {
            throw new ConflictException("Ce dossier est clos (" + (row.outcome() == null ? "" : row.outcome().label())
                    + ") : il est conservé tel quel et ne change plus.");
        }
        return row;
    }

    List<UUID> mentionIds(UUID dossierId) {
        return jdbc.sql("select mention_id from cases_dossier_mention where dossier_id = ? order by added_at").param(dossierId)
            .query(UUID.class).list();
    }

    void log(UUID dossierId, String kind, String detail) {
        var user = access.currentUser();
        logAs(dossierId, user.id(), user.displayName(), kind, detail);
    }

    void logAs(UUID dossierId, UUID userId, String userName, String kind, String detail) {
        jdbc.sql("insert into cases_timeline (dossier_id, user_id, user_name, kind, detail) values (?, ?, ?, ?, ?)")
            .params(dossierId, userId, userName, kind, detail).update();
    }

    void advanceIfAt(UUID dossierId, DossierStage from, DossierStage to, String why) {
        if (jdbc.sql("update cases_dossier set stage = ? where id = ? and stage = ?").params(to.name(), dossierId, from.name()).update() > 0) {
            log(dossierId, "ETAPE", "Étape « " + to.label() + " » (" + why + ")");
        }
    }

    private void move(UUID dossierId, DossierStage to, String why) {
        jdbc.sql("update cases_dossier set stage = ? where id = ?").params(to.name(), dossierId).update();
        log(dossierId, "ETAPE", "Étape « " + to.label() + " » (" + why + ")");
    }

    long evidenceCount(UUID dossierId) {
        return jdbc.sql("select count(*) from cases_evidence where dossier_id = ?").param(dossierId).query(Long.class).single();
    }

    long letterCount(UUID dossierId) {
        return jdbc.sql("select count(*) from cases_letter where dossier_id = ?").param(dossierId).query(Long.class).single();
    }

    private Dossier assemble(Row row) {
        var ids = mentionIds(row.id());
        var mentionItems = new ArrayList<Dossier.MentionItem>();
        var indicators = new ArrayList<Dossier.IndicatorItem>();
        var decisions = decisions(row.id());
        for (var id : ids) {
            var m = mentions.detail(id).mention();
            mentionItems.add(new Dossier.MentionItem(m.id(), m.sourceName(), m.url(), m.author(), m.rating(), m.text(), m.publishedRaw(),
                    m.publishedEarliest(), m.publishedLatest(), m.versionCount(), m.removedAt()));
            for (var indicator : indicatorsOf(id)) {
                var decision = decisions.get(id + "/" + indicator.type().name());
                indicators.add(new Dossier.IndicatorItem(id, indicator.type().name(), indicator.confidence(),
                        indicator.spans().stream().map(fr.egide.analysis.Span::text).toList(), indicator.reason(), indicator.legalBasis(),
                        decision == null ? null : (Boolean) decision[0], decision == null ? null : (Instant) decision[1]));
            }
        }
        var impact = row.impact() == null ? (ids.isEmpty() ? null : computeImpact(row.id(), null, null, null, false))
                : json.readValue(row.impact(), Dossier.Impact.class);
        var recommendation = ids.isEmpty() ? null : analysisOf(ids.get(0)).map(fr.egide.analysis.Analysis::strategy).orElse(null);
        return new Dossier(row.id(), row.cabinetId(), row.practitionerId(), row.reference(), row.title(), row.stage(), row.outcome(),
                row.qualification(), row.qualificationReason(), impact, row.strategy(), row.strategyReason(),
                recommendation == null ? null : recommendation.kind(), recommendation == null ? null : recommendation.rationale(),
                row.prescribedAt(), row.createdAt(), row.closedAt(), mentionItems, indicators, evidence(row.id()), letters(row.id()),
                computeDeadlines(row), timeline(row.id()));
    }

    private Map<String, Object[]> decisions(UUID dossierId) {
        var decisions = new LinkedHashMap<String, Object[]>();
        jdbc.sql("select mention_id, indicator_type, accepted, decided_at from cases_indicator_decision where dossier_id = ?").param(dossierId)
            .query((rs, n) -> decisions.put(rs.getObject("mention_id", UUID.class) + "/" + rs.getString("indicator_type"),
                    new Object[] { rs.getBoolean("accepted"), rs.getTimestamp("decided_at").toInstant() }))
            .list();
        return decisions;
    }

    List<Dossier.EvidenceItem> evidence(UUID dossierId) {
        return jdbc.sql("select id, kind, capture_id, file_name, content_type, size, sha256, added_at from cases_evidence where dossier_id = ? "
                + "order by added_at").param(dossierId)
            .query((rs, n) -> {
                var captureId = rs.getString("capture_id");
                String status = null;
                String url = null;
                var sha = rs.getString("sha256");
                if (captureId != null) {
                    try {
                        var capture = captures.get(captureId);
                        status = capture.status();
                        url = capture.url();
                        sha = capture.bundleSha256() == null ? sha : capture.bundleSha256();
                    }
                    catch (NotFoundException gone) {
                        status = "INTROUVABLE";
                    }
                }
                return new Dossier.EvidenceItem(rs.getObject("id", UUID.class), rs.getString("kind"), captureId, rs.getString("file_name"),
                        rs.getString("content_type"), rs.getObject("size", Long.class), sha, rs.getTimestamp("added_at").toInstant(), status, url);
            })
            .list();
    }

    List<Dossier.LetterItem> letters(UUID dossierId) {
        return jdbc.sql("select * from cases_letter where dossier_id = ? order by created_at").param(dossierId)
            .query((rs, n) -> new Dossier.LetterItem(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("title"),
                    rs.getTimestamp("created_at").toInstant(), rs.getObject("sent_on", LocalDate.class), rs.getString("channel"),
                    rs.getString("registered_number")))
            .list();
    }

    List<Dossier.TimelineEntry> timeline(UUID dossierId) {
        return jdbc.sql("select seq, at, user_name, kind, detail from cases_timeline where dossier_id = ? order by seq").param(dossierId)
            .query((rs, n) -> new Dossier.TimelineEntry(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("user_name"),
                    rs.getString("kind"), rs.getString("detail")))
            .list();
    }

    private StrategyKind recommendation(UUID dossierId) {
        var ids = mentionIds(dossierId);
        return ids.isEmpty() ? null : analysisOf(ids.get(0)).map(a -> a.strategy().kind()).orElse(null);
    }

    /** The analyser's impact of the dossier's first mention with what the user knows; the risk is the analyser's. */
    private Dossier.Impact computeImpact(UUID dossierId, String position, String audience, String author, boolean edited) {
        var ids = mentionIds(dossierId);
        if (ids.isEmpty()) {
            throw new InvalidRequestException("L'impact s'évalue sur une mention : ce dossier n'en a aucune.");
        }
        var mention = mentions.detail(ids.get(0)).mention();
        var known = analyses.context(mention.id());
        var p = edited ? position : known.searchPosition();
        var a = edited ? audience : known.audience();
        var w = edited ? author : known.author();
        var analysis = analyses.analyze(new AnalysisRequest(mention.text(), mention.rating(), mention.sourceName(), a, p, w,
                mention.publishedEarliest(), 0, null));
        var factors = analysis.impact().factors().stream()
            .map(f -> new Dossier.Impact.Factor(f.criterion(), f.value(), f.points(), f.explanation())).toList();
        return new Dossier.Impact(analysis.impact().score(), p, a, w, factors, edited);
    }

    private LocalDate nextDeadline(UUID dossierId) {
        var today = LocalDate.now(clock.withZone(FrenchDates.PARIS));
        return computeDeadlines(rowUnchecked(dossierId)).stream().map(Dossier.DeadlineItem::date)
            .filter(date -> date != null && !date.isBefore(today)).min(Comparator.naturalOrder()).orElse(null);
    }

    private List<Dossier.DeadlineItem> computeDeadlines(Row row) {
        var today = LocalDate.now(clock.withZone(FrenchDates.PARIS));
        var items = new ArrayList<Dossier.DeadlineItem>();
        var rules = DeadlineRules.standard();
        var decisions = decisions(row.id());
        for (var mentionId : mentionIds(row.id())) {
            var detail = mentions.detail(mentionId);
            var triggers = triggers(row, mentionId, decisions);
            if (triggers.isEmpty()) {
                continue;
            }
            var versions = detail.versions();
            for (int i = 0; i < Math.max(1, versions.size()); i++) {
                LocalDate earliest;
                LocalDate latest;
                String missing = null;
                var versionNo = versions.isEmpty() ? 1 : versions.get(i).versionNo();
                if (i == 0) {
                    var m = detail.mention();
                    if (m.publishedEarliest() == null) {
                        earliest = null;
                        latest = null;
                        missing = "Date de première publication inconnue (« " + (m.publishedRaw() == null ? "aucune date" : m.publishedRaw())
                                + " ») : la prescription court de la publication, non de la découverte ; indiquez la date pour calculer ce délai. "
                                + "Par prudence, agissez comme si elle courait depuis la première vue, le "
                                + m.firstSeen().atZone(FrenchDates.PARIS).toLocalDate() + ".";
                    }
                    else {
                        earliest = m.publishedEarliest().atZone(FrenchDates.PARIS).toLocalDate();
                        latest = m.publishedLatest() == null ? earliest : m.publishedLatest().atZone(FrenchDates.PARIS).toLocalDate();
                    }
                }
                else {
                    // An edit was published after the previous text was seen and before this one was.
                    earliest = versions.get(i - 1).seenAt().atZone(FrenchDates.PARIS).toLocalDate();
                    latest = versions.get(i).seenAt().atZone(FrenchDates.PARIS).toLocalDate();
                }
                for (var trigger : triggers) {
                    for (var rule : rules.of(trigger)) {
                        var origin = (i == 0 ? "publication" : "modification (version " + versionNo + ")") + " — " + trigger;
                        if (earliest == null) {
                            items.add(new Dossier.DeadlineItem(rule.kind().name(), label(rule.kind()), null, rule.basis(), rule.description(),
                                    true, mentionId, versionNo, origin, missing, List.of(), false));
                            continue;
                        }
                        var date = rule.lastDay(earliest);
                        items.add(new Dossier.DeadlineItem(rule.kind().name(), label(rule.kind()), date, rule.basis(), rule.description(),
                                !earliest.equals(latest), mentionId, versionNo, origin, null, reminders(date, today), date.isBefore(today)));
                    }
                }
            }
        }
        jdbc.sql("select * from cases_deadline where dossier_id = ? order by due_date").param(row.id())
            .query((rs, n) -> {
                var date = rs.getObject("due_date", LocalDate.class);
                return new Dossier.DeadlineItem(rs.getString("kind"), label(DeadlineKind.valueOf(rs.getString("kind"))), date,
                        rs.getString("basis"), rs.getString("description"), false, null, null, "événement — " + rs.getString("trigger"), null,
                        reminders(date, today), date.isBefore(today));
            })
            .list().forEach(items::add);
        insurerDeadline(row, today).ifPresent(items::add);
        items.sort(Comparator.comparing(Dossier.DeadlineItem::date, Comparator.nullsFirst(Comparator.naturalOrder())));
        return items;
    }

    /** The triggers of a mention: the qualification's, else the accepted indicators', else all the analyser's. */
    private List<String> triggers(Row row, UUID mentionId, Map<String, Object[]> decisions) {
        if (row.qualification() != null) {
            return row.qualification().trigger() == null ? List.of() : List.of(row.qualification().trigger());
        }
        var found = indicatorsOf(mentionId).stream().map(i -> i.type().name()).toList();
        var accepted = found.stream().filter(type -> {
            var decision = decisions.get(mentionId + "/" + type);
            return decision != null && (Boolean) decision[0];
        }).toList();
        var rejected = found.stream().filter(type -> {
            var decision = decisions.get(mentionId + "/" + type);
            return decision != null && !(Boolean) decision[0];
        }).toList();
        if (!accepted.isEmpty()) {
            return accepted;
        }
        return found.stream().filter(type -> !rejected.contains(type)).toList();
    }

    /** The stored analysis, or empty while it is being made. */
    private Optional<fr.egide.analysis.Analysis> analysisOf(UUID mentionId) {
        try {
            return Optional.of(analyses.ofMention(mentionId));
        }
        catch (NotFoundException notYet) {
            return Optional.empty();
        }
    }

    private List<fr.egide.analysis.Indicator> indicatorsOf(UUID mentionId) {
        return analysisOf(mentionId).map(fr.egide.analysis.Analysis::indicators).orElse(List.of());
    }

    /**
     * The declaration to the professional insurer, due the contract's number of working days (5 at least) after the
     * claim became known — the dossier's opening — while no declaration letter has been sent.
     */
    private Optional<Dossier.DeadlineItem> insurerDeadline(Row row, LocalDate today) {
        if (row.stage() == DossierStage.CLOS) {
            return Optional.empty();
        }
        var declared = jdbc.sql("select exists (select 1 from cases_letter where dossier_id = ? and type = 'DECLARATION_ASSUREUR' and sent_on is not null)")
            .param(row.id()).query(Boolean.class).single();
        if (declared) {
            return Optional.empty();
        }
        var practitioners = practice.practitioners(row.cabinetId());
        var practitioner = practitioners.stream().filter(p -> p.id().equals(row.practitionerId())).findFirst()
            .or(() -> practitioners.stream().findFirst());
        if (practitioner.isEmpty() || practitioner.get().insurer() == null) {
            return Optional.empty();
        }
        var days = practitioner.get().declarationDays() == null ? 5 : practitioner.get().declarationDays();
        var rule = DeadlineRules.standard().of("SINISTRE_CONNU").get(0);
        var start = row.createdAt().atZone(FrenchDates.PARIS).toLocalDate();
        var date = DeadlineRules.plusWorkingDays(start, days);
        return Optional.of(new Dossier.DeadlineItem(rule.kind().name(), label(rule.kind()), date, rule.basis(), rule.description()
                + (practitioner.get().declarationDays() == null ? " Délai du contrat non renseigné (réglages du praticien) : 5 jours ouvrés retenus."
                        : " Délai du contrat : " + days + " jours ouvrés."),
                false, null, null, "événement — sinistre connu à l'ouverture du dossier (" + practitioner.get().insurer() + ")", null,
                reminders(date, today), date.isBefore(today)));
    }

    static List<LocalDate> reminders(LocalDate deadline, LocalDate today) {
        return REMINDER_DAYS.stream().map(deadline::minusDays).filter(day -> !day.isBefore(today)).toList();
    }

    static String label(DeadlineKind kind) {
        return switch (kind) {
            case PRESCRIPTION_PENALE -> "Prescription de l'action pénale";
            case DROIT_DE_REPONSE -> "Demande de droit de réponse";
            case ACTION_CIVILE -> "Action civile";
            case REPONSE_RGPD -> "Réponse due à la demande RGPD";
            case SUIVI_SIGNALEMENT -> "Relance du signalement";
            case RECLAMATION_INTERNE -> "Réclamation interne (DSA)";
            case DECISION_ORGANISME -> "Décision de l'organisme extrajudiciaire";
            case DECLARATION_ASSUREUR -> "Déclaration à l'assureur";
            case REPONSE_MISE_EN_DEMEURE -> "Fin du délai de la mise en demeure";
            case INSERTION_REPONSE -> "Insertion de la réponse";
        };
    }

    private static String label(String value) {
        return value == null ? "inconnue" : value;
    }

    /** The file's real type from its first bytes, or null when it is not an accepted one. */
    static String sniff(byte[] content) {
        if (content.length >= 8 && (content[0] & 0xff) == 0x89 && content[1] == 'P' && content[2] == 'N' && content[3] == 'G') {
            return "image/png";
        }
        if (content.length >= 3 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xd8 && (content[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (content.length >= 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F' && content[4] == '-') {
            return "application/pdf";
        }
        if (content.length >= 12 && content[0] == 'R' && content[1] == 'I' && content[2] == 'F' && content[3] == 'F' && content[8] == 'W'
                && content[9] == 'E' && content[10] == 'B' && content[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /** The file name kept: its last path segment, safe characters only, with the extension of its real type. */
    static String safeName(String fileName, String type) {
        var name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_").replaceAll("^[.]+", "").strip();
        var extension = switch (type) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "application/pdf" -> ".pdf";
            default -> ".webp";
        };
        if (name.isEmpty()) {
            name = "capture-ecran";
        }
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? name : name + extension;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        var flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static final Set<String> LETTER_NEEDS_EVIDENCE = Set.of("SIGNALEMENT_PLATEFORME");

}
