package fr.egide.practice.internal;

import fr.egide.identity.CabinetNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Gives identity the names of cabinets for its organisation and members pages (no contents, no access check). */
@Component
class PracticeCabinetNames implements CabinetNames {

    private final PracticeRepository repository;

    PracticeCabinetNames(PracticeRepository repository) {
        this.repository = repository;
    }

    @Override
    public Map<UUID, String> namesOf(Collection<UUID> cabinetIds) {
        var names = new HashMap<UUID, String>();
        repository.cabinets(cabinetIds).forEach(cabinet -> names.put(cabinet.id(), cabinet.name()));
        return names;
    }

}
