package io.stride.integration.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * POSTs a body over HTTP/1.1 to the address {@link OutgoingUrls#target} checked, never resolving the host again: the
 * socket connects to that address, while the Host header, TLS's server name (SNI) and the certificate's check use the
 * URL's host. A general HTTP client resolves the name itself when it connects, and a DNS answer that changed since the
 * check (DNS rebinding) would take it to an address that was never checked. Only the status line is read; the whole
 * exchange after connecting has one deadline, so a receiver that trickles its answer cannot hold the delivery run.
 */
public final class PinnedHttp {

	/** The exchange failed before a status line: {@code connecting} when the connection could not be made in time. */
	public static final class Timeout extends IOException {

		private final boolean connecting;

		Timeout(boolean connecting) {
			super(connecting ? "connect timed out" : "no answer in time");
			this.connecting = connecting;
		}

		public boolean connecting() {
			return connecting;
		}
	}

	private static final int MAX_STATUS_LINE = 8192;

	private PinnedHttp() {
	}

	/** Sends the POST and returns the answer's status code. */
	public static int post(OutgoingUrls.Target target, Map<String, String> headers, String body, Duration connectTimeout,
			Duration answerTimeout) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try (Socket plain = connect(target, connectTimeout)) {
			long deadline = System.nanoTime() + answerTimeout.toNanos();
			Socket socket = plain;
			if (target.https()) {
				SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain,
						target.host(), target.port(), true);
				SSLParameters parameters = tls.getSSLParameters();
				// the certificate must name the URL's host, as it would for any https client
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				if (!literal(target.host())) {
					parameters.setServerNames(List.of(new SNIHostName(target.host())));
				}
				tls.setSSLParameters(parameters);
				tls.setSoTimeout(remaining(deadline));
				try {
					tls.startHandshake();
				}
				catch (SocketTimeoutException e) {
					throw new Timeout(false);
				}
				socket = tls;
			}
			try {
				OutputStream out = socket.getOutputStream();
				socket.setSoTimeout(remaining(deadline));
				out.write(head(target, headers, bytes.length).getBytes(StandardCharsets.ISO_8859_1));
				out.write(bytes);
				out.flush();
				return status(socket, deadline);
			}
			catch (SocketTimeoutException e) {
				throw new Timeout(false);
			}
			finally {
				if (socket != plain) {
					socket.close();
				}
			}
		}
	}

	/**
	 * A connection to the first of the checked addresses that answers (a name with an IPv6 and an IPv4 address on a
	 * machine without IPv6), within the connect timeout in all.
	 */
	private static Socket connect(OutgoingUrls.Target target, Duration connectTimeout) throws IOException {
		long deadline = System.nanoTime() + connectTimeout.toNanos();
		IOException last = null;
		for (java.net.InetAddress address : target.addresses()) {
			long left = (deadline - System.nanoTime()) / 1_000_000;
			if (left <= 0) {
				break;
			}
			Socket socket = new Socket();
			try {
				socket.connect(new InetSocketAddress(address, target.port()), (int) left);
				return socket;
			}
			catch (IOException e) {
				socket.close();
				last = e;
			}
		}
		if (last == null || last instanceof SocketTimeoutException) {
			throw new Timeout(true);
		}
		throw last;
	}

	private static String head(OutgoingUrls.Target target, Map<String, String> headers, int length) {
		String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
				: target.uri().getRawPath();
		if (target.uri().getRawQuery() != null) {
			path += "?" + target.uri().getRawQuery();
		}
		boolean defaultPort = target.port() == (target.https() ? 443 : 80);
		StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n");
		head.append("Host: ").append(target.host()).append(defaultPort ? "" : ":" + target.port()).append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Content-Length: ").append(length).append("\r\n");
		head.append("Connection: close\r\n\r\n");
		return head.toString();
	}

	/** Reads the status line ("HTTP/1.1 204 No Content") within the deadline. */
	private static int status(Socket socket, long deadline) throws IOException {
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		while (line.size() < MAX_STATUS_LINE) {
			socket.setSoTimeout(remaining(deadline));
			int b = in.read();
			if (b < 0 || b == '\n') {
				break;
			}
			line.write(b);
		}
		String text = line.toString(StandardCharsets.ISO_8859_1).strip();
		String[] parts = text.split(" ");
		if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
			throw new IOException("not an HTTP answer");
		}
		return Integer.parseInt(parts[1]);
	}

	private static int remaining(long deadline) throws Timeout {
		long millis = (deadline - System.nanoTime()) / 1_000_000;
		if (millis <= 0) {
			throw new Timeout(false);
		}
		return (int) Math.min(Integer.MAX_VALUE, millis);
	}

	private static boolean literal(String host) {
		return host.startsWith("[") || host.contains(":") || host.matches("[0-9.]+");
	}
}
