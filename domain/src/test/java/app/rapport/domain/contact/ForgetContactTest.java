package app.rapport.domain.contact;

import app.rapport.domain.shared.NotFound;
import app.rapport.domain.shared.PersonalData;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.ADA;
import static app.rapport.domain.testing.Samples.BOBS_GRACE;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.NOW;
import static app.rapport.domain.testing.Samples.daysAgo;
import static app.rapport.domain.testing.Samples.graceAdded;
import static org.assertj.core.api.Assertions.assertThat;

class ForgetContactTest {

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(new FakeContactDirectory().knows(ADA));
    }

    @Test
    void forgettingAContactLeavesOnlyThatItHappened() {
        fixture.given(graceAdded(daysAgo(30)))
               .andGivenCurrentTime(NOW)
               .when(new ForgetContact(GRACE))
               .expectEvents(new ContactForgotten(GRACE.owner(), GRACE, NOW));
    }

    @Test
    void theForgettingEventHoldsNoPersonalData() {
        assertThat(Arrays.stream(ContactForgotten.class.getRecordComponents())
                         .filter(component -> component.isAnnotationPresent(PersonalData.class)))
                .isEmpty();
    }

    static Stream<Object> everyContactCommand() {
        return Stream.of(
                new UpdateContact(GRACE, "Grace", null, null, null, null, null, null, null, null, null, null, null),
                new LogTouch(GRACE, NOW, Channel.EMAIL, null, null),
                new SetFollowUpCadence(GRACE, 30),
                new RecordIntroduction(GRACE, ADA, true),
                new MergeContacts(GRACE, ADA, new ContactDetails("Ada", null, null, null, null, null, List.of(),
                                                                 List.of(), null, null, List.of(), null, false,
                                                                 null, null)),
                new MarkMergedInto(GRACE, ADA),
                new MarkFollowUpDue(GRACE, daysAgo(1)),
                new ForgetContact(GRACE));
    }

    @ParameterizedTest
    @MethodSource("everyContactCommand")
    void aForgottenContactRefusesEverythingAsNotFound(Object command) {
        fixture.given(graceAdded(daysAgo(30)), new ContactForgotten(GRACE.owner(), GRACE, daysAgo(1)))
               .andGivenCurrentTime(NOW)
               .when(command)
               .expectException(NotFound.class)
               .expectNoEvents();
    }

    /**
     * Owner-scoped ids keep Bob's "grace" a different aggregate from Alice's. Should a command of Bob's reach
     * Alice's contact anyway (here: forced by the routing), the contact still refuses it, as not found.
     */
    @Test
    void anotherOwnersCommandIsRefusedAsNotFound() {
        AggregateTestFixture<Contact> misrouting = new AggregateTestFixture<>(Contact.class);
        misrouting.registerInjectableResource(new FakeContactDirectory());
        misrouting.registerCommandTargetResolver(command -> new VersionedAggregateIdentifier(GRACE.toString(), null));
        misrouting.given(graceAdded(daysAgo(30)))
                  .when(new UpdateContact(BOBS_GRACE, "Mallory", null, null, null, null, null, null, null, null,
                                          null, null, null))
                  .expectException(refused(NotFound.class, "id"))
                  .expectExceptionMessage("id names no contact grace of yours")
                  .expectNoEvents();
    }

    @Test
    void anotherOwnerCannotForgetSomeoneElsesContact() {
        AggregateTestFixture<Contact> misrouting = new AggregateTestFixture<>(Contact.class);
        misrouting.registerCommandTargetResolver(command -> new VersionedAggregateIdentifier(GRACE.toString(), null));
        misrouting.given(graceAdded(daysAgo(30)))
                  .when(new ForgetContact(BOBS_GRACE))
                  .expectException(refused(NotFound.class, "id"))
                  .expectNoEvents();
    }
}
