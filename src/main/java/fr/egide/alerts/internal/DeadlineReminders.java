package fr.egide.alerts.internal;

import fr.egide.alerts.AlertTrigger;
import fr.egide.cases.Dossiers;
import fr.egide.identity.CabinetMembers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The dossiers' reminders (J-30, J-14, J-7, J-2) as alerts. The last three days are asked again each morning, so a
 * day the job did not run is caught up; the alert's key keeps each reminder to one alert.
 */
@Service
public class DeadlineReminders {

    private final Dossiers dossiers;

    private final CabinetMembers members;

    private final AlertRaiser raiser;

    private final AlertDispatcher dispatcher;

    DeadlineReminders(Dossiers dossiers, CabinetMembers members, AlertRaiser raiser, AlertDispatcher dispatcher) {
        this.dossiers = dossiers;
        this.members = members;
        this.raiser = raiser;
        this.dispatcher = dispatcher;
    }

    /** Raises the reminders due from two days before {@code today} to today; returns how many alerts are new. */
    public int raiseDue(LocalDate today) {
        var created = 0;
        for (var cabinet : members.cabinets()) {
            var reader = members.of(cabinet).stream().findFirst();
            if (reader.isEmpty()) {
                continue;
            }
            var reminders = members.runAs(reader.get().id(), () -> dossiers.reminders(cabinet, today.minusDays(2), today));
            for (var r : reminders) {
                var key = "echeance:" + r.dossierId() + ":" + r.kind() + ":" + r.deadline() + ":J" + r.daysBefore();
                var alert = raiser.raise(cabinet, AlertTrigger.ECHEANCE, key, "/dossiers/" + r.dossierId(),
                        List.of(r.reference(), r.label(), AlertMessagesDates.day(r.deadline()), String.valueOf(r.daysBefore())), Instant.now());
                if (alert.isPresent()) {
                    created++;
                }
            }
        }
        if (created > 0) {
            dispatcher.dispatchDue(Instant.now());
        }
        return created;
    }

}
