package io.stride.shared.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uploads may carry files as large as recordings (hundreds of MB), but a form field is read into memory: one larger
 * than a form may be never is, whoever sends it and before anyone has signed in.
 */
class ReadUploadTests {

	@TempDir
	Path dir;

	@Test
	void aFormFieldLargerThanAFormMayBeRefusesTheUploadInsteadOfFillingTheMemory() throws Exception {
		String field = "x".repeat(3 * 1024 * 1024);
		ReadUpload upload = upload("--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken\r\n"
				+ "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + field + "\r\n--b--\r\n");

		assertThat(upload.getParameterMap()).as("no field is read at all").isEmpty();
		assertThatThrownBy(upload::getParts).isInstanceOf(ServletException.class).hasMessageContaining("larger than");
		try (var left = Files.list(dir)) {
			assertThat(left).as("the parts' files are removed").hasSize(1);
		}
	}

	@Test
	void filesMayBeLargerThanAFormAndFieldsWithinItAreRead() throws Exception {
		String file = "y".repeat(3 * 1024 * 1024);
		ReadUpload upload = upload("--b\r\nContent-Disposition: form-data; name=\"keep\"\r\n\r\ntrue\r\n"
				+ "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"call.mp4\"\r\n\r\n" + file
				+ "\r\n--b--\r\n");

		assertThat(upload.getParameter("keep")).isEqualTo("true");
		assertThat(upload.getPart("files").getSize()).isEqualTo(file.length());
		upload.deleteParts();
	}

	private ReadUpload upload(String body) throws Exception {
		Path file = dir.resolve("upload.body");
		Files.writeString(file, body, StandardCharsets.ISO_8859_1);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/drafts");
		request.setContentType("multipart/form-data; boundary=b");
		request.addHeader("Content-Length", Files.size(file));
		return new ReadUpload(request, file, 500L * 1024 * 1024, 2 * 1024 * 1024);
	}
}
