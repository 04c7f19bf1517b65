package io.stride.integration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * POSTs webhook and chat deliveries with Apache HttpClient, to the addresses {@link OutgoingUrls#target} checked and to
 * no other: the client's {@link DnsResolver} answers the URL's host with those addresses (tried in turn) and nothing
 * else, so the host is never resolved a second time, and a DNS answer that changed since the check (DNS rebinding)
 * cannot take the connection to an address that was never checked. The client still uses the URL's host for the
 * {@code Host} header, TLS's server name (SNI) and the certificate's host name check.
 * <p>
 * No redirects, no proxy, no cookies, no cached authentication and no retries (the outbox retries). Connecting may take
 * {@code connect-timeout}, each read {@code read-timeout}, and the whole exchange has one deadline (the two together),
 * after which it is cancelled, so a receiver that trickles its answer cannot hold the delivery run. Only the status
 * code counts: at most {@link #MAX_BODY} bytes of the answer's body are read and thrown away.
 */
@Component
public class OutgoingHttp implements AutoCloseable {

	/** The exchange failed before a status code: {@code connecting} when the connection could not be made in time. */
	public static final class TimedOut extends IOException {

		private final boolean connecting;

		TimedOut(boolean connecting) {
			super(connecting ? "connect timed out" : "no answer in time");
			this.connecting = connecting;
		}

		public boolean connecting() {
			return connecting;
		}
	}

	/** How much of an answer's body is read (and discarded) before the connection is dropped. */
	static final int MAX_BODY = 16 * 1024;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final TlsSocketStrategy tls = DefaultClientTlsStrategy.createDefault();

	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "stride-webhook-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	public OutgoingHttp(@Value("${stride.integration.connect-timeout:5s}") Duration connectTimeout,
			@Value("${stride.integration.read-timeout:10s}") Duration readTimeout) {
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
	}

	/** How long a receiver may take to answer once connected. */
	public Duration readTimeout() {
		return readTimeout;
	}

	/** Sends the POST to the checked target and returns the answer's status code. */
	public int post(OutgoingUrls.Target target, Map<String, String> headers, String body) throws IOException {
		if (target.problem() != null) {
			throw new IllegalArgumentException("a refused address");
		}
		HttpPost post = new HttpPost(target.uri());
		headers.forEach(post::setHeader);
		post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), null));
		AtomicBoolean expired = new AtomicBoolean();
		try (CloseableHttpClient client = client(target)) {
			ScheduledFuture<?> deadline = deadlines.schedule(() -> {
				expired.set(true);
				post.cancel();
			}, connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
			try {
				ClassicHttpResponse response = client.executeOpen(null, post, null);
				int code = response.getCode();
				try {
					discard(response.getEntity());
				}
				catch (IOException e) {
					// the status code is all that counts; a body cut short changes nothing
				}
				return code;
			}
			catch (ConnectTimeoutException e) {
				throw new TimedOut(true);
			}
			catch (IOException e) {
				if (expired.get() || e instanceof SocketTimeoutException) {
					throw new TimedOut(false);
				}
				// the delivery log names the kind of failure: the same kinds as before HttpClient
				if (e instanceof HttpHostConnectException) {
					throw new ConnectException("could not connect");
				}
				if (e instanceof NoHttpResponseException || e instanceof ClientProtocolException) {
					throw new IOException("not an HTTP answer");
				}
				throw e;
			}
			finally {
				deadline.cancel(false);
				// drops the connection, also when the body was longer than read
				client.close(CloseMode.IMMEDIATE);
			}
		}
	}

	/** Reads and throws away the body, up to {@link #MAX_BODY} bytes. */
	private static void discard(HttpEntity entity) throws IOException {
		InputStream in = entity == null ? null : entity.getContent();
		if (in == null) {
			return;
		}
		byte[] buffer = new byte[4096];
		long read = 0;
		int n;
		while (read <= MAX_BODY && (n = in.read(buffer)) >= 0) {
			read += n;
		}
	}

	/**
	 * A client for one delivery, whose resolver knows only the target's host and answers it with the checked addresses;
	 * one connection at most, closed after the delivery.
	 */
	private CloseableHttpClient client(OutgoingUrls.Target target) {
		ConnectionConfig connection = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(connectTimeout))
			.setSocketTimeout(Timeout.of(readTimeout))
			.build();
		RequestConfig request = RequestConfig.custom()
			.setRedirectsEnabled(false)
			.setAuthenticationEnabled(false)
			.setResponseTimeout(Timeout.of(readTimeout))
			.setConnectionRequestTimeout(Timeout.of(connectTimeout))
			.build();
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new CheckedAddresses(target))
				.setTlsSocketStrategy(tls)
				.setDefaultConnectionConfig(connection)
				.setMaxConnTotal(1)
				.setMaxConnPerRoute(1)
				.build())
			.setDefaultRequestConfig(request)
			// straight to the receiver: never through a proxy, whatever the JVM's proxy settings say
			.setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableConnectionState()
			.disableContentCompression()
			.disableDefaultUserAgent()
			.build();
	}

	/** Resolves the target's host to the addresses checked for it, without a lookup; any other name is unknown. */
	static final class CheckedAddresses implements DnsResolver {

		private final OutgoingUrls.Target target;

		CheckedAddresses(OutgoingUrls.Target target) {
			this.target = target;
		}

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			if (target.addresses().isEmpty() || !bare(host).equals(bare(target.host()))) {
				throw new UnknownHostException("not the checked host");
			}
			return target.addresses().toArray(InetAddress[]::new);
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			resolve(host);
			return host;
		}

		private static String bare(String host) {
			String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
			return h.toLowerCase(Locale.ROOT);
		}
	}

	@Override
	public void close() {
		deadlines.shutdownNow();
	}
}
