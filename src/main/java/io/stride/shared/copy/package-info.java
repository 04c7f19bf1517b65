/**
 * Moving an embedded (H2) installation into PostgreSQL: {@code java -jar stride.jar --stride.copy-to=URL}.
 */
package io.stride.shared.copy;
