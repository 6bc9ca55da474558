package fr.egide.identity.internal;

import fr.egide.identity.CabinetAccess;
import fr.egide.identity.CabinetMembers;
import fr.egide.identity.CabinetNames;
import fr.egide.identity.AccessChanged;
import fr.egide.identity.CabinetRole;
import fr.egide.identity.EgideUser;
import fr.egide.identity.Permission;
import fr.egide.identity.UserCreated;
import fr.egide.system.ConflictException;
import fr.egide.system.ForbiddenException;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations, the cabinets' consent, members, invitations, leaving and removal. Every method checks who asks:
 * a cabinet the caller has nothing to do with is "not found"; a cabinet they see without the right is "forbidden".
 */
@Service
class Tenancy {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final CabinetAccess access;

    private final CabinetMembers members;

    private final Users users;

    private final Memberships memberships;

    private final PasswordEncoder passwordEncoder;

    private final ObjectProvider<JavaMailSender> mail;

    private final ObjectProvider<CabinetNames> names;

    private final InvitationSettings settings;

    private final ApplicationEventPublisher events;

    private final Clock clock = Clock.systemUTC();

    Tenancy(JdbcClient jdbc, CabinetAccess access, CabinetMembers members, Users users, Memberships memberships,
            PasswordEncoder passwordEncoder, ObjectProvider<JavaMailSender> mail, ObjectProvider<CabinetNames> names,
            InvitationSettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.members = members;
        this.users = users;
        this.memberships = memberships;
        this.passwordEncoder = passwordEncoder;
        this.mail = mail;
        this.names = names;
        this.settings = settings;
        this.events = events;
    }

    // ------------------------------------------------------------------ records

    record Organisation(UUID id, String name, Instant createdAt) {
    }

    record Member(UUID userId, String displayName, String email, String role, Instant since) {
    }

    record Invitation(UUID id, String email, String role, Instant createdAt, Instant expiresAt, String invitedBy) {
    }

    record Consent(UUID organisationId, String organisationName, Instant grantedAt, String grantedBy, Instant withdrawnAt,
            String withdrawnBy) {

        public boolean active() {
            return withdrawnAt == null;
        }

    }

    record GrantedCabinet(UUID cabinetId, String name, Instant since, int members) {
    }

    record Team(UUID cabinetId, String cabinetName, String myRole, boolean canManage, List<Member> members,
            List<Invitation> invitations, List<Consent> consents) {

        public Consent activeConsent() {
            return consents.stream().filter(Consent::active).findFirst().orElse(null);
        }

    }

    record OrganisationView(Organisation organisation, List<Member> administrators, List<Invitation> invitations,
            List<GrantedCabinet> cabinets) {
    }

    record PendingInvitation(UUID id, String email, String role, String place, Instant expiresAt, boolean accountExists) {
    }

    // ------------------------------------------------------------------ who may manage a cabinet's members

    /** Organisations the current user administers. */
    private List<UUID> administeredOrganisations() {
        return jdbc.sql("select organisation_id from identity_organisation_member where user_id = ? and role = 'ADMIN_ORG'")
            .param(access.currentUser().id()).query(UUID.class).list();
    }

    /** The organisation that currently has the cabinet's consent, if any. */
    private Optional<UUID> consentingOrganisation(UUID cabinetId) {
        return jdbc.sql("select organisation_id from identity_organisation_consent where cabinet_id = ? and withdrawn_at is null")
            .param(cabinetId).query(UUID.class).optional();
    }

    private boolean administersThroughOrganisation(UUID cabinetId) {
        return consentingOrganisation(cabinetId).map(administeredOrganisations()::contains).orElse(false);
    }

    /** Members see their team; an ADMIN_ORG sees the teams of the cabinets granted to their organisation. */
    private void requireTeamVisible(UUID cabinetId) {
        if (!access.isMember(cabinetId) && !administersThroughOrganisation(cabinetId)) {
            throw new NotFoundException("Cabinet introuvable.");
        }
    }

    private boolean canManage(UUID cabinetId) {
        return access.may(cabinetId, Permission.MANAGE_CABINET) || administersThroughOrganisation(cabinetId);
    }

    private void requireManage(UUID cabinetId) {
        requireTeamVisible(cabinetId);
        if (!canManage(cabinetId)) {
            throw CabinetAccess.refusal(access.roleIn(cabinetId), Permission.MANAGE_CABINET);
        }
    }

    // ------------------------------------------------------------------ a cabinet's team

    Team team(UUID cabinetId) {
        requireTeamVisible(cabinetId);
        var role = access.isMember(cabinetId) ? access.roleIn(cabinetId).name() : null;
        var list = members.withRoles(cabinetId).stream()
            .map(m -> new Member(m.user().id(), m.user().displayName(), m.user().email(), m.role().name(), m.since())).toList();
        var manage = canManage(cabinetId);
        return new Team(cabinetId, cabinetName(cabinetId), role, manage, list, manage ? invitations(cabinetId, null) : List.of(),
                consents(cabinetId));
    }

    private String cabinetName(UUID cabinetId) {
        return cabinetNames(List.of(cabinetId)).getOrDefault(cabinetId, cabinetId.toString());
    }

    private Map<UUID, String> cabinetNames(Collection<UUID> ids) {
        var provider = names.getIfAvailable();
        return provider == null || ids.isEmpty() ? Map.of() : provider.namesOf(ids);
    }

    private List<Invitation> invitations(UUID cabinetId, UUID organisationId) {
        var rows = jdbc.sql("""
                select id, email, role, created_at, expires_at, invited_by from identity_invitation
                where (cabinet_id = :cabinet or organisation_id = :organisation) and accepted_at is null and cancelled_at is null
                  and expires_at > now() order by created_at
                """).param("cabinet", cabinetId).param("organisation", organisationId)
            .query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("role"),
                    rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                    rs.getObject("invited_by", UUID.class) })
            .list();
        var who = users.displayNames(rows.stream().map(r -> (UUID) r[5]).toList());
        return rows.stream().map(r -> new Invitation((UUID) r[0], (String) r[1], (String) r[2], (Instant) r[3], (Instant) r[4],
                who.get((UUID) r[5]))).toList();
    }

    /** Invites someone to the cabinet with a role; the link goes to their mailbox only. */
    @Transactional
    Invitation invite(UUID cabinetId, String email, CabinetRole role) {
        requireManage(cabinetId);
        if (role == null) {
            throw new InvalidRequestException("Choisissez le rôle de la personne invitée : titulaire, secrétariat, relecteur ou conseil.");
        }
        var address = checkedEmail(email);
        if (members.byEmail(cabinetId, address).isPresent()) {
            throw new ConflictException(address + " est déjà membre de ce cabinet.");
        }
        return createInvitation(address, cabinetId, null, role.name(), cabinetName(cabinetId), role.label());
    }

    @Transactional
    void cancelInvitation(UUID cabinetId, UUID invitationId) {
        requireManage(cabinetId);
        var cancelled = jdbc.sql("""
                update identity_invitation set cancelled_at = now()
                where id = ? and cabinet_id = ? and accepted_at is null and cancelled_at is null
                """).params(invitationId, cabinetId).update();
        if (cancelled == 0) {
            throw new NotFoundException("Invitation introuvable (déjà acceptée, annulée ou inconnue).");
        }
    }

    /** Leaves a cabinet; the last titulaire cannot (the cabinet would have nobody to manage it). */
    @Transactional
    void leave(UUID cabinetId) {
        var role = access.roleIn(cabinetId);
        end(cabinetId, access.currentUser().id(), role, "DEPART");
    }

    /** Removes a member (the titulaire, or the organisation's administrator for a cabinet that consented). */
    @Transactional
    void remove(UUID cabinetId, UUID userId) {
        requireManage(cabinetId);
        var member = members.withRoles(cabinetId).stream().filter(m -> m.user().id().equals(userId)).findFirst()
            .orElseThrow(() -> new NotFoundException("Cette personne n'est pas membre du cabinet."));
        end(cabinetId, userId, member.role(), userId.equals(access.currentUser().id()) ? "DEPART" : "RETRAIT");
    }

    private void end(UUID cabinetId, UUID userId, CabinetRole role, String reason) {
        // Locks the cabinet's memberships so that two titulaires leaving at once cannot both succeed.
        var titulaires = jdbc.sql("select user_id from identity_membership where cabinet_id = ? and role = 'TITULAIRE' for update")
            .param(cabinetId).query(UUID.class).list();
        if (role == CabinetRole.TITULAIRE && titulaires.size() <= 1) {
            throw new ConflictException("Le dernier titulaire ne peut pas quitter le cabinet ni en être retiré : invitez d'abord un "
                    + "autre titulaire.");
        }
        jdbc.sql("delete from identity_membership where cabinet_id = ? and user_id = ?").params(cabinetId, userId).update();
        jdbc.sql("insert into identity_membership_end (id, user_id, cabinet_id, role, ended_by, reason) values (?, ?, ?, ?, ?, ?)")
            .params(UUID.randomUUID(), userId, cabinetId, role.name(), access.currentUser().id(), reason).update();
        events.publishEvent(new AccessChanged(cabinetId, AccessChanged.Change.ROLE_RETIRE, userId, null, role.name(), access.currentUser().id()));
    }

    // ------------------------------------------------------------------ consent to an organisation

    List<Consent> consents(UUID cabinetId) {
        var rows = jdbc.sql("""
                select c.organisation_id, o.name, c.granted_at, c.granted_by, c.withdrawn_at, c.withdrawn_by
                from identity_organisation_consent c join identity_organisation o on o.id = c.organisation_id
                where c.cabinet_id = ? order by c.granted_at desc
                """).param(cabinetId)
            .query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                    rs.getObject(4, UUID.class), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                    rs.getObject(6, UUID.class) })
            .list();
        var ids = new ArrayList<UUID>();
        rows.forEach(r -> {
            ids.add((UUID) r[3]);
            if (r[5] != null) {
                ids.add((UUID) r[5]);
            }
        });
        var who = users.displayNames(ids);
        return rows.stream().map(r -> new Consent((UUID) r[0], (String) r[1], (Instant) r[2], who.get((UUID) r[3]), (Instant) r[4],
                r[5] == null ? null : who.get((UUID) r[5]))).toList();
    }

    /** The cabinet's consent, by its titulaire: the organisation then sees the cabinet (not its contents). */
    @Transactional
    List<Consent> grantConsent(UUID cabinetId, UUID organisationId) {
        access.require(cabinetId, Permission.MANAGE_CABINET);
        if (organisationId == null) {
            throw new InvalidRequestException("Indiquez l'identifiant de l'organisation (communiqué par son administrateur).");
        }
        var organisation = organisation(organisationId)
            .orElseThrow(() -> new InvalidRequestException("Aucune organisation ne porte l'identifiant " + organisationId + "."));
        var owner = jdbc.sql("select organisation_id from identity_cabinet_organisation where cabinet_id = ? for update")
            .param(cabinetId).query(UUID.class).optional();
        if (owner.isPresent() && !owner.get().equals(organisationId)) {
            throw new ConflictException("Ce cabinet appartient à une autre organisation : un cabinet n'appartient qu'à une organisation.");
        }
        if (owner.isEmpty()) {
            jdbc.sql("insert into identity_cabinet_organisation (cabinet_id, organisation_id) values (?, ?)")
                .params(cabinetId, organisationId).update();
        }
        if (consentingOrganisation(cabinetId).isPresent()) {
            throw new ConflictException("Le cabinet a déjà donné son accord à « " + organisation.name() + " ».");
        }
        jdbc.sql("insert into identity_organisation_consent (id, cabinet_id, organisation_id, granted_by) values (?, ?, ?, ?)")
            .params(UUID.randomUUID(), cabinetId, organisationId, access.currentUser().id()).update();
        events.publishEvent(new AccessChanged(cabinetId, AccessChanged.Change.CONSENTEMENT_ACCORDE, null, organisationId, null,
                access.currentUser().id()));
        return consents(cabinetId);
    }

    /** Withdraws the consent: the organisation no longer sees the cabinet; the history stays. */
    @Transactional
    List<Consent> withdrawConsent(UUID cabinetId) {
        access.require(cabinetId, Permission.MANAGE_CABINET);
        var withdrawn = jdbc.sql("""
                update identity_organisation_consent set withdrawn_at = now(), withdrawn_by = ?
                where cabinet_id = ? and withdrawn_at is null
                """).params(access.currentUser().id(), cabinetId).update();
        if (withdrawn == 0) {
            throw new ConflictException("Le cabinet n'a donné son accord à aucune organisation.");
        }
        events.publishEvent(new AccessChanged(cabinetId, AccessChanged.Change.CONSENTEMENT_RETIRE, null, null, null, access.currentUser().id()));
        return consents(cabinetId);
    }

    // ------------------------------------------------------------------ organisations

    private Optional<Organisation> organisation(UUID id) {
        return jdbc.sql("select id, name, created_at from identity_organisation where id = ?").param(id)
            .query((rs, n) -> new Organisation(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
            .optional();
    }

    List<Organisation> myOrganisations() {
        return jdbc.sql("""
                select o.id, o.name, o.created_at from identity_organisation o
                join identity_organisation_member m on m.organisation_id = o.id
                where m.user_id = ? order by lower(o.name)
                """).param(access.currentUser().id())
            .query((rs, n) -> new Organisation(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
            .list();
    }

    /** Only an administrator of the installation creates an organisation; they become its first ADMIN_ORG. */
    @Transactional
    Organisation createOrganisation(String name) {
        if (!access.currentUser().administrator()) {
            throw new ForbiddenException("Seul un administrateur de l'installation crée une organisation.");
        }
        var clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new InvalidRequestException("Le nom de l'organisation est obligatoire (200 caractères au plus).");
        }
        if (jdbc.sql("select exists (select 1 from identity_organisation where lower(name) = lower(?))").param(clean)
            .query(Boolean.class).single()) {
            throw new ConflictException("Une organisation porte déjà ce nom.");
        }
        var id = UUID.randomUUID();
        jdbc.sql("insert into identity_organisation (id, name, created_by) values (?, ?, ?)")
            .params(id, clean, access.currentUser().id()).update();
        jdbc.sql("insert into identity_organisation_member (user_id, organisation_id, role) values (?, ?, 'ADMIN_ORG')")
            .params(access.currentUser().id(), id).update();
        return organisation(id).orElseThrow();
    }

    /** Whether the organisation demands two-factor authentication of its administrators and its cabinets' members. */
    boolean twoFactorRequired(UUID organisationId) {
        requireAdministered(organisationId);
        return jdbc.sql("select totp_required from identity_organisation where id = ?").param(organisationId).query(Boolean.class).single();
    }

    /** Demands (or no longer demands) two-factor authentication; each person is asked to enrol at their next sign-in. */
    @Transactional
    boolean requireTwoFactor(UUID organisationId, boolean required) {
        requireAdministered(organisationId);
        jdbc.sql("update identity_organisation set totp_required = ? where id = ?").params(required, organisationId).update();
        return required;
    }

    private Organisation requireAdministered(UUID organisationId) {
        if (!administeredOrganisations().contains(organisationId)) {
            throw new NotFoundException("Organisation introuvable.");
        }
        return organisation(organisationId).orElseThrow(() -> new NotFoundException("Organisation introuvable."));
    }

    /** The organisation as its ADMIN_ORG sees it: its administrators and the cabinets that consented (no contents). */
    OrganisationView view(UUID organisationId) {
        var organisation = requireAdministered(organisationId);
        var admins = jdbc.sql("""
                select u.id, u.display_name, u.email, m.granted_at from identity_organisation_member m
                join identity_user u on u.id = m.user_id where m.organisation_id = ? order by u.display_name
                """).param(organisationId)
            .query((rs, n) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), "ADMIN_ORG",
                    rs.getTimestamp(4).toInstant()))
            .list();
        var granted = jdbc.sql("""
                select c.cabinet_id, c.granted_at, (select count(*) from identity_membership m where m.cabinet_id = c.cabinet_id)
                from identity_organisation_consent c where c.organisation_id = ? and c.withdrawn_at is null order by c.granted_at
                """).param(organisationId)
            .query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getInt(3) }).list();
        var cabinetNames = cabinetNames(granted.stream().map(r -> (UUID) r[0]).toList());
        var cabinets = granted.stream().map(r -> new GrantedCabinet((UUID) r[0], cabinetNames.getOrDefault((UUID) r[0], r[0].toString()),
                (Instant) r[1], (Integer) r[2])).toList();
        return new OrganisationView(organisation, admins, invitations(null, organisationId), cabinets);
    }

    @Transactional
    Invitation inviteAdministrator(UUID organisationId, String email) {
        var organisation = requireAdministered(organisationId);
        var address = checkedEmail(email);
        var already = jdbc.sql("""
                select exists (select 1 from identity_organisation_member m join identity_user u on u.id = m.user_id
                where m.organisation_id = ? and lower(u.email) = lower(?))
                """).params(organisationId, address).query(Boolean.class).single();
        if (already) {
            throw new ConflictException(address + " administre déjà cette organisation.");
        }
        return createInvitation(address, null, organisationId, "ADMIN_ORG", organisation.name(), "administrateur de l'organisation");
    }

    @Transactional
    void removeAdministrator(UUID organisationId, UUID userId) {
        requireAdministered(organisationId);
        var count = jdbc.sql("select user_id from identity_organisation_member where organisation_id = ? for update")
            .param(organisationId).query(UUID.class).list();
        if (!count.contains(userId)) {
            throw new NotFoundException("Cette personne n'administre pas l'organisation.");
        }
        if (count.size() <= 1) {
            throw new ConflictException("Le dernier administrateur ne peut pas être retiré : invitez-en d'abord un autre.");
        }
        jdbc.sql("delete from identity_organisation_member where organisation_id = ? and user_id = ?").params(organisationId, userId)
            .update();
    }

    // ------------------------------------------------------------------ invitations

    private static String checkedEmail(String email) {
        var address = email == null ? "" : email.strip();
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new InvalidRequestException("Adresse e-mail invalide : « " + address + " ».");
        }
        return address;
    }

    private Invitation createInvitation(String email, UUID cabinetId, UUID organisationId, String role, String place,
            String roleLabel) {
        var sender = mail.getIfAvailable();
        if (sender == null) {
            throw new ConflictException("Envoi d'e-mails non configuré : indiquez le serveur SMTP (spring.mail.host) pour inviter.");
        }
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var id = UUID.randomUUID();
        var expiresAt = clock.instant().plus(settings.validity());
        var inviter = access.currentUser();
        jdbc.sql("""
                insert into identity_invitation (id, email, cabinet_id, organisation_id, role, token_hash, invited_by, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, email, cabinetId, organisationId, role, ApiTokens.hash(token), inviter.id(), Timestamp.from(expiresAt))
            .update();
        var link = settings.baseUrl() + "/invitation/" + token;
        var text = "Bonjour,\n\n" + inviter.displayName() + " vous invite à rejoindre « " + place + " » sur Égide, comme "
                + roleLabel.toLowerCase(java.util.Locale.FRENCH) + ".\n\nPour accepter, ouvrez ce lien (il ne sert qu'une fois et expire le "
                + date(expiresAt) + ") :\n" + link
                + "\n\nSi vous n'attendiez pas cette invitation, ignorez ce message : rien ne sera fait sans vous.\n";
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(email);
            helper.setSubject("Égide — invitation à rejoindre « " + place + " »");
            helper.setText(text);
            sender.send(message);
        }
        catch (MessagingException | MailException ex) {
            // The transaction is rolled back: no invitation whose link nobody received.
            throw new ConflictException("L'e-mail d'invitation n'a pas pu être envoyé (" + ex.getMessage() + ") : réessayez plus tard.");
        }
        return new Invitation(id, email, role, clock.instant(), expiresAt, inviter.displayName());
    }

    static String date(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", java.util.Locale.FRENCH)
            .withZone(java.time.ZoneId.of("Europe/Paris")).format(instant);
    }

    private record Row(UUID id, String email, UUID cabinetId, UUID organisationId, String role, Instant expiresAt,
            Instant acceptedAt, Instant cancelledAt) {
    }

    private Optional<Row> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select * from identity_invitation where token_hash = ?").param(ApiTokens.hash(token.strip()))
            .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("email"), rs.getObject("cabinet_id", UUID.class),
                    rs.getObject("organisation_id", UUID.class), rs.getString("role"), rs.getTimestamp("expires_at").toInstant(),
                    rs.getTimestamp("accepted_at") == null ? null : rs.getTimestamp("accepted_at").toInstant(),
                    rs.getTimestamp("cancelled_at") == null ? null : rs.getTimestamp("cancelled_at").toInstant()))
            .optional();
    }

    private Row usable(String token) {
        var row = byToken(token).orElseThrow(() -> new NotFoundException("Invitation inconnue : vérifiez le lien reçu par e-mail."));
        if (row.acceptedAt() != null) {
            throw new ConflictException("Cette invitation a déjà été acceptée : connectez-vous.");
        }
        if (row.cancelledAt() != null) {
            throw new ConflictException("Cette invitation a été annulée : demandez-en une nouvelle.");
        }
        if (!row.expiresAt().isAfter(clock.instant())) {
            throw new ConflictException("Cette invitation a expiré le " + date(row.expiresAt()) + " : demandez-en une nouvelle.");
        }
        return row;
    }

    /** What the invitation page shows, before it is accepted. */
    PendingInvitation pending(String token) {
        var row = usable(token);
        var place = row.cabinetId() != null ? cabinetName(row.cabinetId())
                : organisation(row.organisationId()).map(Organisation::name).orElse("");
        return new PendingInvitation(row.id(), row.email(), row.role(), place, row.expiresAt(), users.emailTaken(row.email()));
    }

    /**
     * Accepts an invitation, once. A new address gets an account (name and password); an existing account must be
     * signed in, as the invited address, so that a link alone never gives access to someone else's account.
     */
    @Transactional
    EgideUser accept(String token, EgideUser signedIn, String displayName, String password) {
        var row = usable(token);
        EgideUser user;
        if (users.emailTaken(row.email())) {
            if (signedIn == null) {
                throw new InvalidRequestException("Un compte existe déjà pour " + row.email()
                        + " : connectez-vous, puis rouvrez le lien de l'invitation.");
            }
            if (!signedIn.email().equalsIgnoreCase(row.email())) {
                throw new ForbiddenException("Cette invitation est adressée à " + row.email() + " : connectez-vous avec ce compte.");
            }
            user = signedIn;
        }
        else {
            if (displayName == null || displayName.isBlank() || displayName.strip().length() > 120) {
                throw new InvalidRequestException("Indiquez votre nom (120 caractères au plus).");
            }
            Installation.checkPassword(password);
            user = users.create(row.email(), displayName, passwordEncoder.encode(password), false);
            events.publishEvent(new UserCreated(user.id(), false));
        }
        // One-time: the update that marks it accepted is the claim; a second click finds it taken.
        var claimed = jdbc.sql("update identity_invitation set accepted_at = now(), accepted_by = ? where id = ? and accepted_at is null")
            .params(user.id(), row.id()).update();
        if (claimed == 0) {
            throw new ConflictException("Cette invitation a déjà été acceptée : connectez-vous.");
        }
        if (row.cabinetId() != null) {
            memberships.grant(user.id(), row.cabinetId(), CabinetRole.valueOf(row.role()));
        }
        else {
            jdbc.sql("""
                    insert into identity_organisation_member (user_id, organisation_id, role) values (?, ?, 'ADMIN_ORG')
                    on conflict do nothing
                    """).params(user.id(), row.organisationId()).update();
        }
        return user;
    }

    /** For the pages: the cabinets the current user may open a members page for (their own, and those granted). */
    Map<UUID, String> teamsOfCurrentUser() {
        var ids = new ArrayList<UUID>(access.memberCabinets());
        for (var organisationId : administeredOrganisations()) {
            jdbc.sql("select cabinet_id from identity_organisation_consent where organisation_id = ? and withdrawn_at is null")
                .param(organisationId).query(UUID.class).list().forEach(id -> {
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                });
        }
        var names = cabinetNames(ids);
        var result = new java.util.LinkedHashMap<UUID, String>();
        ids.forEach(id -> result.put(id, names.getOrDefault(id, id.toString())));
        return result;
    }

    static Map<String, String> roleLabels() {
        var labels = new HashMap<String, String>();
        for (var role : CabinetRole.values()) {
            labels.put(role.name(), role.label());
        }
        labels.put("ADMIN_ORG", "Administrateur de l'organisation");
        return labels;
    }

}
