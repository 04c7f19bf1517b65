package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sources' sentences as statements the document makes: which ones mention a phrase, and whether swapping the
 * right answer for a wrong one would give a sentence the document itself says is true. Also the sentence vectors
 * by text, so that options taken from sentences can be compared in meaning without embedding them again.
 */
final class Statements {

	private final List<Sentence> sentences;

	private final Map<String, float[]> vectorsByText = new ConcurrentHashMap<>();

	private final Map<String, List<Sentence>> mentions = new ConcurrentHashMap<>();

	private final Map<Integer, Set<String>> stems = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> stemsWithout = new ConcurrentHashMap<>();

	private volatile Map<String, List<Sentence>> wordIndex;

	private final Map<Integer, Set<String>> words = new ConcurrentHashMap<>();

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
				context = stemsWithout(sentence, right);
			}
			Set<String> theirs = stemsWithout(other, wrong);
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
			String word = Words.longestWord(phrase);
			// a whole-word match holds each of the phrase's words as a word of the sentence: only sentences with its
			// longest one are read
			Iterable<Sentence> holding = word == null ? sentences : byWord().getOrDefault(word, List.of());
			for (Sentence s : holding) {
				if (Words.containsTerm(s.text(), phrase)) {
					found.add(s);
				}
			}
			return found;
		});
	}

	/** The sentences by each word they hold (as {@link Words#words} folds them), in document order. */
	private Map<String, List<Sentence>> byWord() {
		Map<String, List<Sentence>> index = wordIndex;
		if (index == null) {
			synchronized (this) {
				if (wordIndex == null) {
					Map<String, List<Sentence>> built = new HashMap<>();
					for (Sentence s : sentences) {
						for (String word : Words.words(s.text())) {
							List<Sentence> list = built.computeIfAbsent(word, w -> new ArrayList<>());
							if (list.isEmpty() || list.get(list.size() - 1) != s) {
								list.add(s);
							}
						}
					}
					wordIndex = built;
				}
				index = wordIndex;
			}
		}
		return index;
	}

	/** The stems of a sentence but for a phrase in it; the same pairs come up for many candidate answers. */
	private Set<String> stemsWithout(Sentence sentence, String phrase) {
		return stemsWithout.computeIfAbsent(sentence.index() + "\u0000" + phrase,
				key -> Set.copyOf(Words.stems(without(sentence.text(), phrase))));
	}

	private static String without(String text, String phrase) {
		int at = Words.indexOfTerm(text, phrase);
		return at < 0 ? text : text.substring(0, at) + " " + text.substring(at + phrase.length());
	}

	/** The words of a sentence as {@link Words#words} folds them. */
	Set<String> wordsOf(Sentence sentence) {
		return words.computeIfAbsent(sentence.index(), i -> Words.words(sentence.text()));
	}

	Set<String> stemsOf(Sentence sentence) {
		return stems.computeIfAbsent(sentence.index(), i -> Words.stems(sentence.text()));
	}
}
