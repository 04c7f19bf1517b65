package io.stride.shared.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads request bodies before the application sees them, so that a client sending slowly cannot hold a request
 * thread for long, and a crowd of such clients cannot hold them all:
 * <ul>
 * <li>at most {@code max-body-readers} bodies are read at once, and uploads have their own, smaller pool
 * ({@code max-upload-readers}), so that slow uploads never take the slots of sign-ins and forms; the threads beyond
 * them stay free for pages;</li>
 * <li>one client address reads at most {@code max-body-readers-per-address} bodies at once, so that one sender
 * cannot take every slot;</li>
 * <li>a body must arrive at {@code min-upload-bytes-per-second} on average once {@code upload-grace} has passed, and
 * a form or JSON body within {@code max-body-time} in all; Tomcat's upload timeout bounds each single wait for
 * data;</li>
 * <li>a body may be at most {@code max-body} (forms and JSON), {@code max-sign-in-body} when signing in; multipart
 * uploads only on their own routes and at most {@code spring.servlet.multipart.max-request-size}.</li>
 * </ul>
 * Form and JSON bodies are read into memory here (they are small), uploads into a temporary file, and handed on from
 * there, so the application never waits on a client. Every refusal is a 413:
 * it is the one status on which Tomcat closes the connection without first reading the rest of the body, which a
 * slow client would otherwise dribble for as long as it liked (see {@link SlowClients}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimits extends OncePerRequestFilter {

	private final Semaphore readers;

	private final Semaphore uploadReaders;

	private final int perAddress;

	private final ConcurrentHashMap<String, Integer> readingPerAddress = new ConcurrentHashMap<>();

	private final long maxBodyNanos;

	private final int maxParameters;

	private final long maxBody;

	private final long maxSignIn;

	private final long maxCourse;

	private final long maxMedia;

	/** The largest media file of any kind, named when a media upload is refused at the door. */
	private final long maxMediaFile;

	private final long maxMultipart;

	private final long maxFile;

	private final long minBytesPerSecond;

	private final long graceNanos;

	RequestBodyLimits(@Value("${stride.http.max-body-readers:50}") int maxReaders,
			@Value("${stride.http.max-body:2MB}") DataSize maxBody,
			@Value("${stride.http.max-sign-in-body:16KB}") DataSize maxSignIn,
			@Value("${spring.servlet.multipart.max-request-size:120MB}") DataSize maxMultipart,
			@Value("${spring.servlet.multipart.max-file-size:100MB}") DataSize maxFile,
			@Value("${stride.http.min-upload-bytes-per-second:2048}") long minBytesPerSecond,
			@Value("${stride.http.upload-grace:5s}") Duration grace,
			@Value("${stride.http.max-upload-readers:10}") int maxUploadReaders,
			@Value("${stride.http.max-body-readers-per-address:8}") int perAddress,
			@Value("${stride.http.max-body-time:30s}") Duration maxBodyTime,
			@Value("${server.tomcat.max-parameter-count:1000}") int maxParameters,
			@Value("${stride.http.max-course-body:16MB}") DataSize maxCourse,
			@Value("${stride.media.max-video-bytes:200MB}") DataSize maxVideo,
			@Value("${stride.media.max-image-bytes:10MB}") DataSize maxImage) {
		this.maxCourse = maxCourse.toBytes();
		// the largest file with its captions (at most 1 MB) and form fields; the media service names the file's limit
		this.maxMediaFile = Math.max(maxVideo.toBytes(), maxImage.toBytes());
		this.maxMedia = maxMediaFile + 2 * 1024 * 1024;
		this.readers = new Semaphore(maxReaders);
		this.uploadReaders = new Semaphore(maxUploadReaders);
		this.perAddress = perAddress;
		this.maxBodyNanos = maxBodyTime.toNanos();
		this.maxParameters = maxParameters;
		this.maxBody = maxBody.toBytes();
		this.maxSignIn = maxSignIn.toBytes();
		this.maxMultipart = maxMultipart.toBytes();
		this.maxFile = maxFile.toBytes();
		this.minBytesPerSecond = minBytesPerSecond;
		this.graceNanos = grace.toNanos();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
		if (length <= 0 && !chunked) {
			chain.doFilter(request, response);
			return;
		}
		boolean multipart = isMultipart(request);
		if (multipart && !acceptsUploads(request)) {
			refuse(response, "This address takes no file uploads.");
			return;
		}
		long limit = multipart ? (isCapabilityUpload(request) ? CAPABILITY_UPLOAD : isQuestionBankUpload(request) ? QUESTION_BANK_UPLOAD : isMediaUpload(request) ? maxMedia : maxMultipart) : isSignIn(request) ? maxSignIn : isCourse(request) ? maxCourse : maxBody;
		if (length > limit) {
			if (multipart && isMediaUpload(request)) {
				// a file an author picked: said at the field, as the media service says a file over its kind's limit
				refuseFile(response, "This file is larger than " + (maxMediaFile >= 1024 * 1024 ? maxMediaFile / (1024 * 1024) + " MB." : maxMediaFile / 1024 + " KB."));
			}
			else {
				refuse(response, "The request body is larger than " + limit + " bytes.");
			}
			return;
		}
		Semaphore pool = multipart ? uploadReaders : readers;
		String address = request.getRemoteAddr() == null ? "" : request.getRemoteAddr();
		if (!startReading(address)) {
			response.setHeader("Retry-After", "5");
			refuse(response, "Too many requests from your address are sending a body right now; try again in a few seconds.");
			return;
		}
		if (!pool.tryAcquire()) {
			stopReading(address);
			response.setHeader("Retry-After", "5");
			refuse(response, "Too many requests are sending a body right now; try again in a few seconds.");
			return;
		}
		Path upload = null;
		ReadUpload parts = null;
		try {
			HttpServletRequest read;
			try {
				if (multipart) {
					// to a file: uploads may be large; parsed from there when the application asks for the parts
					upload = Files.createTempFile("stride-upload-", ".body");
					try (OutputStream file = Files.newOutputStream(upload)) {
						read(request.getInputStream(), file, limit, Long.MAX_VALUE);
					}
					parts = new ReadUpload(request, upload, maxFile, maxBody);
					read = parts;
				}
				else {
					ByteArrayOutputStream body = new ByteArrayOutputStream();
					read(request.getInputStream(), body, limit, maxBodyNanos);
					ReadBody form = new ReadBody(request, body.toByteArray());
					// parsed here, where a refusal can still be answered, not later inside whichever filter asks first
					form.parse(maxParameters);
					read = form;
				}
			}
			catch (BodyRefused refused) {
				refuse(response, refused.getMessage());
				return;
			}
			finally {
				// the limit is on threads waiting for clients; handling the request waits for no one
				pool.release();
				stopReading(address);
			}
			chain.doFilter(read, response);
		}
		finally {
			if (parts != null) {
				parts.deleteParts();
			}
			if (upload != null) {
				Files.deleteIfExists(upload);
			}
		}
	}

	private boolean startReading(String address) {
		boolean[] admitted = { false };
		readingPerAddress.compute(address, (key, reading) -> {
			int now = reading == null ? 0 : reading;
			admitted[0] = now < perAddress;
			return admitted[0] ? now + 1 : now == 0 ? null : now;
		});
		return admitted[0];
	}

	private void stopReading(String address) {
		readingPerAddress.computeIfPresent(address, (key, reading) -> reading <= 1 ? null : reading - 1);
	}

	private void read(InputStream in, OutputStream body, long limit, long maxNanos) throws IOException {
		byte[] buffer = new byte[8192];
		long start = System.nanoTime();
		long total = 0;
		int n;
		try {
			while ((n = in.read(buffer)) != -1) {
				body.write(buffer, 0, n);
				total += n;
				if (total > limit) {
					throw new BodyRefused("The request body is larger than " + limit + " bytes.");
				}
				long elapsed = System.nanoTime() - start;
				if (elapsed > graceNanos && total * 1_000_000_000L / elapsed < minBytesPerSecond) {
					throw new BodyRefused("The request body arrived slower than " + minBytesPerSecond + " bytes a second.");
				}
				if (elapsed > maxNanos) {
					throw new BodyRefused("The request body took longer than " + maxNanos / 1_000_000_000L + " seconds to arrive.");
				}
			}
		}
		catch (InterruptedIOException timedOut) {
			// Tomcat's upload timeout: the connection is already marked broken and will not be read again
			throw new BodyRefused("The request body stopped arriving.");
		}
	}

	/** An email and a password (and a CSRF token) need no more than a few kilobytes. */
	private static boolean isSignIn(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/login") || path.equals("/api/v1/auth/token");
	}

	/** A course may hold 50 lessons of 100,000 characters each, more when the form encodes them. */
	private static boolean isCourse(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/courses") || path.startsWith("/api/v1/courses");
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	/**
	 * Routes that take files: drafting from documents, outcome value imports, absence imports, certificates, lesson
	 * media and course packages.
	 */
	private static boolean acceptsUploads(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/drafts") || path.equals("/api/v1/drafts") || path.matches("(/api/v1)?/outcomes/[^/]+/values/import")
				|| isCapabilityUpload(request) || isMediaUpload(request) || isQuestionBankUpload(request)
				// SCORM packages (issue 19): checked by the packages module before anything of them is written
				|| path.equals("/packages/import") || path.equals("/api/v1/packages");
	}

	/** A GIFT or QTI file (1 MB), sent again Base64-encoded in a field when the preview is confirmed. */
	private static final long QUESTION_BANK_UPLOAD = 4 * 1024 * 1024;

	private static boolean isQuestionBankUpload(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.matches("(/api/v1)?/courses/[^/]+/questions/import");
	}

	/** A lesson's image or video: up to stride.media.max-video-bytes, streamed to a temporary file like the others. */
	private static boolean isMediaUpload(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.matches("(/api/v1)?/courses/[^/]+/media");
	}

	/** Absence files (2 MB) and certificates (5 MB) with their form fields: far below what drafting takes. */
	private static final long CAPABILITY_UPLOAD = 6 * 1024 * 1024;

	private static boolean isCapabilityUpload(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api/v1/absences/import") || path.equals("/admin/absences/import")
				|| path.matches("/api/v1/people/[^/]+/capabilities/[^/]+/certificates|/capabilities/[^/]+/certificates/new");
	}

	private static void refuse(HttpServletResponse response, String detail) throws IOException {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setHeader("Connection", "close");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\""
					+ detail.replace("\"", "'") + "\"}");
	}

	/** 422 with the message at the {@code file} field, in the shape of every other field error of the API. */
	private static void refuseFile(HttpServletResponse response, String message) throws IOException {
		response.setStatus(422);
		response.setHeader("Connection", "close");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		String quoted = message.replace("\"", "'");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,\"detail\":\"Nothing was saved. "
					+ quoted + "\",\"errors\":{\"file\":\"" + quoted + "\"}}");
	}

	private static final class BodyRefused extends IOException {

		BodyRefused(String message) {
			super(message);
		}
	}

	/** The request with its body already read: parameters from the form body, the stream from memory. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		private Map<String, String[]> parameters;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body was read before the request was handed on");
				}
			};
		}

		@Override
		public BufferedReader getReader() throws UnsupportedEncodingException {
			return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
		}

		@Override
		public String getParameter(String name) {
			String[] values = getParameterMap().get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return getParameterMap().get(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			if (parameters == null) {
				try {
					parse(Integer.MAX_VALUE);
				}
				catch (BodyRefused cannotHappen) {
					throw new IllegalStateException(cannotHappen);
				}
			}
			return parameters;
		}

		/**
		 * The container has only the query string now: the body was read through the stream. A parameter whose
		 * escapes cannot be decoded is left out, as Tomcat does; more than {@code max} parameters are refused.
		 */
		void parse(int max) throws BodyRefused {
			Map<String, List<String>> all = new LinkedHashMap<>();
			super.getParameterMap().forEach((name, values) -> all.computeIfAbsent(name, k -> new ArrayList<>())
				.addAll(List.of(values)));
			if (isForm()) {
				int count = 0;
				for (String pair : new String(body, charset()).split("&")) {
					if (pair.isEmpty()) {
						continue;
					}
					if (++count > max) {
						throw new BodyRefused("The form has more than " + max + " fields.");
					}
					int eq = pair.indexOf('=');
					try {
						String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset());
						String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset());
						all.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
					}
					catch (IllegalArgumentException malformed) {
						// a '%' not followed by two hex digits: skipped, like the container's own parser
					}
				}
			}
			Map<String, String[]> map = new LinkedHashMap<>();
			all.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
			parameters = Collections.unmodifiableMap(map);
		}

		private boolean isForm() {
			String type = getContentType();
			return type != null
					&& type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
		}

		private Charset charset() {
			String encoding = getCharacterEncoding();
			try {
				return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			}
			catch (IllegalArgumentException unknown) {
				return StandardCharsets.UTF_8;
			}
		}
	}
}
