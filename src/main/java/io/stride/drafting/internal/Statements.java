package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sources' sentences as statements the document makes: which ones mention a phrase, and whether swapping the
 * right answer for a wrong one would give a sentence the document itself says is true. Also the sentence vectors
 * by text, so that options taken from sentences can be compared in meaning without embedding them again.
 */
final class Statements {

	private final List<Sentence> sentences;

	private final Map<String, float[]> vectorsByText = new HashMap<>();

	private final Map<String, List<Sentence>> mentions = new HashMap<>();

	private final Map<Integer, Set<String>> stems = new HashMap<>();

	Statements(List<Sentence> sentences, float[][] vectors) {
		this.sentences = sentences;
		for (int i = 0; i < sentences.size() && i < vectors.length; i++) {
			vectorsByText.putIfAbsent(Words.lower(sentences.get(i).text()), vectors[i]);
		}
	}

	/** The vector of a sentence with exactly this text, or null. */
	float[] vector(String text) {
		return vectorsByText.get(Words.lower(text.strip()));
	}

	void addVector(String text, float[] vector) {
		vectorsByText.putIfAbsent(Words.lower(text.strip()), vector);
	}

	/**
	 * Whether another sentence says {@code wrong} about what {@code sentence} says {@code right} about: the rest of
	 * both sentences mostly the same words. Such a wrong answer would be true too.
	 */
	boolean trueElsewhere(Sentence sentence, String right, String wrong) {
		Set<String> context = null;
		for (Sentence other : mentions(wrong)) {
			if (other.index() == sentence.index()) {
				continue;
			}
			if (context == null) {
				context = Words.stems(without(sentence.text(), right));
			}
			Set<String> theirs = Words.stems(without(other.text(), wrong));
			int shared = 0;
			for (String stem : theirs) {
				if (context.contains(stem)) {
					shared++;
				}
			}
			int smaller = Math.min(context.size(), theirs.size());
			if (smaller > 0 && shared >= Math.min(3, smaller) && shared >= 0.6 * smaller) {
				return true;
			}
		}
		return false;
	}

	/** The sentences that mention {@code phrase} as whole words, in any case. */
	List<Sentence> mentions(String phrase) {
		return mentions.computeIfAbsent(Words.lower(phrase), key -> {
			List<Sentence> found = new ArrayList<>();
			for (Sentence s : sentences) {
				if (Words.containsTerm(s.text(), phrase)) {
					found.add(s);
				}
			}
			return found;
		});
	}

	private static String without(String text, String phrase) {
		int at = Words.indexOfTerm(text, phrase);
		return at < 0 ? text : text.substring(0, at) + " " + text.substring(at + phrase.length());
	}

	Set<String> stemsOf(Sentence sentence) {
		return stems.computeIfAbsent(sentence.index(), i -> Words.stems(sentence.text()));
	}
}
