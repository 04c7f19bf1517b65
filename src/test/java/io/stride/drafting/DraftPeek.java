package io.stride.drafting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.stride.drafting.internal.Embedder;
import io.stride.drafting.internal.OfflineEngine;
import io.stride.drafting.internal.SourceReader;

/** Prints drafts of the corpus (a developer's look, not a test). */
public class DraftPeek {

	public static void main(String[] args) throws Exception {
		Drafting drafting = new Drafting(new SourceReader(20 << 20, 300, 600_000, 30), new OfflineEngine(new Embedder()), 10);
		for (String name : args) {
			Path path = Path.of("src/test/resources/corpus", name);
			long t = System.nanoTime();
			CourseDraft draft = drafting.draft(List.of(new SourceFile(name, Files.readAllBytes(path))), null);
			System.out.printf("=== %s (%d ms)%n", name, (System.nanoTime() - t) / 1_000_000);
			System.out.println("TITLE: " + draft.title() + " | AUDIENCE: " + draft.audience() + " | " + draft.estimatedMinutes() + " min");
			System.out.println("OBJECTIVES: " + draft.objectives());
			System.out.println("SUMMARY: " + draft.summary());
			System.out.println("WARNINGS: " + draft.warnings());
			System.out.println("GLOSSARY: " + draft.glossary().stream().map(g -> g.term() + " = " + g.definition()).toList());
			for (DraftModule m : draft.modules()) {
				System.out.println("## " + m.title() + " lessons=" + m.lessons().stream().map(DraftLesson::title).toList());
				System.out.println("   takeaways: " + m.takeaways());
				m.knowledgeCheck().forEach(q -> print(q));
			}
			System.out.println("QUIZ " + draft.quiz().size());
			draft.quiz().forEach(DraftPeek::print);
			if (args.length == 1) {
				System.out.println("FIRST LESSON:\n" + draft.modules().get(0).lessons().get(0).markdown());
			}
		}
	}

	static void print(DraftQuestion q) {
		System.out.println("   [" + q.kind() + "] " + q.prompt() + " " + q.options() + " -> " + q.correct());
	}
}
