package io.stride.drafting;
import java.nio.file.*;
import java.util.List;
import org.junit.jupiter.api.Test;
class ScratchTests {
	@Test void t() throws Exception {
		for (String f : System.getProperty("scratch.file").split(",")) {
		Path path = Path.of(f);
		CourseDraft d = DraftingQualityTests.DRAFTING.draft(List.of(new SourceFile(path.getFileName().toString(), Files.readAllBytes(path))), null);
		System.out.println("FILE " + f);
		System.out.println("TITLE " + d.title() + " | lang " + d.language() + " | audience " + d.audience());
		d.objectives().forEach(o -> System.out.println("OBJ " + o));
		d.warnings().forEach(o -> System.out.println("WARN " + o));
		d.modules().forEach(m -> System.out.println("MODULE " + m.title()));
		d.glossary().forEach(g -> System.out.println("GLOSS " + g.term() + " = " + g.definition()));
		for (DraftQuestion q : d.allQuestions()) {
			System.out.println("Q [" + q.kind() + " " + q.score() + "] " + q.prompt());
			for (int i = 0; i < q.options().size(); i++) System.out.println("    " + (q.correct().contains(i) ? "*" : "-") + " " + q.options().get(i));
			if (!q.matches().isEmpty()) System.out.println("    matches " + q.matches() + " correct " + q.correct());
			if (q.numeric() != null) System.out.println("    = " + q.numeric());
		}
		}
	}
}
