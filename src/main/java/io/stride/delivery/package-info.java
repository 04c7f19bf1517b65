/**
 * Getting courses to learners: assignments with due dates, "my learning", the lesson player and progress.
 */
package io.stride.delivery;
