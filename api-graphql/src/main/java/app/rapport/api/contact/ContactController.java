package app.rapport.api.contact;

import app.rapport.api.account.Caller;
import app.rapport.api.contact.ContactInputs.AddContactInput;
import app.rapport.api.contact.ContactInputs.LogTouchInput;
import app.rapport.api.contact.ContactInputs.UpdateContactInput;
import app.rapport.api.shared.Gateways;
import app.rapport.api.shared.Ids;
import app.rapport.application.contact.ContactUseCases;
import app.rapport.application.contact.ContactView;
import app.rapport.application.contact.FindContactAsOf;
import app.rapport.application.interview.InterviewView;
import app.rapport.application.relationship.RelationshipStage;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.SetFollowUpCadence;
import app.rapport.domain.shared.InterviewId;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Contacts: the people in the caller's network. Nested lists are loaded in one query per page. */
@Controller
class ContactController {

    private final Gateways gateways;
    private final ContactCreation creation;
    private final ContactUseCases contacts;

    ContactController(Gateways gateways, ContactCreation creation, ContactUseCases contacts) {
        this.gateways = gateways;
        this.creation = creation;
        this.contacts = contacts;
    }

    @QueryMapping
    ContactView contact(@Argument String id, @Argument Instant asOf, Caller caller) {
        ContactId contact = Ids.contact(caller.owner(), id, "id");
        if (asOf == null) {
            return contacts.find(contact).orElse(null);
        }
        return gateways.ask(new FindContactAsOf(contact, asOf), ResponseTypes.optionalInstanceOf(ContactView.class))
                       .orElse(null);
    }

    @MutationMapping
    ContactView addContact(@Argument AddContactInput input, Caller caller) {
        return creation.add(caller, input);
    }

    @MutationMapping
    ContactView updateContact(@Argument UpdateContactInput input, Caller caller) {
        return contacts.update(caller.actor(), input.toCommand(Ids.contact(caller.owner(), input.id(), "id")));
    }

    @MutationMapping
    ContactView logTouch(@Argument LogTouchInput input, Caller caller) {
        return contacts.logTouch(caller.actor(), input.toCommand(Ids.contact(caller.owner(), input.contactId(), "contactId")));
    }

    @MutationMapping
    ContactView setFollowUpCadence(@Argument String contactId, @Argument Integer everyDays, Caller caller) {
        return contacts.setFollowUpCadence(caller.actor(), new SetFollowUpCadence(Ids.contact(caller.owner(), contactId, "contactId"), everyDays));
    }

    @MutationMapping
    ContactView mergeContacts(@Argument String survivorId, @Argument String duplicateId, Caller caller) {
        return contacts.merge(caller.actor(), Ids.contact(caller.owner(), survivorId, "survivorId"),
                              Ids.contact(caller.owner(), duplicateId, "duplicateId"));
    }

    @MutationMapping
    boolean forgetContact(@Argument String id, Caller caller) {
        contacts.forget(caller.actor(), Ids.contact(caller.owner(), id, "id"));
        return true;
    }

    @SchemaMapping(typeName = "Contact")
    String id(ContactView contact) {
        return contact.id().value();
    }

    @BatchMapping(typeName = "Contact")
    Map<ContactView, ContactView> referredBy(List<ContactView> contacts) {
        Map<ContactId, ContactView> introducers = gateways.contactsById(contacts.stream().map(ContactView::referredBy).toList());
        Map<ContactView, ContactView> result = new LinkedHashMap<>();
        // Most contacts have no introducer; an immutable map refuses a null key.
        contacts.stream().filter(contact -> contact.referredBy() != null && introducers.containsKey(contact.referredBy()))
                .forEach(contact -> result.put(contact, introducers.get(contact.referredBy())));
        return result;
    }

    @BatchMapping(typeName = "Contact")
    Map<ContactView, List<ContactView>> referrals(List<ContactView> contacts) {
        Map<ContactId, ContactView> referred = gateways.contactsById(contacts.stream().flatMap(c -> c.referredContactIds().stream()).toList());
        return collect(contacts, contact -> pick(contact.referredContactIds(), referred));
    }

    @BatchMapping(typeName = "Contact")
    Map<ContactView, List<InterviewView>> interviews(List<ContactView> contacts) {
        Map<InterviewId, InterviewView> interviews = interviewsOf(contacts);
        return collect(contacts, contact -> pick(contact.interviewIds(), interviews));
    }

    @BatchMapping(typeName = "Contact")
    Map<ContactView, RelationshipStage> stage(List<ContactView> contacts) {
        Map<InterviewId, InterviewView> interviews = interviewsOf(contacts);
        Instant now = GenericEventMessage.clock.instant();
        return collect(contacts, contact -> RelationshipStage.of(contact, pick(contact.interviewIds(), interviews), now));
    }

    private Map<InterviewId, InterviewView> interviewsOf(List<ContactView> contacts) {
        return gateways.interviewsById(contacts.stream().flatMap(contact -> contact.interviewIds().stream()).toList());
    }


    private static <K, V> List<V> pick(List<K> ids, Map<K, V> found) {
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private static <V> Map<ContactView, V> collect(List<ContactView> contacts, Function<ContactView, V> value) {
        Map<ContactView, V> result = new LinkedHashMap<>();
        contacts.forEach(contact -> result.put(contact, value.apply(contact)));
        return result;
    }
}
