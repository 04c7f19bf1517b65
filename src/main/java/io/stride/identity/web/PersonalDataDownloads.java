package io.stride.identity.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.stride.identity.PersonalDataRequests.PersonalExport;
import io.stride.identity.PersonalDataRows;
import io.stride.shared.Csv;
import io.stride.shared.web.CsvDownload;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A person's export as the files an admin downloads, the same from the admin page and the API: one JSON document, or
 * a ZIP with one CSV per table ({@code module/table.csv}) and the person in {@code person.csv}.
 */
final class PersonalDataDownloads {

	private PersonalDataDownloads() {
	}

	static ResponseEntity<?> of(PersonalExport export, String format) {
		String base = "stride-" + CsvDownload.slug(export.person().name(), 40, "person") + "-" + export.person().id();
		if ("csv".equals(format)) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/zip"))
				.header(HttpHeaders.CONTENT_DISPOSITION, attachment(base + ".zip"))
				.body(zip(export));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(base + ".json"))
			.body(json(export));
	}

	/** The JSON document: who, then each module's tables and rows. */
	static Map<String, Object> json(PersonalExport export) {
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("id", export.person().id().value());
		person.put("name", export.person().name());
		person.put("email", export.person().email());
		person.put("active", export.person().active());
		person.put("roles", export.person().roles().stream().map(Enum::name).sorted().toList());
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("person", person);
		document.put("modules", export.modules());
		return document;
	}

	static byte[] zip(PersonalExport export) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			entry(zip, "person.csv", Csv.line("id", "name", "email", "active")
					+ Csv.line(Csv.text(export.person().id().value()), Csv.text(export.person().name()),
							Csv.text(export.person().email()), String.valueOf(export.person().active())));
			export.modules().forEach((module, tables) -> tables.forEach((table, rows) -> {
				StringBuilder csv = new StringBuilder();
				List<String> columns = PersonalDataRows.columns(rows);
				csv.append(Csv.line(columns.stream().map(Csv::text).toArray(String[]::new)));
				for (Map<String, Object> row : rows) {
					csv.append(Csv.line(columns.stream().map(c -> cell(row.get(c))).toArray(String[]::new)));
				}
				entry(zip, module + "/" + table + ".csv", csv.toString());
			}));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static String cell(Object value) {
		return value instanceof Number || value instanceof Boolean ? value.toString()
				: Csv.text(value == null ? null : value.toString());
	}

	private static void entry(ZipOutputStream zip, String name, String text) {
		try {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(text.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String attachment(String fileName) {
		return ContentDisposition.attachment().filename(fileName).build().toString();
	}
}
