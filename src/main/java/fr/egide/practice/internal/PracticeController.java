package fr.egide.practice.internal;

import fr.egide.practice.CabinetForm;
import fr.egide.practice.Civility;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.Practitioner;
import fr.egide.practice.PractitionerForm;
import fr.egide.practice.Profession;
import fr.egide.system.InvalidRequestException;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings pages: the cabinet's name and address, and its practitioners. */
@Controller
class PracticeController {

    private final PracticeManagement practice;

    PracticeController(PracticeManagement practice) {
        this.practice = practice;
    }

    @ModelAttribute("professions")
    Profession[] professions() {
        return Profession.values();
    }

    @ModelAttribute("civilities")
    Civility[] civilities() {
        return Civility.values();
    }

    @GetMapping("/cabinets")
    String cabinets(Model model) {
        var cabinets = practice.memberCabinetsOfCurrentUser();
        if (cabinets.size() == 1) {
            return "redirect:/cabinets/" + cabinets.get(0).id();
        }
        model.addAttribute("cabinets", cabinets);
        model.addAttribute("form", new CabinetForm("", "", "", ""));
        return "practice/cabinets";
    }

    @PostMapping("/cabinets")
    String create(@Valid @ModelAttribute("form") CabinetForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("cabinets", practice.memberCabinetsOfCurrentUser());
            return "practice/cabinets";
        }
        var cabinet = practice.createCabinet(form);
        redirect.addFlashAttribute("info", "cabinet.cree");
        return "redirect:/cabinets/" + cabinet.id();
    }

    @GetMapping("/cabinets/{id}")
    String cabinet(@PathVariable UUID id, Model model) {
        var cabinet = practice.cabinet(id);
        model.addAttribute("cabinet", cabinet);
        model.addAttribute("form", new CabinetForm(cabinet.name(), cabinet.street(), cabinet.postalCode(),
                cabinet.city()));
        model.addAttribute("practitioners", practice.practitioners(id));
        return "practice/cabinet";
    }

    @PostMapping("/cabinets/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") CabinetForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("cabinet", practice.cabinet(id));
            model.addAttribute("practitioners", practice.practitioners(id));
            return "practice/cabinet";
        }
        practice.updateCabinet(id, form);
        redirect.addFlashAttribute("info", "cabinet.enregistre");
        return "redirect:/cabinets/" + id;
    }

    @GetMapping("/cabinets/{id}/praticiens/nouveau")
    String newPractitioner(@PathVariable UUID id, Model model) {
        model.addAttribute("cabinet", practice.cabinet(id));
        model.addAttribute("form", new PractitionerFields());
        return "practice/praticien";
    }

    @GetMapping("/cabinets/{id}/praticiens/{practitionerId}")
    String editPractitioner(@PathVariable UUID id, @PathVariable UUID practitionerId, Model model) {
        model.addAttribute("cabinet", practice.cabinet(id));
        model.addAttribute("practitionerId", practitionerId);
        model.addAttribute("form", PractitionerFields.of(practice.practitioner(id, practitionerId)));
        return "practice/praticien";
    }

    @PostMapping({ "/cabinets/{id}/praticiens/nouveau", "/cabinets/{id}/praticiens/{practitionerId}" })
    String savePractitioner(@PathVariable UUID id, @PathVariable(required = false) UUID practitionerId,
            @Valid @ModelAttribute("form") PractitionerFields form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("cabinet", practice.cabinet(id));
        model.addAttribute("practitionerId", practitionerId);
        if (errors.hasErrors()) {
            return "practice/praticien";
        }
        try {
            if (practitionerId == null) {
                practice.addPractitioner(id, form.toForm());
            }
            else {
                practice.updatePractitioner(id, practitionerId, form.toForm());
            }
        }
        catch (InvalidRequestException ex) {
            errors.reject("erreur.motif", new Object[] { ex.getMessage() }, ex.getMessage());
            return "practice/praticien";
        }
        redirect.addFlashAttribute("info", "praticien.enregistre");
        return "redirect:/cabinets/" + id;
    }

    @PostMapping("/cabinets/{id}/praticiens/{practitionerId}/suppression")
    String removePractitioner(@PathVariable UUID id, @PathVariable UUID practitionerId, RedirectAttributes redirect) {
        practice.removePractitioner(id, practitionerId);
        redirect.addFlashAttribute("info", "praticien.supprime");
        return "redirect:/cabinets/" + id;
    }

    /** The practitioner form as the page shows it: lists are typed one per line in a text area. */
    static class PractitionerFields {

        @jakarta.validation.constraints.NotNull(message = "{praticien.civilite.obligatoire}")
        private Civility civility = Civility.DR;

        @jakarta.validation.constraints.NotBlank(message = "{praticien.prenom.obligatoire}")
        private String firstName = "";

        @jakarta.validation.constraints.NotBlank(message = "{praticien.nom.obligatoire}")
        private String lastName = "";

        @jakarta.validation.constraints.NotNull(message = "{praticien.profession.obligatoire}")
        private Profession profession = Profession.MEDECIN;

        private String specialty = "";

        @jakarta.validation.constraints.Pattern(regexp = "^(\\s*|[0-9 ]{11,14})$", message = "{praticien.rpps.format}")
        private String rpps = "";

        private String addresses = "";

        private String nameVariants = "";

        private String insurer = "";

        private String policyNumber = "";

        private boolean ereputationGuarantee;

        private Integer declarationDays;

        @jakarta.validation.constraints.Pattern(regexp = "^(\\s*|(?i)https?://\\S+\\s*)$", message = "{praticien.adresse.web.format}")
        private String professionalProfileUrl = "";

        @jakarta.validation.constraints.Pattern(regexp = "^(\\s*|(?i)https?://\\S+\\s*)$", message = "{praticien.adresse.web.format}")
        private String websiteUrl = "";

        static PractitionerFields of(Practitioner p) {
            var fields = new PractitionerFields();
            fields.civility = p.civility();
            fields.firstName = p.firstName();
            fields.lastName = p.lastName();
            fields.profession = p.profession();
            fields.specialty = p.specialty();
            fields.rpps = p.rpps();
            fields.addresses = String.join("\n", p.addresses());
            fields.nameVariants = String.join("\n", p.nameVariants());
            fields.insurer = p.insurer();
            fields.policyNumber = p.policyNumber();
            fields.ereputationGuarantee = p.ereputationGuarantee();
            fields.declarationDays = p.declarationDays();
            fields.professionalProfileUrl = p.professionalProfileUrl();
            fields.websiteUrl = p.websiteUrl();
            return fields;
        }

        PractitionerForm toForm() {
            return new PractitionerForm(civility, firstName, lastName, profession, specialty, rpps, lines(addresses),
                    lines(nameVariants), insurer, policyNumber, ereputationGuarantee, declarationDays,
                    professionalProfileUrl, websiteUrl);
        }

        private static List<String> lines(String text) {
            return text == null ? List.of() : Arrays.asList(text.split("\\R"));
        }

        public Civility getCivility() { return civility; }
        public void setCivility(Civility civility) { this.civility = civility; }
        public String getFirstName() { return firstName; }
        public void setFirstName(String firstName) { this.firstName = firstName; }
        public String getLastName() { return lastName; }
        public void setLastName(String lastName) { this.lastName = lastName; }
        public Profession getProfession() { return profession; }
        public void setProfession(Profession profession) { this.profession = profession; }
        public String getSpecialty() { return specialty; }
        public void setSpecialty(String specialty) { this.specialty = specialty; }
        public String getRpps() { return rpps; }
        public void setRpps(String rpps) { this.rpps = rpps; }
        public String getAddresses() { return addresses; }
        public void setAddresses(String addresses) { this.addresses = addresses; }
        public String getNameVariants() { return nameVariants; }
        public void setNameVariants(String nameVariants) { this.nameVariants = nameVariants; }
        public String getInsurer() { return insurer; }
        public void setInsurer(String insurer) { this.insurer = insurer; }
        public String getPolicyNumber() { return policyNumber; }
        public void setPolicyNumber(String policyNumber) { this.policyNumber = policyNumber; }
        public boolean isEreputationGuarantee() { return ereputationGuarantee; }
        public void setEreputationGuarantee(boolean ereputationGuarantee) { this.ereputationGuarantee = ereputationGuarantee; }
        public Integer getDeclarationDays() { return declarationDays; }
        public void setDeclarationDays(Integer declarationDays) { this.declarationDays = declarationDays; }
        public String getProfessionalProfileUrl() { return professionalProfileUrl; }
        public void setProfessionalProfileUrl(String professionalProfileUrl) { this.professionalProfileUrl = professionalProfileUrl; }
        public String getWebsiteUrl() { return websiteUrl; }
        public void setWebsiteUrl(String websiteUrl) { this.websiteUrl = websiteUrl; }

    }

}
