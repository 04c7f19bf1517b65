package io.stride.drafting.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.stride.drafting.internal.DocumentLanguage.Language;

/**
 * Everything the engine writes itself (question stems, answer labels, explanations, objectives, scaffolding) and
 * the cue words it reads a text by (conditions, definitions, self-references, audiences, warnings), per language.
 * A draft of a German text asks German questions about it; nothing English is mixed in.
 */
public final class Wording {

	/** The words that open a quote and close it in this language. */
	record Quotes(String open, String close) {

		String around(String text) {
			return open + text + close;
		}
	}

	private final Language language;

	private final Quotes quotes;

	private final Map<String, String> texts;

	/** "If …, …": the words that open a condition. */
	final Pattern condition;

	/** "X means …": the verbs that define a term (after the term). */
	final Pattern defines;

	/** "This document describes …": a sentence about the text itself, never a fact to teach. */
	final Pattern aboutTheText;

	/** "This applies to …": the words that name who a text is for; group 1 is the audience. */
	final Pattern audience;

	/** "Never …", "… must not …": a prohibition. */
	final Pattern prohibition;

	/** Words that carry no fact on their own, so never the answer of a question. */
	final List<String> fillers;

	private Wording(Language language, Quotes quotes, Map<String, String> texts, String condition, String defines,
			String aboutTheText, String audience, String prohibition, List<String> fillers) {
		this.language = language;
		this.quotes = quotes;
		this.texts = texts;
		int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
		this.condition = Pattern.compile("^(?:" + condition + ")\\b", flags);
		this.defines = Pattern.compile("\\s(?:" + defines + ")\\s", flags);
		this.aboutTheText = Pattern.compile("^(?:" + aboutTheText + ")\\b", flags);
		this.audience = Pattern.compile("(?:" + audience + ")\\s+([\\p{L} -]{3,60}?)(?=[.,;:]|$)", flags);
		this.prohibition = Pattern.compile("\\b(?:" + prohibition + ")\\b", flags);
		this.fillers = fillers;
	}

	private static final Map<Language, Wording> ALL = new EnumMap<>(Language.class);

	public static Wording of(Language language) {
		return ALL.get(language == null ? Language.ENGLISH : language);
	}

	public Language language() {
		return language;
	}

	String quote(String text) {
		return quotes.around(text);
	}

	/** The text for {@code key} with its {@code %s} places filled in order. */
	String say(String key, Object... values) {
		String template = texts.get(key);
		if (template == null) {
			throw new IllegalArgumentException("No " + language + " text for " + key);
		}
		return values.length == 0 ? template : String.format(language.locale(), template, values);
	}

	/** A label or fixed phrase without places to fill, e.g. "keyTakeaways". */
	public String label(String key) {
		return say(key);
	}

	/** Every key has a text in every language; checked once, when the class loads. */
	static final List<String> KEYS = List.of("fillInTheBlank", "trueOrFalse", "true", "false", "putInOrder",
			"whichBelong", "whatMeans", "matchTerms", "whatDoYouDo", "sourceSays", "falseBecause", "stepsInOrder",
			"listedUnder", "keyTakeaways", "speakerNotes", "notesFrom", "objectiveSequence", "objectiveDefine",
			"objectiveApply", "objectiveRecall", "untitled", "chooseAll", "introduction");

	static {
		ALL.put(Language.ENGLISH, new Wording(Language.ENGLISH, new Quotes("“", "”"), Map.ofEntries(
				Map.entry("fillInTheBlank", "Fill in the blank: %s"),
				Map.entry("trueOrFalse", "True or false: %s"),
				Map.entry("true", "True"), Map.entry("false", "False"),
				Map.entry("putInOrder", "Put the steps for %s in the right order."),
				Map.entry("whichBelong", "Which of these belong to %s?"),
				Map.entry("chooseAll", "Choose all that apply."),
				Map.entry("whatMeans", "What does %s mean?"),
				Map.entry("matchTerms", "Match each term to its meaning."),
				Map.entry("whatDoYouDo", "%s What should you do?"),
				Map.entry("sourceSays", "The source says (%s of %s): %s"),
				Map.entry("falseBecause", "False. The source says %s, not %s: %s (%s)"),
				Map.entry("stepsInOrder", "The steps in order, from %s of %s."),
				Map.entry("listedUnder", "These are listed under %s (%s of %s); the others come from other parts of the source."),
				Map.entry("keyTakeaways", "Key takeaways"),
				Map.entry("speakerNotes", "Speaker notes"),
				Map.entry("notesFrom", "Notes from %s"),
				Map.entry("objectiveSequence", "Carry out the steps of %s in order"),
				Map.entry("objectiveDefine", "Define %s"),
				Map.entry("objectiveApply", "Apply the rules for %s"),
				Map.entry("objectiveRecall", "State the deadlines and limits for %s"),
				Map.entry("untitled", "Untitled course"), Map.entry("introduction", "Introduction")),
				"if|when|whenever|as soon as|in case of|in case|unless|before|after",
				"means|refers to|is defined as|stands for|describes",
				"(?:this|the present) (?:document|page|guide|policy|procedure|faq|handbook|article|section|course)"
						+ " (?:describes|explains|covers|sets out|outlines|answers|is about|contains)|in this (?:document|page|guide|section)",
				"applies to|is for|intended for|aimed at|written for",
				"never|do not|don't|must not|mustn't|not allowed|forbidden|prohibited",
				List.of("thing", "things", "way", "ways", "time", "part", "lot", "example", "case", "following")));
		ALL.put(Language.GERMAN, new Wording(Language.GERMAN, new Quotes("„", "“"), Map.ofEntries(
				Map.entry("fillInTheBlank", "Ergänzen Sie die Lücke: %s"),
				Map.entry("trueOrFalse", "Richtig oder falsch: %s"),
				Map.entry("true", "Richtig"), Map.entry("false", "Falsch"),
				Map.entry("putInOrder", "Bringen Sie die Schritte für %s in die richtige Reihenfolge."),
				Map.entry("whichBelong", "Welche davon gehören zu %s?"),
				Map.entry("chooseAll", "Wählen Sie alle zutreffenden aus."),
				Map.entry("whatMeans", "Was bedeutet %s?"),
				Map.entry("matchTerms", "Ordnen Sie jedem Begriff seine Bedeutung zu."),
				Map.entry("whatDoYouDo", "%s Was tun Sie?"),
				Map.entry("sourceSays", "Laut Quelle (%s von %s): %s"),
				Map.entry("falseBecause", "Falsch. Die Quelle nennt %s, nicht %s: %s (%s)"),
				Map.entry("stepsInOrder", "Die Schritte in der richtigen Reihenfolge, aus %s von %s."),
				Map.entry("listedUnder", "Diese stehen unter %s (%s von %s); die anderen stammen aus anderen Teilen der Quelle."),
				Map.entry("keyTakeaways", "Das Wichtigste"),
				Map.entry("speakerNotes", "Sprechernotizen"),
				Map.entry("notesFrom", "Notizen aus %s"),
				Map.entry("objectiveSequence", "Die Schritte für %s in der richtigen Reihenfolge ausführen"),
				Map.entry("objectiveDefine", "%s erklären"),
				Map.entry("objectiveApply", "Die Regeln für %s anwenden"),
				Map.entry("objectiveRecall", "Die Fristen und Grenzen für %s nennen"),
				Map.entry("untitled", "Kurs ohne Titel"), Map.entry("introduction", "Einführung")),
				"wenn|falls|sobald|sofern|bei|vor|nach|bevor|nachdem",
				"bedeutet|bezeichnet|heißt|ist definiert als|steht für|beschreibt",
				"(?:diese|dieses|dieser|das vorliegende) (?:dokument|seite|faq|leitfaden|richtlinie|handbuch|artikel|abschnitt|kurs)"
						+ " (?:beschreibt|erklärt|erläutert|beantwortet|enthält|regelt)|in diesem (?:dokument|leitfaden|abschnitt)",
				"gilt für|richtet sich an|ist für|bestimmt für",
				"nie|niemals|nicht|verboten|untersagt|keinesfalls|darf nicht|dürfen nicht",
				List.of("sache", "art", "weise", "zeit", "teil", "beispiel", "fall", "folgende", "folgenden")));
		ALL.put(Language.FRENCH, new Wording(Language.FRENCH, new Quotes("« ", " »"), Map.ofEntries(
				Map.entry("fillInTheBlank", "Complétez : %s"),
				Map.entry("trueOrFalse", "Vrai ou faux : %s"),
				Map.entry("true", "Vrai"), Map.entry("false", "Faux"),
				Map.entry("putInOrder", "Remettez dans l'ordre les étapes de %s."),
				Map.entry("whichBelong", "Lesquels font partie de %s ?"),
				Map.entry("chooseAll", "Cochez toutes les bonnes réponses."),
				Map.entry("whatMeans", "Que signifie %s ?"),
				Map.entry("matchTerms", "Associez chaque terme à sa définition."),
				Map.entry("whatDoYouDo", "%s Que devez-vous faire ?"),
				Map.entry("sourceSays", "La source indique (%s de %s) : %s"),
				Map.entry("falseBecause", "Faux. La source indique %s, et non %s : %s (%s)"),
				Map.entry("stepsInOrder", "Les étapes dans l'ordre, d'après %s de %s."),
				Map.entry("listedUnder", "Ils figurent sous %s (%s de %s) ; les autres viennent d'autres parties de la source."),
				Map.entry("keyTakeaways", "À retenir"),
				Map.entry("speakerNotes", "Notes de l'orateur"),
				Map.entry("notesFrom", "Notes de %s"),
				Map.entry("objectiveSequence", "Suivre dans l'ordre les étapes de %s"),
				Map.entry("objectiveDefine", "Définir %s"),
				Map.entry("objectiveApply", "Appliquer les règles de %s"),
				Map.entry("objectiveRecall", "Citer les délais et les limites de %s"),
				Map.entry("untitled", "Cours sans titre"), Map.entry("introduction", "Introduction")),
				"si|s'il|s'ils|lorsque|lorsqu'|quand|dès que|en cas de|avant de|avant|après",
				"désigne|signifie|est défini comme|correspond à|veut dire",
				"(?:ce|cette|le présent|la présente) (?:document|page|guide|procédure|politique|faq|manuel|article|section|cours)"
						+ " (?:décrit|explique|présente|répond|contient|s'applique)|dans ce (?:document|guide)",
				"s'applique à|est destinée? à|concerne|pour tous les",
				"jamais|ne pas|n'est pas|interdit|interdite|ne doit pas|ne doivent pas",
				List.of("chose", "façon", "manière", "temps", "partie", "exemple", "cas", "suivants", "suivantes")));
		ALL.put(Language.SPANISH, new Wording(Language.SPANISH, new Quotes("«", "»"), Map.ofEntries(
				Map.entry("fillInTheBlank", "Complete el espacio en blanco: %s"),
				Map.entry("trueOrFalse", "¿Verdadero o falso? %s"),
				Map.entry("true", "Verdadero"), Map.entry("false", "Falso"),
				Map.entry("putInOrder", "Ordene los pasos de %s."),
				Map.entry("whichBelong", "¿Cuáles de estos pertenecen a %s?"),
				Map.entry("chooseAll", "Marque todas las respuestas correctas."),
				Map.entry("whatMeans", "¿Qué significa %s?"),
				Map.entry("matchTerms", "Relacione cada término con su significado."),
				Map.entry("whatDoYouDo", "%s ¿Qué debe hacer?"),
				Map.entry("sourceSays", "La fuente dice (%s de %s): %s"),
				Map.entry("falseBecause", "Falso. La fuente dice %s, no %s: %s (%s)"),
				Map.entry("stepsInOrder", "Los pasos en orden, según %s de %s."),
				Map.entry("listedUnder", "Aparecen en %s (%s de %s); los demás vienen de otras partes de la fuente."),
				Map.entry("keyTakeaways", "Ideas clave"),
				Map.entry("speakerNotes", "Notas del orador"),
				Map.entry("notesFrom", "Notas de %s"),
				Map.entry("objectiveSequence", "Seguir en orden los pasos de %s"),
				Map.entry("objectiveDefine", "Definir %s"),
				Map.entry("objectiveApply", "Aplicar las reglas de %s"),
				Map.entry("objectiveRecall", "Indicar los plazos y límites de %s"),
				Map.entry("untitled", "Curso sin título"), Map.entry("introduction", "Introducción")),
				"si|cuando|en caso de|antes de|después de|siempre que",
				"significa|se refiere a|se define como|designa|quiere decir",
				"(?:este|esta|el presente|la presente) (?:documento|página|guía|política|procedimiento|manual|artículo|sección|curso)"
						+ " (?:describe|explica|presenta|contiene|responde)|en (?:este|esta) (?:documento|guía)",
				"es para|se aplica a|está dirigid[ao] a|va dirigid[ao] a",
				"nunca|no debe|no deben|prohibido|prohibida|jamás",
				List.of("cosa", "forma", "manera", "tiempo", "parte", "ejemplo", "caso", "siguientes")));
		ALL.put(Language.DUTCH, new Wording(Language.DUTCH, new Quotes("‘", "’"), Map.ofEntries(
				Map.entry("fillInTheBlank", "Vul het ontbrekende deel in: %s"),
				Map.entry("trueOrFalse", "Waar of niet waar: %s"),
				Map.entry("true", "Waar"), Map.entry("false", "Niet waar"),
				Map.entry("putInOrder", "Zet de stappen voor %s in de juiste volgorde."),
				Map.entry("whichBelong", "Welke hiervan horen bij %s?"),
				Map.entry("chooseAll", "Kies alle juiste antwoorden."),
				Map.entry("whatMeans", "Wat betekent %s?"),
				Map.entry("matchTerms", "Koppel elk begrip aan de juiste betekenis."),
				Map.entry("whatDoYouDo", "%s Wat moet je doen?"),
				Map.entry("sourceSays", "De bron zegt (%s van %s): %s"),
				Map.entry("falseBecause", "Niet waar. De bron noemt %s, niet %s: %s (%s)"),
				Map.entry("stepsInOrder", "De stappen in de juiste volgorde, uit %s van %s."),
				Map.entry("listedUnder", "Deze staan onder %s (%s van %s); de andere komen uit andere delen van de bron."),
				Map.entry("keyTakeaways", "Belangrijkste punten"),
				Map.entry("speakerNotes", "Sprekersnotities"),
				Map.entry("notesFrom", "Notities uit %s"),
				Map.entry("objectiveSequence", "De stappen voor %s in de juiste volgorde uitvoeren"),
				Map.entry("objectiveDefine", "%s uitleggen"),
				Map.entry("objectiveApply", "De regels voor %s toepassen"),
				Map.entry("objectiveRecall", "De termijnen en grenzen voor %s noemen"),
				Map.entry("untitled", "Cursus zonder titel"), Map.entry("introduction", "Inleiding")),
				"als|wanneer|indien|zodra|bij|voordat|nadat|voor|na",
				"betekent|is gedefinieerd als|verwijst naar|staat voor|houdt in",
				"(?:dit|deze|het) (?:document|pagina|handleiding|beleid|procedure|faq|artikel|hoofdstuk|cursus)"
						+ " (?:beschrijft|legt uit|bevat|geeft|gaat over)|in (?:dit|deze) (?:document|handleiding)",
				"geldt voor|is bedoeld voor|is voor|richt zich op",
				"nooit|niet|verboden|mag niet|mogen niet",
				List.of("ding", "manier", "wijze", "tijd", "deel", "voorbeeld", "geval", "volgende")));
		for (Wording phrasing : ALL.values()) {
			for (String key : KEYS) {
				if (!phrasing.texts.containsKey(key)) {
					throw new IllegalStateException(phrasing.language + " has no text for " + key);
				}
			}
		}
	}
}
