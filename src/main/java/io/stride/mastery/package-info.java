/**
 * Mastery: criteria (an organization default, local criteria per team and course), observed checklists signed off by
 * managers and named experts, and which evidence met which criterion.
 */
package io.stride.mastery;
