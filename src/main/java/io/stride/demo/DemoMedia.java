package io.stride.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.identity.Viewer;
import io.stride.media.CourseMedia;
import io.stride.media.MediaItem;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * Media in the demo: a chart of escalations handed up, drawn at demo time and uploaded through the media service with
 * its alt text, and a tip callout, both in the lesson "Resolve it" of "Handling a complex escalation".
 */
@Component
class DemoMedia {

	static final String CHART_ALT = "Bar chart: escalations Customer Success handed up in the last 8 weeks, falling "
			+ "from 9 in week 1 to 2 in week 8.";

	static final int[] HANDED_UP = { 9, 8, 8, 6, 5, 4, 3, 2 };

	private final CourseMedia media;

	private final Authoring authoring;

	DemoMedia(CourseMedia media, Authoring authoring) {
		this.media = media;
		this.authoring = authoring;
	}

	/** Adds the chart and a tip to the draft's lesson "Resolve it"; answers the saved draft. */
	Course illustrate(Viewer author, Course draft) {
		byte[] png = chart();
		MediaItem image = media.upload(author, draft.id(),
				new CourseMedia.Upload(new CourseMedia.UploadedFile("escalations-handed-up.png", png.length,
						new ByteArrayResource(png)), CHART_ALT, false, "Escalations handed up, last 8 weeks", null));
		List<Lesson> lessons = new ArrayList<>(draft.lessons());
		for (int i = 0; i < lessons.size(); i++) {
			Lesson lesson = lessons.get(i);
			if (lesson.title().equals("Resolve it")) {
				String markdown = lesson.markdown().stripTrailing() + "\n\n" + image.markdown() + "\n\n"
						+ "Since the team started writing one plan per case, fewer escalations are handed up.\n\n"
						+ "> [!TIP]\n> Before you hand a case up, ask: \"Whose decision is this fix?\" If it is yours, "
						+ "make it today and tell the customer when.\n";
				lessons.set(i, new Lesson(lesson.id(), lesson.title(), markdown, lesson.sources(), lesson.module(),
						lesson.knowledgeChecks()));
			}
		}
		return authoring.update(author, draft.id(), draft.revision(), draft.content().with(lessons, draft.quiz()));
	}

	/** A small, clean bar chart as a PNG. */
	static byte[] chart() {
		int width = 640;
		int height = 360;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			int left = 56;
			int bottom = height - 48;
			int top = 64;
			int max = 10;
			int slot = (width - left - 24) / HANDED_UP.length;
			g.setColor(new Color(0xD0D7DE));
			for (int v = 0; v <= max; v += 2) {
				int y = bottom - (bottom - top) * v / max;
				g.drawLine(left, y, width - 24, y);
			}
			g.setColor(new Color(0x1F6FEB));
			for (int i = 0; i < HANDED_UP.length; i++) {
				int h = (bottom - top) * HANDED_UP[i] / max;
				g.fillRect(left + i * slot + 10, bottom - h, slot - 20, h);
			}
			g.setColor(new Color(0x24292F));
			g.setStroke(new BasicStroke(2));
			g.drawLine(left, bottom, width - 24, bottom);
			labels(g, left, bottom, top, max, slot);
		}
		finally {
			g.dispose();
		}
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void labels(Graphics2D g, int left, int bottom, int top, int max, int slot) {
		try {
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
			g.drawString("Escalations handed up, last 8 weeks", left, 36);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
			for (int v = 0; v <= max; v += 2) {
				g.drawString(String.valueOf(v), left - 28, bottom - (bottom - top) * v / max + 5);
			}
			for (int i = 0; i < HANDED_UP.length; i++) {
				g.drawString("W" + (i + 1), left + i * slot + slot / 2 - 10, bottom + 22);
				int h = (bottom - top) * HANDED_UP[i] / max;
				g.drawString(String.valueOf(HANDED_UP[i]), left + i * slot + slot / 2 - 4, bottom - h - 6);
			}
		}
		catch (InternalError | UnsatisfiedLinkError noFonts) {
			// a server image without fonts: the bars still say it, and the alt text says it in words
		}
	}
}
