/**
 * The audit log: who changed the state of what, and when; append-only, viewable and exportable by admins.
 */
package io.stride.audit;
