package app.rapport.application.interview;

import app.rapport.domain.interview.ReferralId;

/**
 * The referral with this id, among its owner's: {@code Optional<ReferralView>}
 * ({@code ResponseTypes.optionalInstanceOf(ReferralView.class)}), empty when unknown or erased because the
 * interviewee or the person referred was forgotten.
 */
public record FindReferral(ReferralId id) {
}
