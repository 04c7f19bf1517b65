package io.stride.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.sl.usermodel.Placeholder;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The first step of {@code bench/make-corpus.sh}: from the hand-written sources of the unseen corpus it writes
 * the HTML page of every Markdown document (as a site would publish it), the SubRip copy of every WebVTT
 * transcript, and a first PowerPoint file of every deck outline. LibreOffice then makes the DOCX, PDF and final
 * PPTX files from these. Not a test; it does not check anything.
 *
 * <p>Usage: {@code CorpusMaker <corpus dir> <deck outlines dir> <scratch dir>}
 */
public final class CorpusMaker {

	private static final Pattern FRONT_MATTER = Pattern.compile("\\A(---|\\+\\+\\+)\\n(.*?)\\n\\1\\n", Pattern.DOTALL);

	private static final Pattern TITLE = Pattern.compile("(?m)^title\\s*[:=]\\s*[\"']?(.*?)[\"']?\\s*$");

	private static final Pattern LANGUAGE = Pattern.compile("(?m)^lang\\s*[:=]\\s*[\"']?([a-z]{2})[\"']?\\s*$");

	public static void main(String[] args) throws IOException {
		Path corpus = Path.of(args[0]);
		Path decks = Path.of(args[1]);
		Path scratch = Path.of(args[2]);
		Files.createDirectories(scratch);
		try (Stream<Path> files = Files.list(corpus)) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				if (name.endsWith(".md")) {
					String html = page(Files.readString(file));
					Files.writeString(corpus.resolve(name.replaceFirst("\\.md$", ".html")), html);
				}
				else if (name.endsWith(".vtt")) {
					Files.writeString(corpus.resolve(name.replaceFirst("\\.vtt$", ".srt")), subRip(Files.readString(file)));
				}
			}
		}
		try (Stream<Path> files = Files.list(decks)) {
			for (Path file : files.sorted().filter(f -> f.toString().endsWith(".md")).toList()) {
				Path out = scratch.resolve(file.getFileName().toString().replaceFirst("\\.md$", ".pptx"));
				deck(Files.readAllLines(file), out);
			}
		}
	}

	/**
	 * The page a static site would publish from the Markdown: front matter gives the page title, template tags
	 * are what the site generator would have expanded (includes and shortcode wrappers vanish, the page title is
	 * filled in), footnotes become a closing note.
	 */
	static String page(String markdown) {
		String title = null;
		String language = "en";
		Matcher front = FRONT_MATTER.matcher(markdown);
		if (front.find()) {
			Matcher t = TITLE.matcher(front.group(2));
			title = t.find() ? t.group(1) : null;
			Matcher lang = LANGUAGE.matcher(front.group(2));
			language = lang.find() ? lang.group(1) : language;
			markdown = markdown.substring(front.end());
		}
		if (title != null) {
			markdown = markdown.replaceAll("\\{\\{-?\\s*(page\\.title|\\.Title|\\.Page\\.Title)\\s*-?}}", Matcher.quoteReplacement(title))
				.replaceAll("\\{\\{<\\s*param\\s+\"title\"\\s*>}}", Matcher.quoteReplacement(title));
		}
		markdown = markdown.replaceAll("(?m)^\\{%[^%]*%}\\s*\\n", "")
			.replaceAll("\\{%[^%]*%}", "")
			.replaceAll("(?m)^\\{\\{[<%][^}]*[>%]}}\\s*\\n", "")
			.replaceAll("\\{\\{[<%][^}]*[>%]}}", "")
			.replaceAll("\\{\\{[^}]*}}", "")
			.replaceAll("\\[\\^[^\\]]+]:\\s*", "Note: ")
			.replaceAll("\\[\\^[^\\]]+]", "");
		if (title == null) {
			Matcher h1 = Pattern.compile("(?m)^# (.+)$").matcher(markdown);
			title = h1.find() ? h1.group(1).strip() : "Untitled";
		}
		else if (!Pattern.compile("(?m)^# ").matcher(markdown).find()) {
			markdown = "# " + title + "\n\n" + markdown;
		}
		List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
		String body = HtmlRenderer.builder()
			.extensions(extensions)
			.build()
			.render(Parser.builder().extensions(extensions).build().parse(markdown));
		return "<!DOCTYPE html>\n<html lang=\"" + language + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
				+ "</title>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** WebVTT to SubRip: numbered cues, comma decimal marks, voice tags as "Name: ". */
	static String subRip(String vtt) {
		StringBuilder out = new StringBuilder();
		int number = 0;
		for (String cue : vtt.replace("\r\n", "\n").split("\n\n+")) {
			List<String> lines = new ArrayList<>(List.of(cue.strip().split("\n")));
			int timing = -1;
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).contains("-->")) {
					timing = i;
					break;
				}
			}
			if (timing < 0) {
				continue;
			}
			out.append(++number).append('\n');
			out.append(lines.get(timing).replaceAll("(\\d\\d:\\d\\d:\\d\\d)\\.(\\d\\d\\d)", "$1,$2").replaceAll("\\s+(align|position|line|size):\\S+", ""))
				.append('\n');
			for (String line : lines.subList(timing + 1, lines.size())) {
				out.append(line.replaceAll("<v\\s+([^>]+)>", "$1: ").replaceAll("</v>", "")).append('\n');
			}
			out.append('\n');
		}
		return out.toString();
	}

	/**
	 * A deck from its outline: "# " the deck title, the next line its subtitle; "## " a slide title; "- " a
	 * bullet; "> " a line of the slide's speaker notes.
	 */
	static void deck(List<String> outline, Path out) throws IOException {
		try (XMLSlideShow show = new XMLSlideShow()) {
			XSLFSlideMaster master = show.getSlideMasters().get(0);
			XSLFSlideLayout titleLayout = master.getLayout(SlideLayout.TITLE);
			XSLFSlideLayout contentLayout = master.getLayout(SlideLayout.TITLE_AND_CONTENT);
			XSLFSlide slide = null;
			List<String> bullets = new ArrayList<>();
			List<String> notes = new ArrayList<>();
			for (String line : outline) {
				if (line.startsWith("# ")) {
					slide = show.createSlide(titleLayout);
					slide.getPlaceholder(0).setText(line.substring(2).strip());
				}
				else if (line.startsWith("## ")) {
					finish(show, slide, bullets, notes);
					slide = show.createSlide(contentLayout);
					slide.getPlaceholder(0).setText(line.substring(3).strip());
				}
				else if (line.startsWith("- ")) {
					bullets.add(line.substring(2).strip());
				}
				else if (line.startsWith("> ")) {
					notes.add(line.substring(2).strip());
				}
				else if (!line.isBlank() && slide != null && show.getSlides().size() == 1) {
					slide.getPlaceholder(1).setText(line.strip());
				}
			}
			finish(show, slide, bullets, notes);
			try (OutputStream stream = Files.newOutputStream(out)) {
				show.write(stream);
			}
		}
	}

	private static void finish(XMLSlideShow show, XSLFSlide slide, List<String> bullets, List<String> notes) {
		if (slide == null) {
			return;
		}
		if (!bullets.isEmpty()) {
			XSLFTextShape body = slide.getPlaceholder(1);
			body.clearText();
			for (String bullet : bullets) {
				body.addNewTextParagraph().addNewTextRun().setText(bullet);
			}
		}
		if (!notes.isEmpty()) {
			XSLFNotes page = show.getNotesSlide(slide);
			for (XSLFTextShape shape : page.getPlaceholders()) {
				if (shape.getTextType() == Placeholder.BODY) {
					shape.setText(String.join("\n", notes));
				}
				else if (shape.getTextType() == Placeholder.DATETIME) {
					// POI's notes template carries a fixed sample date; a deck made in an office suite has none
					page.removeShape(shape);
				}
			}
		}
		bullets.clear();
		notes.clear();
	}

	private CorpusMaker() {
	}
}
