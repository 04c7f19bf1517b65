package io.stride.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;

/** Reads the files of a {@link FuzzSeeds} folder, in name order, as the byte arrays a fuzz test takes. */
public final class FuzzSeedFiles implements ArgumentsProvider, AnnotationConsumer<FuzzSeeds> {

	private String folder;

	@Override
	public void accept(FuzzSeeds seeds) {
		this.folder = "fuzz/" + seeds.value();
	}

	@Override
	public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context)
			throws IOException {
		URL url = FuzzSeedFiles.class.getClassLoader().getResource(folder);
		if (url == null) {
			throw new IllegalStateException("No seed corpus at src/test/resources/" + folder);
		}
		Path dir;
		try {
			dir = Path.of(url.toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
		List<Path> files;
		try (Stream<Path> listed = Files.list(dir)) {
			files = listed.filter(Files::isRegularFile).sorted().toList();
		}
		return files.stream().map(file -> Arguments.of(Named.of(file.getFileName().toString(), bytes(file))));
	}

	private static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
