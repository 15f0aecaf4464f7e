package app.rapport.domain.contact;

/** How a contact was found. */
public enum ContactSource {
    PERSONAL,
    COLLEAGUE,
    SUPERVISOR,
    ALUMNI,
    FACULTY,
    PROFESSIONAL_ASSOCIATION,
    CAREER_FAIR,
    DIRECTORY,
    LINKEDIN,
    SOCIAL_MEDIA,
    /** Named by an earlier interviewee: such a contact always has an introducer. */
    REFERRAL,
    OTHER
}
