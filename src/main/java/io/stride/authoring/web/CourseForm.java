package io.stride.authoring.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.stride.authoring.AnswersShown;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.NumericAnswer;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.authoring.QuizSettings;
import io.stride.authoring.RiskTier;
import io.stride.authoring.Scoring;
import io.stride.authoring.SourceNote;
import io.stride.shared.Markdown;

/**
 * The outline editor's course form: its settings panel binds the course's fields here, and each question it edits
 * binds into a {@link QuestionForm}. Mutable beans because Spring binds indexed lists
 * ({@code options[2].text}) into them. {@link #of(Course)} and {@link #toContent()} hold every kind without loss.
 */
public class CourseForm {

	static final int BLANK_OPTIONS = 2;

	private int revision;

	private String title = "";

	private String description = "";

	private String objectives = "";

	private String riskTier = "";

	private String tierReason = "";

	private String topic = "";

	public String getTopic() {
		return topic;
	}

	public void setTopic(String topic) {
		this.topic = topic == null ? "" : topic;
	}

	private String templateId = "";

	/** The template the quality panel checks against; saved for the course with the rest. */
	public String getTemplateId() {
		return templateId;
	}

	public void setTemplateId(String templateId) {
		this.templateId = templateId;
	}

	public String getRiskTier() {
		return riskTier;
	}

	public void setRiskTier(String riskTier) {
		this.riskTier = riskTier;
	}

	public String getTierReason() {
		return tierReason;
	}

	public void setTierReason(String tierReason) {
		this.tierReason = tierReason;
	}

	private int passMark = 80;

	private Integer attemptLimit;

	private Integer timeLimitMinutes;

	private Integer drawCount;

	private boolean shuffleOptions;

	private AnswersShown answersShown = AnswersShown.DEFAULT;

	private List<LessonForm> lessons = new ArrayList<>();

	private List<QuestionForm> questions = new ArrayList<>();

	static CourseForm of(Course course) {
		CourseForm form = new CourseForm();
		form.revision = course.revision();
		form.title = course.title();
		form.description = course.description();
		form.objectives = String.join("\n", course.objectives());
		// empty: "Let Stride choose", which a new course starts with
		form.riskTier = course.tierFollowsSuggestion() ? "" : course.riskTier().name();
		form.tierReason = course.tierReason() == null ? "" : course.tierReason();
		form.passMark = course.quiz().passMark();
		QuizSettings settings = course.quiz().settings();
		form.attemptLimit = settings.attemptLimit();
		form.timeLimitMinutes = settings.timeLimitMinutes();
		form.drawCount = settings.drawCount();
		form.shuffleOptions = settings.shuffleOptions();
		form.answersShown = settings.answersShown();
		for (Lesson lesson : course.lessons()) {
			LessonForm l = new LessonForm();
			l.setId(lesson.id());
			l.setTitle(lesson.title());
			l.setMarkdown(lesson.markdown());
			l.sources = lesson.sources();
			l.setModule(lesson.module() == null ? "" : lesson.module());
			form.lessons.add(l);
		}
		for (Question question : course.quiz().questions()) {
			form.questions.add(QuestionForm.of(question));
		}
		// knowledge checks follow the quiz questions, lesson by lesson, each saying where it is asked
		for (int i = 0; i < course.lessons().size(); i++) {
			for (Question check : course.lessons().get(i).knowledgeChecks()) {
				QuestionForm q = QuestionForm.of(check);
				q.setAfterLesson(i + 1);
				form.questions.add(q);
			}
		}
		return form;
	}

	CourseContent toContent() {
		List<Lesson> lessonList = new ArrayList<>(lessons.stream()
			.map(l -> new Lesson(blankToNull(l.getId()), trim(l.getTitle()), l.getMarkdown() == null ? "" : l.getMarkdown(),
					List.of(), l.getModule()))
			.toList());
		List<Question> quiz = new ArrayList<>();
		List<List<Question>> checks = new ArrayList<>();
		lessonList.forEach(lesson -> checks.add(new ArrayList<>()));
		for (QuestionForm form : questions) {
			Integer lesson = form.lessonIndex(lessonList.size());
			(lesson == null ? quiz : checks.get(lesson)).add(form.toQuestion());
		}
		for (int i = 0; i < lessonList.size(); i++) {
			lessonList.set(i, lessonList.get(i).withKnowledgeChecks(checks.get(i)));
		}
		RiskTier tier = null;
		for (RiskTier candidate : RiskTier.values()) {
			if (candidate.name().equals(riskTier)) {
				tier = candidate;
			}
		}
		return new CourseContent(title, description, lessonList,
				new Quiz(passMark, quiz, new QuizSettings(attemptLimit, timeLimitMinutes, drawCount, shuffleOptions,
						answersShown)),
				objectives == null ? List.of() : List.of(objectives.split("\\R")), tier, tierReason);
	}

	static String trim(String value) {
		return value == null ? "" : value.trim();
	}

	static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	public int getRevision() {
		return revision;
	}

	public void setRevision(int revision) {
		this.revision = revision;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getObjectives() {
		return objectives;
	}

	public void setObjectives(String objectives) {
		this.objectives = objectives;
	}

	public int getPassMark() {
		return passMark;
	}

	public void setPassMark(int passMark) {
		this.passMark = passMark;
	}

	public Integer getAttemptLimit() {
		return attemptLimit;
	}

	public void setAttemptLimit(Integer attemptLimit) {
		this.attemptLimit = attemptLimit;
	}

	public Integer getTimeLimitMinutes() {
		return timeLimitMinutes;
	}

	public void setTimeLimitMinutes(Integer timeLimitMinutes) {
		this.timeLimitMinutes = timeLimitMinutes;
	}

	public Integer getDrawCount() {
		return drawCount;
	}

	public void setDrawCount(Integer drawCount) {
		this.drawCount = drawCount;
	}

	public boolean isShuffleOptions() {
		return shuffleOptions;
	}

	public void setShuffleOptions(boolean shuffleOptions) {
		this.shuffleOptions = shuffleOptions;
	}

	public AnswersShown getAnswersShown() {
		return answersShown;
	}

	public void setAnswersShown(AnswersShown answersShown) {
		this.answersShown = answersShown;
	}

	public List<LessonForm> getLessons() {
		return lessons;
	}

	public void setLessons(List<LessonForm> lessons) {
		this.lessons = lessons == null ? new ArrayList<>() : lessons;
	}

	public List<QuestionForm> getQuestions() {
		return questions;
	}

	public void setQuestions(List<QuestionForm> questions) {
		this.questions = questions == null ? new ArrayList<>() : questions;
	}

	public static class LessonForm {

		private String id;

		private String title = "";

		private String markdown = "";

		private String module = "";

		public String getModule() {
			return module;
		}

		public void setModule(String module) {
			this.module = module;
		}

		// shown beside the lesson; read-only, never bound from a request
		private List<SourceNote> sources = List.of();

		public List<SourceNote> getSources() {
			return sources;
		}

		public String getId() {
			return id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getMarkdown() {
			return markdown;
		}

		public void setMarkdown(String markdown) {
			this.markdown = markdown;
		}

		/** The lesson as learners will see it, for the builder's preview. */
		public String getHtml() {
			return Markdown.toSafeHtml(markdown);
		}
	}

	public static class QuestionForm {

		private String id;

		private QuestionKind kind = QuestionKind.SINGLE_CHOICE;

		private String prompt = "";

		private String explanation = "";

		private List<OptionForm> options = new ArrayList<>();

		// the lesson number (1 = first) this question is a knowledge check after; null: the final quiz
		private Integer afterLesson;

		private Scoring scoring = Scoring.ALL_OR_NOTHING;

		// short answer: accepted alternatives, one per line; semantic match and its threshold
		private String accepted = "";

		private boolean semantic;

		private String similarity = "0.85";

		// numeric, as typed ("1,5" and "1.5" alike)
		private String value = "";

		private String tolerance = "";

		private String unit = "";

		// where the question was drafted from; read-only, never bound from a request
		private SourceNote source;

		public SourceNote getSource() {
			return source;
		}

		/** Keeps the saved question's source on a form re-shown with what was typed (never bound from a request). */
		void keepSource(SourceNote kept) {
			this.source = kept;
		}

		static QuestionForm blank() {
			QuestionForm form = new QuestionForm();
			form.pad();
			form.options.add(new OptionForm());
			return form;
		}

		static QuestionForm of(Question question) {
			QuestionForm form = new QuestionForm();
			form.id = question.id();
			form.kind = question.kind();
			form.prompt = question.prompt();
			form.explanation = question.explanation();
			form.source = question.source();
			form.scoring = question.scoring();
			switch (question.kind()) {
				case SHORT_ANSWER -> {
					form.accepted = String.join("\n", question.accepted());
					form.semantic = question.similarity() != null;
					form.similarity = question.similarity() == null ? "0.85" : String.valueOf(question.similarity());
				}
				case NUMERIC -> {
					NumericAnswer numeric = question.numeric();
					form.value = numeric.value() == null ? "" : numeric.value().toPlainString();
					form.tolerance = numeric.tolerance() == null ? "" : numeric.tolerance().toPlainString();
					form.unit = numeric.unit() == null ? "" : numeric.unit();
				}
				case MATCHING -> {
					// edited as pairs, then the matches no item takes (distractors) on rows of their own
					Set<Integer> taken = new HashSet<>();
					for (int i = 0; i < question.options().size(); i++) {
						int match = i < question.correct().size() ? question.correct().get(i) : -1;
						OptionForm option = new OptionForm();
						option.setText(question.options().get(i));
						option.setMatch(match >= 0 && match < question.matches().size() ? question.matches().get(match) : "");
						taken.add(match);
						form.options.add(option);
					}
					for (int m = 0; m < question.matches().size(); m++) {
						if (!taken.contains(m)) {
							OptionForm option = new OptionForm();
							option.setMatch(question.matches().get(m));
							form.options.add(option);
						}
					}
				}
				default -> {
					// ordering questions are edited as their steps in the right order
					List<Integer> order = question.kind() == QuestionKind.ORDERING ? question.correct()
							: IntStream.range(0, question.options().size()).boxed().toList();
					for (int i : order) {
						OptionForm option = new OptionForm();
						option.setText(question.options().get(i));
						option.setCorrect(question.kind() != QuestionKind.ORDERING && question.correct().contains(i));
						form.options.add(option);
					}
				}
			}
			return form;
		}

		/** The lesson (index) this question is a check after, or null for the final quiz and unknown lessons. */
		Integer lessonIndex(int lessons) {
			return afterLesson != null && afterLesson >= 1 && afterLesson <= lessons ? afterLesson - 1 : null;
		}

		void pad() {
			// a true/false question always has the same two options; the page's script writes them too
			if (kind == QuestionKind.TRUE_FALSE && options.stream().allMatch(o -> isBlank(o.getText()))) {
				while (options.size() < 2) {
					options.add(new OptionForm());
				}
				options.get(0).setText("True");
				options.get(1).setText("False");
			}
			long blanks = options.stream().filter(o -> isBlank(o.getText()) && isBlank(o.getMatch())).count();
			for (long i = blanks; i < BLANK_OPTIONS && options.size() < 10; i++) {
				options.add(new OptionForm());
			}
		}

		Question toQuestion() {
			return switch (kind == null ? QuestionKind.SINGLE_CHOICE : kind) {
				case SHORT_ANSWER -> Question.shortAnswer(blankToNull(id), trim(prompt),
						List.of((accepted == null ? "" : accepted).split("\\R")), semantic ? number(similarity) : null,
						trim(explanation));
				case NUMERIC -> Question.numeric(blankToNull(id), trim(prompt),
						NumericAnswer.parse(value).orElse(null),
						isBlank(tolerance) ? BigDecimal.ZERO : NumericAnswer.parse(tolerance).orElse(null), unit,
						trim(explanation));
				case MATCHING -> matching();
				default -> choice();
			};
		}

		private Question choice() {
			List<String> texts = new ArrayList<>();
			List<Integer> correct = new ArrayList<>();
			for (OptionForm option : options) {
				if (isBlank(option.getText())) {
					continue;
				}
				if (option.isCorrect()) {
					correct.add(texts.size());
				}
				texts.add(option.getText().trim());
			}
			if (kind == QuestionKind.ORDERING) {
				// the author writes the steps in the right order
				correct.clear();
				for (int i = 0; i < texts.size(); i++) {
					correct.add(i);
				}
			}
			return new Question(blankToNull(id), kind, trim(prompt), texts, correct, trim(explanation), null, scoring,
					null, null, null, null);
		}

		/** Rows with an item and its match are pairs; a row with a match alone adds a distractor. */
		private Question matching() {
			List<String> items = new ArrayList<>();
			List<String> matches = new ArrayList<>();
			List<Integer> correct = new ArrayList<>();
			for (OptionForm option : options) {
				String item = trim(option.getText());
				String match = trim(option.getMatch());
				if (!match.isEmpty()) {
					matches.add(match);
				}
				if (!item.isEmpty()) {
					items.add(item);
					correct.add(match.isEmpty() ? -1 : matches.size() - 1);
				}
			}
			return new Question(blankToNull(id), QuestionKind.MATCHING, trim(prompt), items, correct, trim(explanation),
					null, scoring, null, null, null, matches);
		}

		/** A decimal as typed; NaN (refused by the rules) when it is not one. */
		private static Double number(String text) {
			return NumericAnswer.parse(text).map(BigDecimal::doubleValue).orElse(Double.NaN);
		}

		public Integer getAfterLesson() {
			return afterLesson;
		}

		public void setAfterLesson(Integer afterLesson) {
			this.afterLesson = afterLesson;
		}

		public Scoring getScoring() {
			return scoring;
		}

		public void setScoring(Scoring scoring) {
			this.scoring = scoring == null ? Scoring.ALL_OR_NOTHING : scoring;
		}

		public String getAccepted() {
			return accepted;
		}

		public void setAccepted(String accepted) {
			this.accepted = accepted;
		}

		public boolean isSemantic() {
			return semantic;
		}

		public void setSemantic(boolean semantic) {
			this.semantic = semantic;
		}

		public String getSimilarity() {
			return similarity;
		}

		public void setSimilarity(String similarity) {
			this.similarity = similarity;
		}

		public String getValue() {
			return value;
		}

		public void setValue(String value) {
			this.value = value;
		}

		public String getTolerance() {
			return tolerance;
		}

		public void setTolerance(String tolerance) {
			this.tolerance = tolerance;
		}

		public String getUnit() {
			return unit;
		}

		public void setUnit(String unit) {
			this.unit = unit;
		}

		public String getId() {
			return id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public QuestionKind getKind() {
			return kind;
		}

		public void setKind(QuestionKind kind) {
			this.kind = kind;
		}

		public String getPrompt() {
			return prompt;
		}

		public void setPrompt(String prompt) {
			this.prompt = prompt;
		}

		public String getExplanation() {
			return explanation;
		}

		public void setExplanation(String explanation) {
			this.explanation = explanation;
		}

		public List<OptionForm> getOptions() {
			return options;
		}

		public void setOptions(List<OptionForm> options) {
			this.options = options == null ? new ArrayList<>() : options;
		}
	}

	public static class OptionForm {

		private String text = "";

		private boolean correct;

		// matching: what this row's item matches
		private String match = "";

		public String getMatch() {
			return match;
		}

		public void setMatch(String match) {
			this.match = match;
		}

		public String getText() {
			return text;
		}

		public void setText(String text) {
			this.text = text;
		}

		public boolean isCorrect() {
			return correct;
		}

		public void setCorrect(boolean correct) {
			this.correct = correct;
		}
	}
}
