/**
 * Courses as authors write them: title, description, Markdown lessons and a quiz; drafts, publishing, versions.
 */
package io.stride.authoring;
