package io.stride.shared.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import org.apache.catalina.core.ApplicationPart;
import org.apache.tomcat.util.http.fileupload.FileItem;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;

/**
 * A multipart request whose body {@link RequestBodyLimits} has already read into a file. The container would parse
 * the parts from the socket, so they are parsed here from the file, with the container's own parser.
 */
final class ReadUpload extends HttpServletRequestWrapper {

	private final Path body;

	private final long maxFile;

	/** The largest form field (not a file) read into memory; a larger one refuses the whole upload. */
	private final long maxField;

	private List<Part> parts;

	private Map<String, String[]> parameters;

	ReadUpload(HttpServletRequest request, Path body, long maxFile, long maxField) {
		super(request);
		this.body = body;
		this.maxFile = maxFile;
		this.maxField = maxField;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		InputStream in = Files.newInputStream(body);
		return new ServletInputStream() {

			private boolean finished;

			@Override
			public int read() throws IOException {
				int b = in.read();
				finished = b == -1;
				return b;
			}

			@Override
			public int read(byte[] buffer, int off, int len) throws IOException {
				int n = in.read(buffer, off, len);
				finished = n == -1;
				return n;
			}

			@Override
			public void close() throws IOException {
				in.close();
			}

			@Override
			public boolean isFinished() {
				return finished;
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
	public BufferedReader getReader() throws IOException {
		return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
	}

	@Override
	public Collection<Part> getParts() throws IOException, ServletException {
		if (parts == null) {
			DiskFileItemFactory files = new DiskFileItemFactory(0, body.getParent().toFile());
			FileUpload upload = new FileUpload();
			upload.setFileItemFactory(files);
			upload.setFileSizeMax(maxFile);
			// as many parts as Tomcat itself takes (server.tomcat.max-part-count)
			upload.setFileCountMax(50);
			List<Part> parsed = new ArrayList<>();
			try {
				List<FileItem> items = upload.parseRequest(new ServletRequestContext(this));
				// a file may be as large as recordings are; a form field is read into memory, so it may not
				if (items.stream().anyMatch(item -> item.isFormField() && item.getSize() > maxField)) {
					items.forEach(FileItem::delete);
					throw new ServletException("A form field of the upload is larger than " + maxField + " bytes");
				}
				for (FileItem item : items) {
					parsed.add(new ApplicationPart(item, body.getParent().toFile()));
				}
			}
			catch (FileUploadException | UncheckedIOException e) {
				throw new ServletException("The upload could not be read", e);
			}
			parts = Collections.unmodifiableList(parsed);
		}
		return parts;
	}

	/** Removes the parts' temporary files, if the parts were read. */
	void deleteParts() throws IOException {
		if (parts != null) {
			for (Part part : parts) {
				part.delete();
			}
		}
	}

	@Override
	public Part getPart(String name) throws IOException, ServletException {
		return getParts().stream().filter(part -> part.getName().equals(name)).findFirst().orElse(null);
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
			// the query string from the container, the form fields from the parts (the container never saw them)
			Map<String, List<String>> all = new LinkedHashMap<>();
			super.getParameterMap().forEach((name, values) -> all.computeIfAbsent(name, k -> new ArrayList<>())
				.addAll(List.of(values)));
			try {
				for (Part part : getParts()) {
					if (part.getSubmittedFileName() == null) {
						try (InputStream in = part.getInputStream()) {
							all.computeIfAbsent(part.getName(), k -> new ArrayList<>())
								.add(new String(in.readAllBytes(), charset()));
						}
					}
				}
			}
			catch (IOException | ServletException unreadable) {
				// no form fields then; the application's own getParts() reports the problem
			}
			Map<String, String[]> map = new LinkedHashMap<>();
			all.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
			parameters = Collections.unmodifiableMap(map);
		}
		return parameters;
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
