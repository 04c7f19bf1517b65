/** The catalogue: every published course anyone may find and start, without asking anyone. */
package io.stride.catalog;
