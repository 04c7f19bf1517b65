/**
 * Question banks in and out: a course's quiz questions and knowledge checks as Moodle GIFT and QTI 3.0, and GIFT,
 * QTI 3.0 and QTI 2.1 read into a draft's quiz after a preview.
 */
package io.stride.packages.questions;
