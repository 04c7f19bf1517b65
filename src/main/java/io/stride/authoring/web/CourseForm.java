package io.stride.authoring.web;

import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;

/**
 * The builder page's form: the whole course in one document. Mutable beans because Spring binds indexed
 * lists ({@code lessons[0].title}, {@code questions[1].options[2].text}) into them.
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

	private List<LessonForm> lessons = new ArrayList<>();

	private List<QuestionForm> questions = new ArrayList<>();

	static CourseForm blank() {
		CourseForm form = new CourseForm();
		form.lessons.add(new LessonForm());
		form.questions.add(QuestionForm.blank());
		return form;
	}

	static CourseForm of(Course course) {
		CourseForm form = new CourseForm();
		form.revision = course.revision();
		form.title = course.title();
		form.description = course.description();
		form.objectives = String.join("\n", course.objectives());
		form.riskTier = course.riskTier().name();
		form.tierReason = course.tierReason() == null ? "" : course.tierReason();
		form.passMark = course.quiz().passMark();
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
		return form;
	}

	CourseContent toContent() {
		List<Lesson> lessonList = lessons.stream()
			.map(l -> new Lesson(blankToNull(l.getId()), trim(l.getTitle()), l.getMarkdown() == null ? "" : l.getMarkdown(),
					List.of(), l.getModule()))
			.toList();
		List<Question> questionList = questions.stream().map(QuestionForm::toQuestion).toList();
		io.stride.authoring.RiskTier tier = null;
		for (io.stride.authoring.RiskTier candidate : io.stride.authoring.RiskTier.values()) {
			if (candidate.name().equals(riskTier)) {
				tier = candidate;
			}
		}
		return new CourseContent(title, description, lessonList, new Quiz(passMark, questionList),
				objectives == null ? List.of() : List.of(objectives.split("\\R")), tier, tierReason);
	}

	/** Module names in use, offered when an author types a lesson's module. */
	public List<String> getModuleNames() {
		return lessons.stream().map(LessonForm::getModule).filter(m -> m != null && !m.isBlank()).distinct().toList();
	}

	/** Offers empty option rows again after a save, so authors can add options without a round trip. */
	void padOptions() {
		questions.forEach(QuestionForm::pad);
	}

	static String trim(String value) {
		return value == null ? "" : value.trim();
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
		private java.util.List<io.stride.authoring.SourceNote> sources = java.util.List.of();

		public java.util.List<io.stride.authoring.SourceNote> getSources() {
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
			return io.stride.shared.Markdown.toSafeHtml(markdown);
		}
	}

	public static class QuestionForm {

		private String id;

		private QuestionKind kind = QuestionKind.SINGLE_CHOICE;

		private String prompt = "";

		private String explanation = "";

		private List<OptionForm> options = new ArrayList<>();

		// where the question was drafted from; read-only, never bound from a request
		private io.stride.authoring.SourceNote source;

		public io.stride.authoring.SourceNote getSource() {
			return source;
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
			// ordering questions are edited as their steps in the right order
			List<Integer> order = question.kind() == QuestionKind.ORDERING ? question.correct()
					: java.util.stream.IntStream.range(0, question.options().size()).boxed().toList();
			for (int i : order) {
				OptionForm option = new OptionForm();
				option.setText(question.options().get(i));
				option.setCorrect(question.kind() != QuestionKind.ORDERING && question.correct().contains(i));
				form.options.add(option);
			}
			return form;
		}

		void pad() {
			long blanks = options.stream().filter(o -> o.getText() == null || o.getText().isBlank()).count();
			for (long i = blanks; i < BLANK_OPTIONS && options.size() < 10; i++) {
				options.add(new OptionForm());
			}
		}

		Question toQuestion() {
			List<String> texts = new ArrayList<>();
			List<Integer> correct = new ArrayList<>();
			for (OptionForm option : options) {
				if (option.getText() == null || option.getText().isBlank()) {
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
			return new Question(blankToNull(id), kind, trim(prompt), texts, correct, trim(explanation));
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
