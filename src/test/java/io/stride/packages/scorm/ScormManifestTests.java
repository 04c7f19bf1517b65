package io.stride.packages.scorm;

import java.util.Map;

import io.stride.packages.PackageRejected;
import io.stride.packages.internal.PackageArchive;
import io.stride.support.ScormPackages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScormManifestTests {

	@Test
	void scorm12ManifestGivesItsScoWithParametersAndMasteryScoreAndLeavesTheAssetOut() {
		ScormManifest manifest = read(ScormPackages.scorm12Files());
		assertThat(manifest.standard()).isEqualTo(ScormStandard.SCORM_12);
		assertThat(manifest.title()).isEqualTo("Ladder safety");
		assertThat(manifest.scos()).singleElement().satisfies(sco -> {
			assertThat(sco.title()).isEqualTo("Before you climb");
			assertThat(sco.launch()).isEqualTo("sco/index.html?chapter=1");
			assertThat(sco.launchPath()).isEqualTo("sco/index.html");
			assertThat(sco.masteryScore()).isEqualTo(70.0);
			assertThat(sco.launchData()).isEqualTo("mode=full");
		});
		assertThat(manifest.notes()).singleElement().asString().contains("Ladder checklist (PDF)", "asset");
	}

	@Test
	void scorm2004FourthEditionGivesThresholdPassingScoreAndXmlBase() {
		ScormManifest manifest = read(ScormPackages.scorm2004Files());
		assertThat(manifest.standard()).isEqualTo(ScormStandard.SCORM_2004_4);
		assertThat(manifest.scos()).extracting(ScormManifest.Sco::launch).containsExactly("index.html", "loading/start.html");
		ScormManifest.Sco first = manifest.scos().getFirst();
		assertThat(first.completionThreshold()).isEqualTo(0.8);
		assertThat(first.passingScore()).isEqualTo(0.7);
	}

	@Test
	void versionFromTheNamespacesWhenNoSchemaversionIsGiven() {
		Map<String, String> files = ScormPackages.scorm2004Files();
		files.put("imsmanifest.xml", ScormPackages.MANIFEST_2004.replace("<schemaversion>2004 4th Edition</schemaversion>", ""));
		assertThat(read(files).standard()).isEqualTo(ScormStandard.SCORM_2004_3);
	}

	@Test
	void packageWithoutManifestAtItsRootIsRefusedSayingWhereItIs() {
		Map<String, String> files = new java.util.LinkedHashMap<>();
		ScormPackages.scorm12Files().forEach((path, text) -> files.put("ladder/" + path, text));
		assertThatThrownBy(() -> read(files)).isInstanceOf(PackageRejected.class)
			.hasMessageContaining("has no imsmanifest.xml at its root (it is at ladder/imsmanifest.xml)");
	}

	@Test
	void itemPointingAtAMissingResourceIsRefusedNamingBoth() {
		Map<String, String> files = ScormPackages.scorm12Files();
		files.put("imsmanifest.xml", ScormPackages.MANIFEST_12.replace("identifierref=\"RES-1\"", "identifierref=\"RES-9\""));
		assertThatThrownBy(() -> read(files)).isInstanceOf(PackageRejected.class)
			.hasMessageContaining("item \"Before you climb\" (ITEM-1) points at resource \"RES-9\", which imsmanifest.xml does not list");
	}

	@Test
	void launchFileMissingFromTheZipIsRefused() {
		Map<String, String> files = ScormPackages.scorm12Files();
		files.remove("sco/index.html");
		assertThatThrownBy(() -> read(files)).isInstanceOf(PackageRejected.class)
			.hasMessageContaining("resource \"RES-1\" launches sco/index.html, which is not in the package");
	}

	@Test
	void externalEntitiesAreNeverRead() {
		Map<String, String> files = ScormPackages.scorm12Files();
		files.put("imsmanifest.xml", "<?xml version=\"1.0\"?><!DOCTYPE manifest [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
				+ ScormPackages.MANIFEST_12.substring(ScormPackages.MANIFEST_12.indexOf("<manifest")).replace("Ladder safety", "&secret;"));
		assertThatThrownBy(() -> read(files)).isInstanceOf(PackageRejected.class)
			.hasMessageContaining("declares a DOCTYPE");
	}

	@Test
	void packageWithOnlyAssetsIsRefused() {
		Map<String, String> files = ScormPackages.scorm12Files();
		files.put("imsmanifest.xml", ScormPackages.MANIFEST_12.replace("adlcp:scormtype=\"sco\"", "adlcp:scormtype=\"asset\""));
		assertThatThrownBy(() -> read(files)).isInstanceOf(PackageRejected.class).hasMessageContaining("has no SCO");
	}

	private static ScormManifest read(Map<String, String> files) {
		return ScormManifest.read(PackageArchive.read("ladder.zip", ScormPackages.zip(files)));
	}
}
