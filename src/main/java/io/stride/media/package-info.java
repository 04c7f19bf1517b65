/**
 * Media in lessons (issue 18): images (checked, resized, written again, with alt text), videos with their WebVTT
 * captions, and links to videos elsewhere, kept per course in the database or a folder ({@link io.stride.media.internal.MediaStore})
 * and served to whoever may read the course. Lessons keep plain Markdown; {@code io.stride.shared.Markdown} shows it.
 */
@ApplicationModule(displayName = "Media", allowedDependencies = { "authoring", "identity", "shared", "standards" })
package io.stride.media;

import org.springframework.modulith.ApplicationModule;
