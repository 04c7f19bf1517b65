/**
 * The demo organization "Acme", seeded on first start of an empty installation so Stride can be tried at once.
 */
package io.stride.demo;
