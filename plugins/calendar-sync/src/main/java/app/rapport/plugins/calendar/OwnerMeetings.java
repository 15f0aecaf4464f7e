package app.rapport.plugins.calendar;

import app.rapport.plugin.OwnerNetwork;
import app.rapport.plugin.PluginContact;
import app.rapport.plugin.PluginInterview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The owner's interviews and the people they are with, read once for a feed or a sync. */
final class OwnerMeetings {

    final List<PluginInterview> interviews = new ArrayList<>();
    final Map<String, PluginContact> people = new HashMap<>();
    /** Every meeting ever set, called-off ones too, by interview id. */
    final Map<String, CalendarMeeting> meetings = new LinkedHashMap<>();

    static OwnerMeetings of(OwnerNetwork network) {
        OwnerMeetings read = new OwnerMeetings();
        network.eachInterview(read.interviews::add);
        for (PluginInterview interview : read.interviews) {
            PluginContact person = read.people.computeIfAbsent(interview.contactId(),
                                                                id -> network.contact(id).orElse(null));
            CalendarMeeting meeting = CalendarMeeting.of(network.ownerId(), interview, person);
            if (meeting != null) {
                read.meetings.put(interview.id(), meeting);
            }
        }
        return read;
    }

    Optional<PluginContact> person(PluginInterview interview) {
        return Optional.ofNullable(people.get(interview.contactId()));
    }
}
