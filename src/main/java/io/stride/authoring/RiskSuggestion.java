package io.stride.authoring;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suggests a risk tier from what a course says and who it is for, and names the words that led to it.
 */
public record RiskSuggestion(RiskTier tier, String because) {

	private static final Pattern HIGH = Pattern.compile("(?iu)\\b(regulat\\w*|compliance|legal\\w*|law|laws|gdpr|"
			+ "personal data|data protection|privacy|safety|hazard\\w*|injur\\w*|security incident|breach\\w*|fraud|"
			+ "anti-money|sanction\\w*|audit\\w*|health and safety|confidential\\w*|patient\\w*)\\b");

	private static final Pattern MEDIUM = Pattern.compile("(?iu)\\b(customer\\w*|client\\w*|external|public|partner\\w*|"
			+ "supplier\\w*|press|social media|pricing|contract\\w*|refund\\w*)\\b");

	public static RiskSuggestion of(CourseContent content) {
		StringBuilder text = new StringBuilder(content.title()).append('\n').append(content.description());
		content.lessons().forEach(l -> text.append('\n').append(l.title()).append('\n').append(l.markdown()));
		List<String> objectives = content.objectives();
		objectives.forEach(o -> text.append('\n').append(o));
		Matcher high = HIGH.matcher(text);
		if (high.find()) {
			return new RiskSuggestion(RiskTier.HIGH, "the text mentions \"" + high.group().toLowerCase(Locale.ROOT) + "\"");
		}
		Matcher medium = MEDIUM.matcher(text);
		if (medium.find()) {
			return new RiskSuggestion(RiskTier.MEDIUM, "the text mentions \"" + medium.group().toLowerCase(Locale.ROOT) + "\"");
		}
		return new RiskSuggestion(RiskTier.LOW, "nothing in the text points to external, legal or safety matters");
	}
}
