package org.mieruka.streams.privacy;

import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.event.PseudonymousEvent;

/** What the privacy stage makes of one raw record: a pseudonymous event, or a dead letter. Never serialized. */
record PrivacyOutcome(PseudonymousEvent event, DeadLetter deadLetter) {
}
