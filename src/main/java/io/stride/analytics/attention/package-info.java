/**
 * Needs attention: the lessons learners leave, the questions they miss and the weak courses, for a course or a
 * manager's team (read by rhythm's home and pre-reads).
 */
@NamedInterface("attention")
package io.stride.analytics.attention;

import org.springframework.modulith.NamedInterface;
