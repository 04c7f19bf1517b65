/**
 * The library's health: courses by state, age, review-by date and use, with the open lifecycle proposals.
 */
package io.stride.analytics.libraryhealth;
