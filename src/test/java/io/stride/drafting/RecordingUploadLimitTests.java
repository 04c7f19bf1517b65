package io.stride.drafting;

import java.util.List;

import io.stride.support.Fixtures;
import io.stride.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A recording larger than any upload may be is refused from its Content-Length, before a byte of it is read. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "stride.recordings.dir=target/recordings-limits")
class RecordingUploadLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void aRecordingOverTheLimitIsRefusedBeforeItsBodyIsSent() throws Exception {
		String token = fixtures.token(fixtures.organization().managerA());
		long started = System.nanoTime();
		// the headers promise 600 MB that never come: an answer at once means nothing waited for the body
		RawHttp.Response answer = RawHttp.exchange(port, "POST", "/api/v1/drafts",
				List.of("Host: localhost", "Authorization: Bearer " + token,
						"Content-Type: multipart/form-data; boundary=recording", "Content-Length: 629145600"),
				null);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("larger than");
		assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
	}
}
