package io.stride.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand over a loopback socket, for what {@code java.net.http} refuses to send (a chosen
 * {@code Host} header, a body that arrives slowly).
 */
public final class RawHttp {

	private RawHttp() {
	}

	public record Response(int status, List<String> headerLines, String body) {

		public List<String> headers(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			return headerLines.stream()
				.filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
				.map(line -> line.substring(prefix.length()).trim())
				.toList();
		}

		public Optional<String> header(String name) {
			return headers(name).stream().findFirst();
		}
	}

	/** Sends the request (headers joined with CRLF, then the body) with {@code Connection: close} and reads the answer. */
	public static Response exchange(int port, String method, String path, List<String> headers, String body)
			throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
			StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
			headers.forEach(header -> request.append(header).append("\r\n"));
			request.append("Connection: close\r\n");
			if (body != null) {
				request.append("Content-Length: ").append(content.length).append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return read(socket.getInputStream());
		}
	}

	public static Response read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		String text = all.toString(StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String head = end < 0 ? text : text.substring(0, end);
		List<String> lines = new ArrayList<>(List.of(head.split("\r\n")));
		int status = Integer.parseInt(lines.remove(0).split(" ")[1]);
		return new Response(status, lines, end < 0 ? "" : text.substring(end + 4));
	}
}
