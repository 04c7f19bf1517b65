/**
 * Course templates and the organization's standards: required parts, length limits, tone and accessibility rules
 * that a course is checked against.
 */
package io.stride.standards;
