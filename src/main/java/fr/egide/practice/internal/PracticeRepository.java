package fr.egide.practice.internal;

import fr.egide.practice.Cabinet;
import fr.egide.practice.Civility;
import fr.egide.practice.Practitioner;
import fr.egide.practice.Profession;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cabinets and practitioners in PostgreSQL. */
@Repository
public class PracticeRepository {

    private final JdbcClient jdbc;

    PracticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Cabinet cabinet) {
        jdbc.sql("insert into practice_cabinet (id, name, street, postal_code, city, demo) values (?, ?, ?, ?, ?, ?)")
            .params(cabinet.id(), cabinet.name(), cabinet.street(), cabinet.postalCode(), cabinet.city(),
                    cabinet.demo())
            .update();
    }

    public void update(Cabinet cabinet) {
        jdbc.sql("update practice_cabinet set name = ?, street = ?, postal_code = ?, city = ? where id = ?")
            .params(cabinet.name(), cabinet.street(), cabinet.postalCode(), cabinet.city(), cabinet.id())
            .update();
    }

    public Optional<Cabinet> cabinet(UUID id) {
        return jdbc.sql("select * from practice_cabinet where id = ?").param(id).query(PracticeRepository::cabinet)
            .optional();
    }

    public List<Cabinet> cabinets(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from practice_cabinet where id in (:ids) order by name")
            .param("ids", ids)
            .query(PracticeRepository::cabinet)
            .list();
    }

    public Optional<Cabinet> demoCabinet() {
        return jdbc.sql("select * from practice_cabinet where demo order by created_at limit 1")
            .query(PracticeRepository::cabinet)
            .optional();
    }

    public void insert(Practitioner p) {
        jdbc.sql("""
                insert into practice_practitioner (id, cabinet_id, civility, first_name, last_name, profession,
                    specialty, rpps, addresses, name_variants, insurer, policy_number, ereputation_guarantee,
                    declaration_days, professional_profile_url, website_url)
                values (:id, :cabinet, :civility, :first, :last, :profession, :specialty, :rpps, :addresses,
                    :variants, :insurer, :policy, :guarantee, :declaration, :profile, :website)
                """).paramSource(params(p)).update();
    }

    public void update(Practitioner p) {
        jdbc.sql("""
                update practice_practitioner set civility = :civility, first_name = :first, last_name = :last,
                    profession = :profession, specialty = :specialty, rpps = :rpps, addresses = :addresses,
                    name_variants = :variants, insurer = :insurer, policy_number = :policy,
                    ereputation_guarantee = :guarantee, declaration_days = :declaration,
                    professional_profile_url = :profile, website_url = :website
                where id = :id and cabinet_id = :cabinet
                """).paramSource(params(p)).update();
    }

    public void deletePractitioner(UUID cabinetId, UUID id) {
        jdbc.sql("delete from practice_practitioner where id = ? and cabinet_id = ?").params(id, cabinetId).update();
    }

    public List<Practitioner> practitioners(UUID cabinetId) {
        return jdbc.sql("select * from practice_practitioner where cabinet_id = ? order by last_name, first_name")
            .param(cabinetId)
            .query(PracticeRepository::practitioner)
            .list();
    }

    public Optional<Practitioner> practitioner(UUID cabinetId, UUID id) {
        return jdbc.sql("select * from practice_practitioner where cabinet_id = ? and id = ?")
            .params(cabinetId, id)
            .query(PracticeRepository::practitioner)
            .optional();
    }

    public boolean rppsTaken(UUID cabinetId, String rpps, UUID except) {
        return jdbc.sql("""
                select exists (select 1 from practice_practitioner
                               where cabinet_id = ? and rpps = ? and id <> ?)
                """).params(cabinetId, rpps, except).query(Boolean.class).single();
    }

    private static java.util.Map<String, Object> params(Practitioner p) {
        var map = new java.util.HashMap<String, Object>();
        map.put("id", p.id());
        map.put("cabinet", p.cabinetId());
        map.put("civility", p.civility().name());
        map.put("first", p.firstName());
        map.put("last", p.lastName());
        map.put("profession", p.profession().name());
        map.put("specialty", p.specialty());
        map.put("rpps", p.rpps());
        map.put("addresses", p.addresses().toArray(String[]::new));
        map.put("variants", p.nameVariants().toArray(String[]::new));
        map.put("insurer", p.insurer());
        map.put("policy", p.policyNumber());
        map.put("guarantee", p.ereputationGuarantee());
        map.put("declaration", p.declarationDays());
        map.put("profile", p.professionalProfileUrl());
        map.put("website", p.websiteUrl());
        return map;
    }

    private static Cabinet cabinet(ResultSet rs, int row) throws SQLException {
        return new Cabinet(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("street"),
                rs.getString("postal_code"), rs.getString("city"), rs.getBoolean("demo"));
    }

    private static Practitioner practitioner(ResultSet rs, int row) throws SQLException {
        return new Practitioner(rs.getObject("id", UUID.class), rs.getObject("cabinet_id", UUID.class),
                Civility.valueOf(rs.getString("civility")), rs.getString("first_name"), rs.getString("last_name"),
                Profession.valueOf(rs.getString("profession")), rs.getString("specialty"), rs.getString("rpps"),
                strings(rs.getArray("addresses")), strings(rs.getArray("name_variants")), rs.getString("insurer"),
                rs.getString("policy_number"), rs.getBoolean("ereputation_guarantee"),
                rs.getObject("declaration_days", Integer.class), rs.getString("professional_profile_url"), rs.getString("website_url"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

}
