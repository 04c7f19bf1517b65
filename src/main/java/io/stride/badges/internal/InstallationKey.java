package io.stride.badges.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The installation's Ed25519 signing key: read from {@code stride.badges.key-file} (a PKCS#8 PEM file, as
 * {@code openssl genpkey -algorithm ed25519} writes) when set, otherwise generated once and kept in badge_keys. The
 * private key never leaves this class: pages, the API and logs only ever see the public key's {@code did:key}.
 */
@Component
public class InstallationKey {

	private static final Logger log = LoggerFactory.getLogger(InstallationKey.class);

	private static final String ROW = "installation";

	private final JdbcClient jdbc;

	private final TransactionTemplate separate;

	private final Clock clock;

	private final String keyFile;

	private volatile KeyPair pair;

	private volatile String did;

	InstallationKey(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			@Value("${stride.badges.key-file:}") String keyFile) {
		this.jdbc = jdbc;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.keyFile = keyFile;
	}

	public PrivateKey privateKey() {
		return pair().getPrivate();
	}

	public PublicKey publicKey() {
		return pair().getPublic();
	}

	/** The issuer id of every credential this installation signs. */
	public String did() {
		pair();
		return did;
	}

	private KeyPair pair() {
		KeyPair found = pair;
		if (found == null) {
			synchronized (this) {
				if (pair == null) {
					pair = keyFile.isBlank() ? fromDatabase() : fromFile(Path.of(keyFile));
					did = DataIntegrity.didKey(pair.getPublic());
					log.info("Badges are signed by {}", did);
				}
				found = pair;
			}
		}
		return found;
	}

	private KeyPair fromDatabase() {
		KeyPair stored = separate.execute(status -> read());
		if (stored != null) {
			return stored;
		}
		try {
			KeyPair generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			separate.executeWithoutResult(status -> jdbc
				.sql("INSERT INTO badge_keys (id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)")
				.params(ROW, generated.getPublic().getEncoded(), generated.getPrivate().getEncoded(),
						Timestamp.from(clock.instant()))
				.update());
			return generated;
		}
		catch (DuplicateKeyException raced) {
			// another node generated it first: use theirs
			return separate.execute(status -> read());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 is not available", e);
		}
	}

	private KeyPair read() {
		return jdbc.sql("SELECT public_key, private_key FROM badge_keys WHERE id = ?")
			.param(ROW)
			.query((rs, n) -> decode(rs.getBytes(1), rs.getBytes(2)))
			.optional()
			.orElse(null);
	}

	private static KeyPair decode(byte[] publicKey, byte[] privateKey) {
		try {
			KeyFactory keys = KeyFactory.getInstance("Ed25519");
			return new KeyPair(keys.generatePublic(new X509EncodedKeySpec(publicKey)),
					keys.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the stored badge signing key does not decode", e);
		}
	}

	static KeyPair fromFile(Path file) {
		try {
			String pem = Files.readString(file, StandardCharsets.US_ASCII);
			String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			byte[] pkcs8 = Base64.getDecoder().decode(body);
			PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			// the seed is the last 32 bytes of a PKCS#8 Ed25519 key without an attached public key
			byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
			byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
			return new KeyPair(DataIntegrity.publicKey(raw), privateKey);
		}
		catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException("stride.badges.key-file " + file + " is not a PKCS#8 Ed25519 key", e);
		}
	}
}
