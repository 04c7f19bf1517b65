package io.stride.drafting.internal;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Stops a parse at its time budget: parsers ignore interrupts while they work, but they hand over text all the
 * time, and each hand-over checks the clock.
 */
final class Deadline extends ContentHandlerDecorator {

	/** The parse ran out of time (or was told to stop). */
	static final class OutOfTime extends SAXException {

		OutOfTime() {
			super("The parse ran past its time budget");
		}
	}

	private final long deadlineNanos;

	Deadline(ContentHandler handler, long deadlineNanos) {
		super(handler);
		this.deadlineNanos = deadlineNanos;
	}

	@Override
	public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
		check();
		super.startElement(uri, localName, name, attributes);
	}

	@Override
	public void endElement(String uri, String localName, String name) throws SAXException {
		check();
		super.endElement(uri, localName, name);
	}

	@Override
	public void characters(char[] ch, int start, int length) throws SAXException {
		check();
		super.characters(ch, start, length);
	}

	@Override
	public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
		check();
		super.ignorableWhitespace(ch, start, length);
	}

	private void check() throws SAXException {
		if (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted()) {
			throw new OutOfTime();
		}
	}
}
