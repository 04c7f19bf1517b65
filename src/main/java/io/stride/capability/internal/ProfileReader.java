package io.stride.capability.internal;

import io.stride.capability.PersonCapabilities;
import io.stride.identity.Person;
import org.springframework.stereotype.Component;

/** Reads a person's capabilities with the evidence behind each level; callers check the viewer. */
@Component
public class ProfileReader {

	public PersonCapabilities profile(Person person) {
		throw new UnsupportedOperationException("not yet");
	}
}
