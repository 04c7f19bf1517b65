/**
 * Content in and out of Stride: cmi5 and SCORM packages, GIFT and QTI question banks.
 */
package io.stride.packages;
